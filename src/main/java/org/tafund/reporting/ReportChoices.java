package org.tafund.reporting;

import java.util.List;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The values the report filters offer: donors, projects, regions, and the fixed codes. */
@Component
class ReportChoices {

	static final List<String> WINDOWS = List.of("CPCJF_GENERAL_PURPOSE", "CPCJF_SPECIAL_PURPOSE",
			"DIRECT_UNODC_PROJECT", "PNI_INSTITUTE");

	static final List<String> THEMES = List.of("EXTRADITION", "MLA", "BOTH", "OTHER_COOPERATION");

	static final List<String> CLASSIFICATIONS = List.of("DEVELOPING", "TRANSITION", "DEVELOPED");

	record Option(String value, String label) {
	}

	private final JdbcClient jdbc;

	ReportChoices(ReportsDatabase reports) {
		this.jdbc = JdbcClient.create(reports.dataSource());
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	List<Option> donors() {
		return jdbc.sql("select id, name from donor where merged_into is null order by name")
			.query((rs, n) -> new Option(rs.getString(1), rs.getString(2)))
			.list();
	}

	List<String> donorTypes() {
		return java.util.Arrays.stream(org.tafund.donors.DonorType.values()).map(Enum::name).toList();
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	List<Option> projects() {
		return jdbc.sql("select id, code, title from project order by code")
			.query((rs, n) -> new Option(rs.getString(1), rs.getString(2) + " " + rs.getString(3)))
			.list();
	}

	/** The regions by their M49 names, labelled in the reader's language and sorted by label. */
	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	List<Option> regions() {
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		var collator = java.text.Collator.getInstance(locale);
		return jdbc.sql("select distinct region from country where region is not null")
			.query(String.class)
			.list()
			.stream()
			.map(r -> new Option(r, org.tafund.reference.Regions.name(r, locale)))
			.sorted(java.util.Comparator.comparing(Option::label, collator))
			.toList();
	}

	/** The column holding a country's name in the reader's language (English for any other). */
	private static String nameColumn(java.util.Locale locale) {
		return switch (locale.getLanguage()) {
			case "fr" -> "name_fr";
			case "es" -> "name_es";
			default -> "name_en";
		};
	}

	/** The countries by code, named in the reader's language and sorted by name. */
	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	List<Option> countries() {
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		var collator = java.text.Collator.getInstance(locale);
		return jdbc.sql("select code, " + nameColumn(locale) + " from country")
			.query((rs, n) -> new Option(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.sorted(java.util.Comparator.comparing(Option::label, collator))
			.toList();
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	String donorName(long id) {
		return jdbc.sql("select name from donor where id = :id").param("id", id).query(String.class).optional()
			.orElse(Long.toString(id));
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	String projectCode(long id) {
		return jdbc.sql("select code from project where id = :id").param("id", id).query(String.class).optional()
			.orElse(Long.toString(id));
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	String countryName(String code, java.util.Locale locale) {
		return jdbc.sql("select " + nameColumn(locale) + " from country where code = :code").param("code", code)
			.query(String.class).optional().orElse(code);
	}

	/**
	 * The period and filters of a report in the reader's words ("Period 1 Jan 2026 to 31 Dec 2026;
	 * donor: Norway, funding window: CPCJF general-purpose"), or in codes for a data file.
	 */
	String describe(ReportFilter filter, Exports.Voice voice) {
		if (voice.codes()) {
			return filter.describe();
		}
		var locale = voice.locale();
		var parts = new java.util.ArrayList<String>();
		java.util.function.BiConsumer<String, String> add = (column, value) -> {
			if (value != null) {
				parts.add(voice.say("export." + column) + ": " + value);
			}
		};
		add.accept("window", filter.window() == null ? null : voice.say("window." + filter.window()));
		add.accept("donor", filter.donorId() == null ? null : donorName(filter.donorId()));
		add.accept("donor_type", filter.donorType() == null ? null : voice.say("donorType." + filter.donorType()));
		add.accept("project", filter.projectId() == null ? null : projectCode(filter.projectId()));
		add.accept("theme", filter.theme() == null ? null : voice.say("theme." + filter.theme()));
		add.accept("region", filter.region() == null ? null : org.tafund.reference.Regions.name(filter.region(), locale));
		add.accept("country", filter.country() == null ? null : countryName(filter.country(), locale));
		add.accept("classification",
				filter.classification() == null ? null : voice.say("classification." + filter.classification()));
		var period = voice.say("export.period", voice.date(filter.from()), voice.date(filter.to()));
		return parts.isEmpty() ? period : period + "; " + String.join(", ", parts);
	}

}
