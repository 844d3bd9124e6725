package org.tafund.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.books.Account;
import org.tafund.books.BalanceQuery;
import org.tafund.books.JournalQueries;
import org.tafund.books.Segment;

/**
 * The statement of financial position (at the period end) and of financial performance (over the
 * period) in the IPSAS 1 layout, one column per fund segment and their total, from the journal
 * alone. The surplus of the period is the change of the net assets it explains.
 */
@Component
class FinancialStatements {

	/** A line of a statement: its section, what it is (an account code or a total) and its figures. */
	record Row(String section, String line, BigDecimal general, BigDecimal special, BigDecimal psc, BigDecimal total) {

		static Row of(String section, String line, Map<Segment, BigDecimal> bySegment) {
			var general = bySegment.getOrDefault(Segment.GENERAL, zero());
			var special = bySegment.getOrDefault(Segment.SPECIAL, zero());
			var psc = bySegment.getOrDefault(Segment.PSC, zero());
			return new Row(section, line, general, special, psc, general.add(special).add(psc));
		}

	}

	record Statements(LocalDate from, LocalDate to, List<Row> position, List<Row> performance) {
	}

	static final List<Account> REVENUE = List.of(Account.REV_GENERAL, Account.REV_SPECIAL, Account.REV_DIRECT,
			Account.REV_PNI, Account.REV_IN_KIND, Account.REFUNDS, Account.PSC_INCOME, Account.OTHER_INCOME);

	static final List<Account> EXPENSES = List.of(Account.EXP_STAFF, Account.EXP_CONSULTANTS, Account.EXP_TRAVEL,
			Account.EXP_CONTRACTUAL_SERVICES, Account.EXP_WORKSHOPS_AND_TRAINING, Account.EXP_EQUIPMENT,
			Account.EXP_GRANTS, Account.EXP_GENERAL_OPERATING, Account.IN_KIND_EXPENSE, Account.PSC_EXPENSE);

	static final List<Account> EXCHANGE = List.of(Account.FX_REALISED, Account.FX_UNREALISED);

	private final JournalQueries books;

	FinancialStatements(JournalQueries books) {
		this.books = books;
	}

	@Transactional(readOnly = true)
	Statements of(LocalDate from, LocalDate to) {
		// Debit-positive balances per account and segment: at the end, and over the period.
		var atEnd = balances(books.sums(BalanceQuery.upTo(to)));
		var inPeriod = balances(books.sums(BalanceQuery.between(from, to)));

		var position = new ArrayList<Row>();
		var cash = bySegment(atEnd, List.of(Account.CASH), false);
		var receivables = bySegment(atEnd, List.of(Account.RECEIVABLE, Account.RECEIVABLE_FX), false);
		position.add(Row.of("assets", "CASH", cash));
		position.add(Row.of("assets", "RECEIVABLE", receivables));
		var assets = plus(cash, receivables);
		position.add(Row.of("assets", "totalAssets", assets));
		position.add(Row.of("liabilities", "totalLiabilities", Map.of()));
		var netAssets = new EnumMap<Segment, BigDecimal>(Segment.class);
		for (var kind : List.of(Account.Kind.REVENUE, Account.Kind.EXPENSE, Account.Kind.NET_ASSETS)) {
			atEnd.forEach((account, segments) -> {
				if (account.kind() == kind) {
					segments.forEach((segment, balance) -> netAssets.merge(segment, balance.negate(), BigDecimal::add));
				}
			});
		}
		position.add(Row.of("netAssets", "accumulatedSurplus", netAssets));
		position.add(Row.of("netAssets", "totalNetAssets", netAssets));

		var performance = new ArrayList<Row>();
		var revenue = new EnumMap<Segment, BigDecimal>(Segment.class);
		for (var account : REVENUE) {
			var line = bySegment(inPeriod, List.of(account), true);
			performance.add(Row.of("revenue", account.code(), line));
			revenue = plus(revenue, line);
		}
		performance.add(Row.of("revenue", "totalRevenue", revenue));
		var expenses = new EnumMap<Segment, BigDecimal>(Segment.class);
		for (var account : EXPENSES) {
			var line = bySegment(inPeriod, List.of(account), false);
			performance.add(Row.of("expenses", account.code(), line));
			expenses = plus(expenses, line);
		}
		performance.add(Row.of("expenses", "totalExpenses", expenses));
		var exchange = new EnumMap<Segment, BigDecimal>(Segment.class);
		for (var account : EXCHANGE) {
			var line = bySegment(inPeriod, List.of(account), true);
			performance.add(Row.of("exchange", account.code(), line));
			exchange = plus(exchange, line);
		}
		var surplus = plus(plus(revenue, negate(expenses)), exchange);
		performance.add(Row.of("surplus", "surplus", surplus));
		return new Statements(from, to, position, performance);
	}

	private static Map<Account, Map<Segment, BigDecimal>> balances(List<org.tafund.books.Balance> sums) {
		var balances = new EnumMap<Account, Map<Segment, BigDecimal>>(Account.class);
		for (var b : sums) {
			balances.computeIfAbsent(b.account(), a -> new EnumMap<>(Segment.class))
				.merge(b.segment(), b.net(), BigDecimal::add);
		}
		return balances;
	}

	/** The accounts' balances per segment; credit-positive for revenue and exchange, debit-positive otherwise. */
	private static EnumMap<Segment, BigDecimal> bySegment(Map<Account, Map<Segment, BigDecimal>> balances,
			List<Account> accounts, boolean creditPositive) {
		var sums = new EnumMap<Segment, BigDecimal>(Segment.class);
		for (var account : accounts) {
			balances.getOrDefault(account, Map.of())
				.forEach((segment, net) -> sums.merge(segment, creditPositive ? net.negate() : net, BigDecimal::add));
		}
		return sums;
	}

	private static EnumMap<Segment, BigDecimal> plus(Map<Segment, BigDecimal> a, Map<Segment, BigDecimal> b) {
		var sum = new EnumMap<Segment, BigDecimal>(Segment.class);
		a.forEach((s, v) -> sum.merge(s, v, BigDecimal::add));
		b.forEach((s, v) -> sum.merge(s, v, BigDecimal::add));
		return sum;
	}

	private static Map<Segment, BigDecimal> negate(Map<Segment, BigDecimal> a) {
		var negated = new EnumMap<Segment, BigDecimal>(Segment.class);
		a.forEach((s, v) -> negated.put(s, v.negate()));
		return negated;
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

}
