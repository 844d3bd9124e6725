package org.tafund.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report on implementation asked of the Secretary-General (resolution 2004/23, para 9), for a
 * period: contributions received by donor type and funding window; the projects supported (any
 * project with an activity, expenditure or allocation in the period) by theme and instrument; the
 * countries assisted (the beneficiaries of those projects and the countries their activities took
 * place in) by classification and region; activities by type; and participants by sex and
 * institution. Every figure is a SQL aggregate.
 */
@Component
class ImplementationReport {

	/**
	 * A labelled count or sum: one bar of a chart, one line of the exports. The section is a key
	 * ({@code byWindow}), the label a code of that section's kind ({@code CPCJF_GENERAL_PURPOSE}, or
	 * {@code total}); {@link #cells} says both in the reader's words.
	 */
	record Figure(String section, String label, BigDecimal value) {

		// The message prefix of each section's codes; a region is named from CLDR, a total in words.
		private static final Map<String, String> LABELS = Map.of("byDonorType", "donorType.", "byWindow", "window.",
				"byTheme", "theme.", "byInstrument", "instrument.", "byClassification", "classification.",
				"byActivityType", "activityType.", "bySex", "participants.", "byInstitution", "participants.");

		Object[] cells(Exports.Voice voice) {
			return new Object[] { voice.codes() ? section : voice.say("export.implementation." + section),
					voice.codes() ? label : label(voice), value };
		}

		String label(Exports.Voice voice) {
			if (section.equals("byRegion")) {
				return org.tafund.reference.Regions.name(label, voice.locale());
			}
			var prefix = LABELS.get(section);
			return voice.messages().getMessage(prefix == null ? "export.implementation." + label : prefix + label, null,
					label, voice.locale());
		}

	}

	record Report(ReportFilter filter, BigDecimal receivedUsd, long donors, List<Figure> byDonorType,
			List<Figure> byWindow, long projects, List<Figure> projectsByTheme, List<Figure> projectsByInstrument,
			long countries, List<Figure> countriesByClassification, long leastDeveloped, List<Figure> countriesByRegion,
			long activities, List<Figure> activitiesByType, long participants, List<Figure> participantsBySex,
			List<Figure> participantsByInstitution) {

		void lines(Consumer<Figure> sink) {
			sink.accept(new Figure("received", "total", receivedUsd));
			byDonorType.forEach(sink);
			byWindow.forEach(sink);
			sink.accept(new Figure("projects", "total", BigDecimal.valueOf(projects)));
			projectsByTheme.forEach(sink);
			projectsByInstrument.forEach(sink);
			sink.accept(new Figure("countries", "total", BigDecimal.valueOf(countries)));
			countriesByClassification.forEach(sink);
			sink.accept(new Figure("countries", "leastDeveloped", BigDecimal.valueOf(leastDeveloped)));
			countriesByRegion.forEach(sink);
			sink.accept(new Figure("activities", "total", BigDecimal.valueOf(activities)));
			activitiesByType.forEach(sink);
			sink.accept(new Figure("participants", "total", BigDecimal.valueOf(participants)));
			participantsBySex.forEach(sink);
			participantsByInstitution.forEach(sink);
		}

		/** The paragraph for the Secretary-General's report, ready to paste, in the reader's language. */
		String summary(Exports.Voice voice) {
			var count = (java.util.function.LongFunction<String>) n -> voice.number(BigDecimal.valueOf(n), 0);
			return voice.say("reports.implementation.summary", voice.date(filter.from()), voice.date(filter.to()),
					voice.number(receivedUsd, 2), count.apply(donors), count.apply(projects), count.apply(countries),
					count.apply(leastDeveloped), count.apply(activities), count.apply(participants),
					count.apply(participantsBySex.get(0).value().longValue()),
					count.apply(participantsBySex.get(1).value().longValue()));
		}

		/** The charts, one per breakdown, as the page draws them: a bar per figure, with its value. */
		List<Exports.Chart> charts(Exports.Voice voice) {
			var charts = new ArrayList<Exports.Chart>();
			java.util.function.BiConsumer<String, List<Figure>> chart = (key, figures) -> {
				if (!figures.isEmpty()) {
					charts.add(new Exports.Chart(voice.say("reports.chart." + key),
							figures.stream().map(f -> Map.entry(f.label(voice), f.value())).toList(),
							key.equals("byDonorType") || key.equals("byWindow") ? 2 : 0));
				}
			};
			chart.accept("byDonorType", byDonorType);
			chart.accept("byWindow", byWindow);
			chart.accept("byTheme", projectsByTheme);
			chart.accept("byInstrument", projectsByInstrument);
			chart.accept("byClassification", countriesByClassification);
			chart.accept("byRegion", countriesByRegion);
			chart.accept("byActivityType", activitiesByType);
			chart.accept("bySex", participantsBySex);
			chart.accept("byInstitution", participantsByInstitution);
			return charts;
		}

		/** On paper: the title, the filters, the summary paragraph and the charts. */
		void summary(com.lowagie.text.Document document, Exports.Voice voice, Exports.Table table) {
			document.add(new com.lowagie.text.Paragraph(table.title(), Exports.bold(14)));
			document.add(new com.lowagie.text.Paragraph(table.subtitle(), Exports.regular(9)));
			var summary = new com.lowagie.text.Paragraph(summary(voice), Exports.regular(10));
			summary.setSpacingBefore(10);
			summary.setSpacingAfter(6);
			document.add(summary);
			Exports.charts(document, voice, charts(voice));
		}

	}

