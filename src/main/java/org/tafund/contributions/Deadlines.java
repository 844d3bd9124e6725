package org.tafund.contributions;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the reminders ask of the agreements: reports owed to donors on a day, the currencies in use. */
@Service
public class Deadlines {

	private final JdbcClient jdbc;

	Deadlines(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** A report owed to a donor under an agreement that is still open. */
	public record ReportDue(long agreementId, String reference, long donorId, LocalDate dueOn) {
	}

	public List<ReportDue> reportsDueOn(LocalDate day) {
		return jdbc.sql("""
				SELECT a.id, a.reference, a.donor_id, d.due_on FROM agreement_report_due d
				JOIN agreement a ON a.id = d.agreement_id
				WHERE d.due_on = ? AND a.cancelled_on IS NULL AND a.closed_on IS NULL ORDER BY a.reference""")
			.param(day)
			.query((rs, n) -> new ReportDue(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class)))
			.list();
	}

	/** The currencies of the agreements neither cancelled nor closed, which revaluation needs rates for. */
	public List<String> currenciesInUse() {
		return jdbc.sql("""
				SELECT DISTINCT currency FROM agreement
				WHERE cancelled_on IS NULL AND closed_on IS NULL ORDER BY currency""")
			.query(String.class)
			.list();
	}

}
