package org.tafund.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.Money;

/**
 * The fund statement of a period, read from the journal: opening balance, then one line per
 * {@link Movement} (contributions recognised, refunds, exchange gains and losses, other income,
 * expenditure, PSC charged to projects and PSC income, adjustments), closing balance. The opening
 * balance is the same sums over everything before the period, so the closing balance of one
 * period is the opening balance of the next; the fund balance is that of all three segments.
 */
@Component
class FundStatement {

	static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

	/** One line of the statement; {@code key} names it for pages, exports and tests. */
	record Line(String key, BigDecimal usd) {
	}

	/**
	 * The statement and its memo: cash received and allocations made in the period; at the period
	 * end, what donors still owe on unconditional agreements (at the UN rate of that day), and the
	 * closing balance split into what is allocated to projects and not yet spent, and what is not
	 * allocated.
	 */
	record Statement(LocalDate from, LocalDate to, BigDecimal opening, List<Line> movements, BigDecimal closing,
			List<WindowIncome> incomeByWindow, BigDecimal cashReceived, BigDecimal allocated,
			BigDecimal receivables, BigDecimal allocatedBalance, BigDecimal unallocatedBalance) {
	}

	/**
	 * The income side of the period for one funding window: contributions recognised, refunds and
	 * exchange differences, each traced to its agreement's window. Expenditure and PSC are not
	 * split: a project pools allocations from agreements of several windows.
	 */
	record WindowIncome(String window, BigDecimal contributions, BigDecimal refunds, BigDecimal exchange) {

		public BigDecimal net() {
			return contributions.add(refunds).add(exchange);
		}

	}

	private final JdbcClient jdbc;

	FundStatement(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Transactional(readOnly = true)
	Statement of(LocalDate from, LocalDate to) {
		var before = movements(BEGINNING, from.minusDays(1));
		var opening = before.stream().map(Line::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
		var movements = movements(from, to);
		var closing = movements.stream().map(Line::usd).reduce(opening, BigDecimal::add);
		// Spent to date is what was spent before the period and in it: the lines already summed.
		var spentToDate = BigDecimal.ZERO;
		for (var lines : List.of(before, movements)) {
			for (var line : lines) {
				if (line.key().equals(Movement.EXPENDITURE.key()) || line.key().equals(Movement.PSC.key())) {
					spentToDate = spentToDate.add(line.usd());
				}
			}
		}
		// Allocations earmark the balance for projects; they move no money, so the books hold no entry for them.
		var allocatedBalance = sum("select coalesce(sum(amount_usd), 0) from allocation where allocated_on between ? and ?",
				BEGINNING, to)
			.add(spentToDate);
		return new Statement(from, to, opening, movements, closing, incomeByWindow(from, to), cashReceived(from, to),
				sum("select coalesce(sum(amount_usd), 0) from allocation where allocated_on between ? and ?", from, to),
				receivables(to), allocatedBalance, closing.subtract(allocatedBalance));
	}

	/** What the books carry as receivable at the period end: at the signature rate, plus the revaluations. */
	private BigDecimal receivables(LocalDate to) {
		return jdbc.sql("""
				select coalesce(sum(debit_usd) - sum(credit_usd), 0) from journal_line
				 where account_code in ('RECEIVABLE', 'RECEIVABLE_FX') and accounting_date <= ?""")
			.params(to)
			.query(BigDecimal.class)
			.single();
	}

	/** Cash the donors' receipts brought in the period, less the receipts reversed in it. */
	private BigDecimal cashReceived(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select coalesce(sum(l.debit_usd) - sum(l.credit_usd), 0) from journal_line l
				  join journal_entry e on e.id = l.entry_id
				 where l.account_code = 'CASH' and l.accounting_date between ? and ?
				   and e.source_type in ('RECEIPT', 'RECEIPT_REVERSAL')""")
			.params(from, to)
			.query(BigDecimal.class)
			.single();
	}

	/** Each statement line: the journal lines of its accounts, credits less debits. */
	private List<Line> movements(LocalDate from, LocalDate to) {
		var byAccount = new java.util.EnumMap<org.tafund.books.Account, BigDecimal>(org.tafund.books.Account.class);
		jdbc.sql("""
				select account_code, coalesce(sum(credit_usd) - sum(debit_usd), 0) from journal_line
				 where accounting_date between ? and ? group by account_code""")
			.params(from, to)
			.query((rs, n) -> byAccount.put(org.tafund.books.Account.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
			.list();
		var lines = new ArrayList<Line>();
		for (var movement : Movement.values()) {
			var usd = movement.accounts()
				.stream()
				.map(a -> byAccount.getOrDefault(a, BigDecimal.ZERO))
				.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
			lines.add(new Line(movement.key(), usd));
		}
		return lines;
	}

	private List<WindowIncome> incomeByWindow(LocalDate from, LocalDate to) {
		var windows = new java.util.TreeMap<String, BigDecimal[]>();
		jdbc.sql("""
				select funding_window, account_code, coalesce(sum(credit_usd) - sum(debit_usd), 0) from journal_line
				 where accounting_date between ? and ? and funding_window is not null
				 group by funding_window, account_code""")
			.params(from, to)
			.query((rs, n) -> {
				var movement = Movement.of(org.tafund.books.Account.valueOf(rs.getString(2)));
				int column = movement == Movement.CONTRIBUTIONS ? 0 : movement == Movement.REFUNDS ? 1
						: movement == Movement.EXCHANGE ? 2 : -1;
				if (column >= 0) {
					var zero = BigDecimal.ZERO.setScale(2);
					var sums = windows.computeIfAbsent(rs.getString(1), w -> new BigDecimal[] { zero, zero, zero });
					sums[column] = sums[column].add(rs.getBigDecimal(3));
				}
				return null;
			})
			.list();
		return windows.entrySet()
			.stream()
			.map(w -> new WindowIncome(w.getKey(), w.getValue()[0], w.getValue()[1], w.getValue()[2]))
			.toList();
	}

	private BigDecimal sum(String sql, LocalDate from, LocalDate to) {
		return Sql.usd(jdbc.sql(sql).params(from, to).query(BigDecimal.class).single());
	}

}