	// Projects supported in the period, narrowed by the project filters.
	private static final String SUPPORTED = """
			select p.id from project p
			 where (exists (select 1 from activity v where v.project_id = p.id and v.withdrawn_on is null
			                   and v.start_date between :from and :to)
			     or exists (select 1 from expenditure e where e.project_id = p.id and e.spent_on between :from and :to)
			     or exists (select 1 from allocation al where al.project_id = p.id
			                   and al.allocated_on between :from and :to))""";

	private final JdbcClient jdbc;

	ImplementationReport(ReportsDatabase reports) {
		this.jdbc = JdbcClient.create(reports.dataSource());
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	Report of(ReportFilter filter) {
		var money = filter.contributions(Sql.where());
		// Whole years from the totals kept per agreement and year (V48), the rest of the period from its lines.
		var years = Years.of(filter.from(), filter.to());
		var receiptFrom = """
				  from (select t.agreement_id, t.debit_usd - t.credit_usd as usd from journal_agreement_year t
				         where t.book_year between :firstYear and :lastYear and t.account_code = 'CASH'
				           and t.source_type in ('RECEIPT', 'RECEIPT_REVERSAL')
				        union all
				        select l.agreement_id, l.debit_usd - l.credit_usd from journal_line l
				         where l.account_code = 'CASH' and l.source_type in ('RECEIPT', 'RECEIPT_REVERSAL')
				           and (l.accounting_date between :edge1From and :edge1To
				                or l.accounting_date between :edge2From and :edge2To)) c
				  join agreement a on a.id = c.agreement_id join donor d on d.id = a.donor_id
				  left join country dc on dc.code = d.country
				 where 1 = 1""" + money.text();
		// One pass over the period's receipts, by donor type, window and donor; the four figures are
		// added up from it (four statements over the same lines took 2 to 3 s each on the volume data).
		var types = new java.util.TreeMap<String, BigDecimal>();
		var windows = new java.util.TreeMap<String, BigDecimal>();
		var donorIds = new java.util.HashSet<Long>();
		var receiptParams = params(filter, money);
		receiptParams.putAll(years.parameters());
		jdbc.sql("select d.donor_type, a.funding_window, d.id, sum(c.usd) " + receiptFrom
				+ " group by d.donor_type, a.funding_window, d.id")
			.params(receiptParams)
			.query((java.sql.ResultSet rs) -> {
				var usd = rs.getBigDecimal(4);
				types.merge(rs.getString(1) == null ? "—" : rs.getString(1), usd, BigDecimal::add);
				windows.merge(rs.getString(2) == null ? "—" : rs.getString(2), usd, BigDecimal::add);
				donorIds.add(rs.getLong(3));
			});
		var byType = types.entrySet().stream().map(e -> new Figure("byDonorType", e.getKey(), Sql.usd(e.getValue()))).toList();
		var byWindow = windows.entrySet().stream().map(e -> new Figure("byWindow", e.getKey(), Sql.usd(e.getValue()))).toList();
		var received = Sql.usd(types.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		var donors = (long) donorIds.size();

		var projectWhere = filter.projects(Sql.where());
		// The supported projects are found once and named by id in the figures that follow (eight
		// evaluations of the same condition took a second on the volume data).
		var supportedIds = jdbc.sql(SUPPORTED + projectWhere.text())
			.params(params(filter, projectWhere))
			.query(Long.class)
			.list();
		var projects = (long) supportedIds.size();
		// A long list would be sent twice per statement: past a thousand, the condition is evaluated again.
		var supported = supportedIds.size() > 1000 ? SUPPORTED + projectWhere.text()
				: "select p.id from project p where p.id in (:supportedIds)";
		var supportedParams = params(filter, projectWhere);
		// An empty list is no valid SQL: no project has id 0.
		supportedParams.put("supportedIds", supportedIds.isEmpty() ? List.of(0L) : supportedIds);
		var byTheme = figures("byTheme", "select p.theme, count(*) from project p where p.id in (" + supported
				+ ") group by p.theme order by p.theme", supportedParams, false);
		var byInstrument = figures("byInstrument",
				"select i.instrument, count(distinct i.project_id) from project_instrument i where i.project_id in ("
						+ supported + ") group by i.instrument order by i.instrument",
				supportedParams, false);

		// Countries assisted: beneficiaries of the supported projects, and where their activities were held.
		var assisted = """
				select pc.country as code from project_country pc where pc.project_id in (%s)
				union
				select v.country from activity v where v.country is not null and v.withdrawn_on is null
				   and v.start_date between :from and :to
				   and v.project_id in (%s)""".formatted(supported, supported);
		// Under a geographic filter, only the countries in that place count.
		var inPlace = filter.places(Sql.where(), "c.code");
		var assistedParams = params(filter, projectWhere, inPlace);
		assistedParams.put("supportedIds", supportedParams.get("supportedIds"));
		var countryFrom = " from country c where c.code in (select code from (" + assisted + ") x)" + inPlace.text();
		var countries = one("select count(*)" + countryFrom, Long.class, assistedParams);
		var byClassification = figures("byClassification",
				"select c.classification, count(*)" + countryFrom + " group by c.classification order by c.classification",
				assistedParams, false);
		var ldc = one("select count(*)" + countryFrom + " and c.ldc = true", Long.class, assistedParams);
		var byRegion = figures("byRegion",
				"select c.region, count(*)" + countryFrom + " group by c.region order by c.region", assistedParams, false);

		// An activity counts where it was held; one without a place counts with its project's beneficiaries.
		var heldIn = filter.places(Sql.where(), "v.country");
		var held = heldIn.text().isEmpty() ? "" : " and (v.country is null or (1 = 1" + heldIn.text() + "))";
		// A withdrawn activity did not take place.
		var activityFrom = " from activity v join project p on p.id = v.project_id where v.withdrawn_on is null"
				+ " and v.start_date between :from and :to"
				+ projectWhere.text() + held;
		var activityParams = params(filter, projectWhere, heldIn);
		var byActivityType = figures("byActivityType", "select v.activity_type, count(*)" + activityFrom
				+ " group by v.activity_type order by v.activity_type", activityParams, false);
		var sums = jdbc.sql("""
				select count(*) as activities, coalesce(sum(v.women), 0) as women, coalesce(sum(v.men), 0) as men,
				       coalesce(sum(v.sex_not_recorded), 0) as not_recorded,
				       coalesce(sum(v.central_authority), 0) as central_authority,
				       coalesce(sum(v.prosecution), 0) as prosecution, coalesce(sum(v.judiciary), 0) as judiciary,
				       coalesce(sum(v.law_enforcement), 0) as law_enforcement, coalesce(sum(v.ministry), 0) as ministry,
				       coalesce(sum(v.other_institution), 0) as other_institution""" + activityFrom)
			.params(activityParams)
			.query()
			.singleRow();
		var bySex = new ArrayList<Figure>();
		bySex.add(new Figure("bySex", "women", number(sums.get("women"))));
		bySex.add(new Figure("bySex", "men", number(sums.get("men"))));
		bySex.add(new Figure("bySex", "sexNotRecorded", number(sums.get("not_recorded"))));
		var byInstitution = new ArrayList<Figure>();
		byInstitution.add(new Figure("byInstitution", "centralAuthority",
				number(sums.get("central_authority"))));
		byInstitution.add(new Figure("byInstitution", "prosecution", number(sums.get("prosecution"))));
		byInstitution.add(new Figure("byInstitution", "judiciary", number(sums.get("judiciary"))));
		byInstitution.add(new Figure("byInstitution", "lawEnforcement",
				number(sums.get("law_enforcement"))));
		byInstitution.add(new Figure("byInstitution", "ministry", number(sums.get("ministry"))));
		byInstitution.add(new Figure("byInstitution", "otherInstitution",
				number(sums.get("other_institution"))));
		var participants = bySex.stream().map(Figure::value).reduce(BigDecimal.ZERO, BigDecimal::add).longValue();
		return new Report(filter, received, donors, byType, byWindow, projects, byTheme, byInstrument, countries,
				byClassification, ldc, byRegion, number(sums.get("activities")).longValue(), byActivityType, participants,
				bySex, byInstitution);
	}

	private List<Figure> figures(String section, String sql, Map<String, Object> params, boolean money) {
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Figure(section, rs.getString(1) == null ? "—" : rs.getString(1),
					money ? Sql.usd(rs, 2) : rs.getBigDecimal(2)))
			.list();
	}

	private <T> T one(String sql, Class<T> type, Map<String, Object> params) {
		return jdbc.sql(sql).params(params).query(type).single();
	}

	/**
	 * The period and the parameters of the filters' conditions. Conditions that name the same
	 * parameter (a country filter on projects and on places) bind the same value.
	 */
	private static Map<String, Object> params(ReportFilter filter, Sql.Where... wheres) {
		var params = new HashMap<String, Object>();
		for (var where : wheres) {
			params.putAll(where.params());
		}
		params.put("from", filter.from());
		params.put("to", filter.to());
		return params;
	}

	private static BigDecimal number(Object value) {
		return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
	}



}
