package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tafund.contributions.ContributionManagement.OverdueInstalment;
import org.tafund.shared.Money;

/**
 * The instalments past due and not fully received, read in one statement: the instalments already
 * due of every open agreement's current schedule, each agreement's together and with what it
 * received (its receipts' yearly totals, V48, not every receipt), settled by {@link Agreement#applied},
 * the agreement page's own rule. Loading each
 * agreement with its receipts and refunds cost three statements per agreement, 59,073 for the overdue
 * page at the Fund's volume (issue 15). Only the overdue lines are kept.
 */
@Component
class OverdueInstalments {

	private final JdbcClient jdbc;

	OverdueInstalments(DataSource dataSource) {
		// Rows fetched a thousand at a time where the driver streams (MariaDB's does), not all held at once.
		var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		template.setFetchSize(1000);
		this.jdbc = JdbcClient.create(template);
	}

	/** Most overdue first. */
	List<OverdueInstalment> asOf(LocalDate today) {
		var lines = new ArrayList<OverdueInstalment>();
		var agreement = new Due[1];
		jdbc.sql("""
				SELECT a.id, a.reference, a.donor_id, a.currency, a.recognition_rate, i.due_on, i.amount,
				       COALESCE(r.received, 0) AS received
				FROM agreement a
				JOIN instalment i ON i.agreement_id = a.id AND i.schedule_number = a.schedule_number
				LEFT JOIN (SELECT agreement_id, SUM(agreement_amount) AS received FROM receipt_agreement_year
				           GROUP BY agreement_id) r ON r.agreement_id = a.id
				WHERE a.signed_on IS NOT NULL AND a.cancelled_on IS NULL AND a.closed_on IS NULL AND i.due_on < ?
				ORDER BY a.id, i.due_on, i.id""")
			.param(today)
			.query(rs -> {
				long id = rs.getLong(1);
				if (agreement[0] == null || agreement[0].id != id) {
					if (agreement[0] != null) {
						agreement[0].overdueLines(today, lines);
					}
					var currency = rs.getString(4);
					agreement[0] = new Due(id, rs.getString(2), rs.getLong(3), currency, rs.getBigDecimal(5),
							Money.rounded(rs.getBigDecimal(8), currency));
				}
				agreement[0].add(rs.getObject(6, LocalDate.class), rs.getBigDecimal(7));
			});
		if (agreement[0] != null) {
			agreement[0].overdueLines(today, lines);
		}
		lines.sort(Comparator.comparing(OverdueInstalment::daysOverdue).reversed());
		return lines;
	}

	/** One agreement's instalments already due, in due order, and what it received. */
	private static final class Due {

		final long id;

		final String reference;

		final long donorId;

		final String currency;

		final BigDecimal rate;

		final Money received;

		final List<LocalDate> dueOn = new ArrayList<>();

		final List<Money> amounts = new ArrayList<>();

		Due(long id, String reference, long donorId, String currency, BigDecimal rate, Money received) {
			this.id = id;
			this.reference = reference;
			this.donorId = donorId;
			this.currency = currency;
			this.rate = rate;
			this.received = received;
		}

		void add(LocalDate due, BigDecimal amount) {
			dueOn.add(due);
			amounts.add(new Money(amount, currency));
		}

		void overdueLines(LocalDate today, List<OverdueInstalment> into) {
			var applied = Agreement.applied(received, amounts);
			for (int n = 0; n < amounts.size(); n++) {
				var outstanding = amounts.get(n).minus(applied.get(n));
				long days = Agreement.daysOverdue(dueOn.get(n), outstanding, today);
				if (days > 0) {
					into.add(new OverdueInstalment(id, reference, donorId, dueOn.get(n), days, outstanding,
							outstanding.toUsd(rate)));
				}
			}
		}

	}

}
