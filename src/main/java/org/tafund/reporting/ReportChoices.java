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
		return jdbc.sql("select id, name from donor order by name")
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

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	List<String> regions() {
		return jdbc.sql("select distinct region from country where region is not null order by region")
			.query(String.class)
			.list();
	}

}
