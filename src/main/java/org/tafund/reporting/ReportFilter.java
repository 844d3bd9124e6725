package org.tafund.reporting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What every report can be narrowed by: a period (by default the current calendar year) and the
 * filters of the issue. Contribution figures apply the funding window, donor, donor type and the
 * donor's country, region and classification; project figures apply the project, theme and the
 * beneficiary countries' country, region and classification. Blank means no filter.
 */
record ReportFilter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String window, Long donorId, String donorType,
		Long projectId, String theme, String region, String country, String classification) {

	ReportFilter {
		// A period given by its end alone starts on January 1st of that year.
		var year = to != null ? to.getYear() : from != null ? from.getYear() : LocalDate.now().getYear();
		from = from == null ? LocalDate.of(year, 1, 1) : from;
		to = to == null ? LocalDate.of(year, 12, 31) : to;
		if (to.isBefore(from)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The period ends before it starts.");
		}
		window = code(window);
		donorType = code(donorType);
		theme = code(theme);
		country = code(country);
		classification = code(classification);
		region = region == null || region.isBlank() ? null : region.strip();
	}

	static ReportFilter period(LocalDate from, LocalDate to) {
		return new ReportFilter(from, to, null, null, null, null, null, null, null, null);
	}

	ReportFilter withDonor(Long id) {
		return new ReportFilter(from, to, window, id, donorType, projectId, theme, region, country, classification);
	}

	/** The filters the ledger applies (period, window, donor, donor type, project), the others dropped. */
	ReportFilter forLedger() {
		return new ReportFilter(from, to, window, donorId, donorType, projectId, null, null, null, null);
	}

	ReportFilter withProject(Long id) {
		return new ReportFilter(from, to, window, donorId, donorType, id, theme, region, country, classification);
	}

	/** The same filter as a query string, for the download links of a page. */
	public String query() {
		var values = new LinkedHashMap<String, Object>();
		values.put("from", from);
		values.put("to", to);
		values.put("window", window);
		values.put("donorId", donorId);
		values.put("donorType", donorType);
		values.put("projectId", projectId);
		values.put("theme", theme);
		values.put("region", region);
		values.put("country", country);
		values.put("classification", classification);
		return values.entrySet()
			.stream()
			.filter(e -> e.getValue() != null)
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** The filters in force, as words for a report's subtitle. */
	String describe() {
		var parts = new LinkedHashMap<String, Object>();
		parts.put("window", window);
		parts.put("donor", donorId);
		parts.put("donor type", donorType);
		parts.put("project", projectId);
		parts.put("theme", theme);
		parts.put("region", region);
		parts.put("country", country);
		parts.put("classification", classification);
		var text = parts.entrySet()
			.stream()
			.filter(e -> e.getValue() != null)
			.map(e -> e.getKey() + " " + e.getValue())
			.collect(Collectors.joining(", "));
		return "Period " + from + " to " + to + (text.isEmpty() ? "" : "; " + text);
	}

	/** Conditions on an agreement {@code a}, its donor {@code d} and the donor's country {@code dc}. */
	Sql.Where contributions(Sql.Where where) {
		return where.and(window != null, "a.funding_window = :window", "window", window)
			.and(donorId != null, "d.id = :donorId", "donorId", donorId)
			.and(donorType != null, "d.donor_type = :donorType", "donorType", donorType)
			.and(country != null, "d.country = :country", "country", country)
			.and(region != null, "(dc.region = :region or dc.sub_region = :region or dc.intermediate_region = :region)",
					"region", region)
			.and(classification != null, "dc.classification = :classification", "classification", classification);
	}

	/** Conditions on a project {@code p} and its beneficiary countries. */
	Sql.Where projects(Sql.Where where) {
		return where.and(projectId != null, "p.id = :projectId", "projectId", projectId)
			.and(theme != null, "p.theme = :theme", "theme", theme)
			.and(country != null,
					"exists (select 1 from project_country pc where pc.project_id = p.id and pc.country = :country)",
					"country", country)
			.and(region != null, """
					exists (select 1 from project_country pc join country bc on bc.code = pc.country
					        where pc.project_id = p.id
					          and (bc.region = :region or bc.sub_region = :region or bc.intermediate_region = :region))""",
					"region", region)
			.and(classification != null, """
					exists (select 1 from project_country pc join country bc on bc.code = pc.country
					        where pc.project_id = p.id and bc.classification = :classification)""", "classification",
					classification);
	}

	/**
	 * Conditions on a country code held in {@code column} (where an activity took place, a
	 * country assisted): the geographic filters applied to the place itself.
	 */
	Sql.Where places(Sql.Where where, String column) {
		return where.and(country != null, column + " = :country", "country", country)
			.and(region != null, """
					exists (select 1 from country gc where gc.code = %s
					          and (gc.region = :region or gc.sub_region = :region or gc.intermediate_region = :region))"""
				.formatted(column), "region", region)
			.and(classification != null,
					"exists (select 1 from country gc where gc.code = %s and gc.classification = :classification)"
						.formatted(column),
					"classification", classification);
	}

	private static String code(String value) {
		return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
	}

}
