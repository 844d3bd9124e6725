package org.tafund.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.books.Account;
import org.tafund.books.MonthSplit;

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

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final JdbcClient jdbc;

	FundStatement(ReportsDatabase reports) {
		this.jdbc = JdbcClient.create(reports.dataSource());
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	Statement of(LocalDate from, LocalDate to) {
		var earlier = sums(null, from.minusDays(1));
		var during = sums(from, to);
		var before = movements(earlier);
		var opening = before.stream().map(Line::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
		var movements = movements(during);
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
		var allocatedBalance = sum("select coalesce(sum(amount_usd), 0) from allocation where allocated_on between :from and :to",
				BEGINNING, to)
			.add(spentToDate);
		return new Statement(from, to, opening, movements, closing, incomeByWindow(during), cashReceived(during),
				sum("select coalesce(sum(amount_usd), 0) from allocation where allocated_on between :from and :to", from, to),
				receivables(earlier, during), allocatedBalance, closing.subtract(allocatedBalance));
	}

	/** What the journal's lines of some accounts add up to, debits less credits. */
	private static BigDecimal debitsLessCredits(Map<Key, BigDecimal[]> sums, java.util.function.Predicate<Key> which) {
		var total = ZERO;
		for (var sum : sums.entrySet()) {
			if (which.test(sum.getKey())) {
				total = total.add(sum.getValue()[0]).subtract(sum.getValue()[1]);
			}
		}
		return total;
	}

	/** What the books carry as receivable at the period end: at the signature rate, plus the revaluations. */
	private static BigDecimal receivables(Map<Key, BigDecimal[]> earlier, Map<Key, BigDecimal[]> during) {
		java.util.function.Predicate<Key> receivable = key -> key.account() == Account.RECEIVABLE
				|| key.account() == Account.RECEIVABLE_FX;
		return debitsLessCredits(earlier, receivable).add(debitsLessCredits(during, receivable));
	}

	/** Cash the donors' receipts brought in the period, less the receipts reversed in it. */
	private static BigDecimal cashReceived(Map<Key, BigDecimal[]> during) {
		return debitsLessCredits(during, key -> key.account() == Account.CASH
				&& (key.source().equals("RECEIPT") || key.source().equals("RECEIPT_REVERSAL")));
	}

	/** Each statement line: the journal lines of its accounts, credits less debits. */
	private static List<Line> movements(Map<Key, BigDecimal[]> sums) {
		var byAccount = new EnumMap<Account, BigDecimal>(Account.class);
		for (var sum : sums.entrySet()) {
			byAccount.merge(sum.getKey().account(), sum.getValue()[1].subtract(sum.getValue()[0]), BigDecimal::add);
		}
		var lines = new ArrayList<Line>();
		for (var movement : Movement.values()) {
			var usd = movement.accounts()
				.stream()
				.map(a -> byAccount.getOrDefault(a, BigDecimal.ZERO))
				.reduce(ZERO, BigDecimal::add);
			lines.add(new Line(movement.key(), usd));
		}
		return lines;
	}

	private static List<WindowIncome> incomeByWindow(Map<Key, BigDecimal[]> during) {
		var windows = new TreeMap<String, BigDecimal[]>();
		for (var sum : during.entrySet()) {
			var key = sum.getKey();
			if (key.window().isEmpty()) {
				continue;
			}
			var movement = Movement.of(key.account());
			int column = movement == Movement.CONTRIBUTIONS ? 0 : movement == Movement.REFUNDS ? 1
					: movement == Movement.EXCHANGE ? 2 : -1;
			if (column >= 0) {
				var sums = windows.computeIfAbsent(key.window(), w -> new BigDecimal[] { ZERO, ZERO, ZERO });
				sums[column] = sums[column].add(sum.getValue()[1].subtract(sum.getValue()[0]));
			}
		}
		return windows.entrySet()
			.stream()
			.map(w -> new WindowIncome(w.getKey(), w.getValue()[0], w.getValue()[1], w.getValue()[2]))
			.toList();
	}

	/** Journal lines summed by account, funding window ('' for none) and kind of event. */
	private record Key(Account account, String window, String source) {
	}

	/** The debits and credits of the journal's lines dated {@code [from, to]}, by {@link Key}, by {@link MonthSplit}. */
	private Map<Key, BigDecimal[]> sums(LocalDate from, LocalDate to) {
		var sums = new HashMap<Key, BigDecimal[]>();
		var split = MonthSplit.of(from, to);
		if (split.hasMonths()) {
			var months = jdbc.sql("select account_code, funding_window, source_type, sum(debit_usd), sum(credit_usd) "
					+ "from journal_month_total where " + split.monthCondition()
					+ " group by account_code, funding_window, source_type")
				.param("lastMonth", split.lastMonth());
			add(sums, split.firstMonth() == null ? months : months.param("firstMonth", split.firstMonth()));
		}
		for (var days : split.days()) {
			add(sums, jdbc.sql(LINES).param("from", days.from()).param("to", days.to()));
		}
		return sums;
	}

	private static final String LINES = """
			select l.account_code, coalesce(l.funding_window, ''), l.source_type, sum(l.debit_usd), sum(l.credit_usd)
			  from journal_line l
			 where l.accounting_date between :from and :to
			 group by l.account_code, coalesce(l.funding_window, ''), l.source_type""";

	private static void add(Map<Key, BigDecimal[]> sums, JdbcClient.StatementSpec query) {
		query.query((java.sql.ResultSet rs) -> {
			var key = new Key(Account.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3));
			var both = sums.computeIfAbsent(key, k -> new BigDecimal[] { ZERO, ZERO });
			both[0] = both[0].add(rs.getBigDecimal(4));
			both[1] = both[1].add(rs.getBigDecimal(5));
		});
	}

	private BigDecimal sum(String sql, LocalDate from, LocalDate to) {
		return Sql.usd(jdbc.sql(sql).param("from", from).param("to", to).query(BigDecimal.class).single());
	}

}
