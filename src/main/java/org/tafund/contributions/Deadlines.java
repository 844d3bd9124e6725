package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tafund.shared.Money;
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

	/** Reports owed to donors from {@code from} to {@code to}, both included, soonest first. */
	public List<ReportDue> reportsDueBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT a.id, a.reference, a.donor_id, d.due_on FROM agreement_report_due d
				JOIN agreement a ON a.id = d.agreement_id
				WHERE d.due_on BETWEEN ? AND ? AND a.cancelled_on IS NULL AND a.closed_on IS NULL
				ORDER BY d.due_on, a.reference""")
			.param(from)
			.param(to)
			.query((rs, n) -> new ReportDue(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class)))
			.list();
	}

	/** A pledge that no agreement answers yet, with its USD value at the pledge's rate. */
	public record OpenPledge(long id, long donorId, LocalDate pledgedOn, Money amount, Money usd) {
	}

	/** Pledges not yet turned into agreements, oldest first. */
	public List<OpenPledge> pledgesWithoutAgreement() {
		return jdbc.sql("""
				SELECT id, donor_id, pledged_on, amount, currency, usd_amount FROM pledge
				WHERE agreement_id IS NULL AND cancelled_on IS NULL ORDER BY pledged_on, id""")
			.query((rs, n) -> new OpenPledge(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					Money.rounded(rs.getBigDecimal(4), rs.getString(5)), Money.rounded(rs.getBigDecimal(6), Money.USD)))
			.list();
	}

	/** An agreement drafted and not yet signed. */
	public record Draft(long id, String reference, long donorId) {
	}

	/** Agreements drafted and neither signed nor cancelled, oldest first. */
	public List<Draft> unsignedDrafts() {
		return jdbc.sql("""
				SELECT id, reference, donor_id FROM agreement
				WHERE signed_on IS NULL AND cancelled_on IS NULL ORDER BY id""")
			.query((rs, n) -> new Draft(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/**
	 * An instalment still expected: what remains of it once the agreement's receipts (net of
	 * reversals, in the agreement's currency) are applied to the oldest instalments first, as the
	 * agreement's position applies them.
	 */
	public record ExpectedInstalment(long agreementId, String reference, long donorId, String currency,
			LocalDate dueOn, BigDecimal outstanding) {
	}

	/**
	 * Every instalment of a signed, open agreement in money that is not yet fully received, in two
	 * queries whatever the number of agreements (a bank statement is matched against all of them).
	 */
	public List<ExpectedInstalment> expectedInstalments() {
		Map<Long, BigDecimal> received = new HashMap<>();
		jdbc.sql("SELECT agreement_id, SUM(agreement_amount) FROM receipt GROUP BY agreement_id")
			.query(rs -> {
				received.put(rs.getLong(1), rs.getBigDecimal(2));
			});
		var expected = new ArrayList<ExpectedInstalment>();
		long[] current = { -1 };
		BigDecimal[] left = { BigDecimal.ZERO };
		jdbc.sql("""
				SELECT a.id, a.reference, a.donor_id, a.currency, i.due_on, i.amount
				FROM agreement a JOIN instalment i ON i.agreement_id = a.id AND i.schedule_number = a.schedule_number
				WHERE a.signed_on IS NOT NULL AND a.cancelled_on IS NULL AND a.closed_on IS NULL AND a.in_kind = FALSE
				ORDER BY a.id, i.due_on, i.id""")
			.query(rs -> {
				long id = rs.getLong(1);
				if (id != current[0]) {
					current[0] = id;
					left[0] = received.getOrDefault(id, BigDecimal.ZERO);
				}
				var amount = rs.getBigDecimal(6);
				var applied = left[0].max(BigDecimal.ZERO).min(amount);
				left[0] = left[0].subtract(applied);
				var outstanding = amount.subtract(applied);
				if (outstanding.signum() > 0) {
					expected.add(new ExpectedInstalment(id, rs.getString(2), rs.getLong(3), rs.getString(4),
							rs.getObject(5, LocalDate.class), outstanding));
				}
			});
		return expected;
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
