package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tafund.support.RequiresTestDatabase;
import org.tafund.support.TestClock;
import org.tafund.support.TestDatabase;
import org.tafund.volume.VolumeData;

/**
 * The reports reconcile on generated data (several currencies, reversals, refunds, revaluation
 * runs, allocations, expenditure): for each of two consecutive periods, every fund statement line
 * equals the sum of its ledger lines and the matching status-of-contributions total, to the cent,
 * and the closing balance of the first period is the opening balance of the second. The data lives
 * in a database of its own, so that no other test's figures move.
 */
@ExtendWith(RequiresTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciliationTests {

	TestDatabase.Connection db;

	DataSource dataSource;

	@BeforeAll
	void generate() throws Exception {
		var server = TestDatabase.get();
		var name = "tafund_reconcile_" + UUID.randomUUID().toString().substring(0, 8);
		try (var connection = server.open(); var statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		db = server.withDatabase(name);
		dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
		VolumeData.generate(dataSource, 0.02, VolumeData.DEFAULT_SEED, TestClock.today());
	}

	@AfterAll
	void drop() throws Exception {
		if (db != null) {
			try (var connection = TestDatabase.get().open(); var statement = connection.createStatement()) {
				statement.execute("DROP DATABASE " + db.url().replaceAll(".*/([^/?]+).*", "$1"));
			}
		}
	}

	@Test
	void fundStatementLedgerAndStatusOfContributionsAgreeToTheCentAndPeriodsChain() {
		var jdbc = new JdbcTemplate(dataSource);
		// Two consecutive periods that cover the generated history between them.
		var first = new Period(LocalDate.of(1990, 1, 1), LocalDate.of(2012, 6, 30));
		var second = new Period(LocalDate.of(2012, 7, 1), LocalDate.of(TestClock.today().getYear(), 12, 31));
		// The data has what reconciliation is about, in the years compared.
		assertThat(jdbc.queryForObject("select count(distinct currency) from receipt where received_on between ? and ?",
				Long.class, first.from(), second.to())).isGreaterThan(3);
		assertThat(count(jdbc, "select count(*) from receipt where reversal_of is not null and received_on between ? and ?",
				first, second)).isPositive();
		assertThat(count(jdbc, "select count(*) from refund where refunded_on between ? and ?", first, second))
			.isPositive();
		assertThat(count(jdbc, "select count(*) from revaluation_run where period_end between ? and ?", first, second))
			.isPositive();
		assertThat(jdbc.queryForObject("select count(*) from agreement where conditional_terms = true", Long.class))
			.isPositive();

		var statements = new FundStatement(ReportsDatabase.on(dataSource));
		var ledger = new Ledger(ReportsDatabase.on(dataSource));
		var status = new StatusOfContributions(ReportsDatabase.on(dataSource), TestClock.CLOCK);
		FundStatement.Statement previous = null;
		for (var period : new Period[] { first, second }) {
			var statement = statements.of(period.from(), period.to());
			var filter = ReportFilter.period(period.from(), period.to());
			// Each statement line is the sum of its ledger lines, added up here one line at a time.
			for (var movement : Movement.values()) {
				assertThat(line(statement, movement.key())).as(movement.key())
					.isEqualByComparingTo(sumOfLines(ledger, filter, movement.key()));
			}
			var cash = new BigDecimal[] { BigDecimal.ZERO };
			ledger.stream(filter, "CASH", l -> {
				if (l.source().startsWith("RECEIPT")) {
					cash[0] = cash[0].add(l.usd());
				}
			});
			assertThat(statement.cashReceived()).isEqualByComparingTo(cash[0]);
			assertThat(line(statement, "contributions")).isNotZero();
			assertThat(line(statement, "exchange")).isNotZero();
			// The windows add up to the statement's income lines.
			assertThat(statement.incomeByWindow().stream().map(FundStatement.WindowIncome::contributions)
				.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(line(statement, "contributions"));
			assertThat(statement.incomeByWindow().stream().map(FundStatement.WindowIncome::refunds)
				.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(line(statement, "refunds"));
			assertThat(statement.incomeByWindow().stream().map(FundStatement.WindowIncome::exchange)
				.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(line(statement, "exchange"));

			// The status of contributions, summed agreement by agreement, says the same.
			var summary = status.summarise(filter, 0);
			assertThat(summary.total().recognisedInPeriodUsd()).isEqualByComparingTo(line(statement, "contributions"));
			assertThat(summary.total().refundedUsd()).isEqualByComparingTo(line(statement, "refunds").negate());
			assertThat(summary.total().receivedInPeriodUsd()).isEqualByComparingTo(statement.cashReceived());
			assertThat(summary.total().exchangeInPeriodUsd()).isEqualByComparingTo(line(statement, "exchange"));
			// The receivables at the period end are the journal's, whether summed from the first line or taken
			// from the agreements' kept totals less what came after; both ways give the same rows.
			assertThat(summary.total().receivableUsd()).isEqualByComparingTo(jdbc.queryForObject(
					"select sum(debit_usd - credit_usd) from journal_line where account_code in ('RECEIVABLE', "
							+ "'RECEIVABLE_FX') and agreement_id is not null and accounting_date <= ?",
					BigDecimal.class, period.to()));
			var ways = new java.util.ArrayList<List<StatusOfContributions.Row>>();
			for (var fromStart : List.of(true, false)) {
				status.readFromTheStart(fromStart);
				var rows = new java.util.ArrayList<StatusOfContributions.Row>();
				status.stream(filter, rows::add);
				ways.add(rows);
			}
			status.readFromTheStart(null);
			assertThat(ways.get(0)).isNotEmpty().isEqualTo(ways.get(1));

			// The closing balance is the opening plus the lines, and opens the next period.
			var lines = statement.movements().stream().map(FundStatement.Line::usd).reduce(BigDecimal.ZERO,
					BigDecimal::add);
			assertThat(statement.closing()).isEqualByComparingTo(statement.opening().add(lines));
			assertThat(statement.closing()).isEqualByComparingTo(statement.allocatedBalance()
				.add(statement.unallocatedBalance()));
			if (previous != null) {
				assertThat(statement.opening()).isEqualByComparingTo(previous.closing());
			}
			previous = statement;
		}
		// Both periods at once close where the second closes.
		assertThat(statements.of(first.from(), second.to()).closing()).isEqualByComparingTo(previous.closing());
	}

	/**
	 * The status of contributions sums whole years from the totals kept per agreement and year and the
	 * rest of a period from lines and receipts. Over periods that start and end inside a year, inside
	 * one year, and on whole years, each agreement's figures are those summed here straight from every
	 * journal line and receipt, whichever way the receivables are read.
	 */
	@Test
	void theStatusOfContributionsIsEachAgreementsSumOfItsLinesAndReceiptsOverAnyPeriod() {
		var jdbc = new JdbcTemplate(dataSource);
		// The kept totals are the sums of what they keep.
		assertThat(jdbc.queryForList("select book_year, agreement_id, account_code, source_type, debit_usd, credit_usd "
				+ "from journal_agreement_year order by 1, 2, 3, 4")).isNotEmpty()
			.isEqualTo(jdbc.queryForList("select year(accounting_date) as book_year, agreement_id, account_code, "
					+ "source_type, sum(debit_usd) as debit_usd, sum(credit_usd) as credit_usd from journal_line "
					+ "where agreement_id is not null group by 1, 2, 3, 4 order by 1, 2, 3, 4"));
		assertThat(jdbc.queryForList("select book_year, agreement_id, agreement_amount from receipt_agreement_year "
				+ "order by 1, 2")).isNotEmpty()
			.isEqualTo(jdbc.queryForList("select year(received_on) as book_year, agreement_id, "
					+ "sum(agreement_amount) as agreement_amount from receipt group by 1, 2 order by 1, 2"));

		var status = new StatusOfContributions(ReportsDatabase.on(dataSource), TestClock.CLOCK);
		var periods = List.of(new Period(LocalDate.of(1990, 1, 1), LocalDate.of(2012, 6, 30)),
				new Period(LocalDate.of(2012, 7, 1), LocalDate.of(TestClock.today().getYear(), 12, 31)),
				new Period(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 12, 31)),
				new Period(LocalDate.of(2012, 3, 15), LocalDate.of(2012, 9, 10)),
				new Period(LocalDate.of(2011, 5, 1), LocalDate.of(2013, 2, 28)),
				new Period(LocalDate.of(2011, 5, 1), LocalDate.of(2012, 2, 29)));
		for (var period : periods) {
			var lines = new java.util.HashMap<Long, List<BigDecimal>>();
			jdbc.query("""
					select agreement_id,
					       sum(case when account_code in ('REV_GENERAL', 'REV_SPECIAL', 'REV_DIRECT', 'REV_PNI', 'REV_IN_KIND')
					                 and accounting_date between ? and ? then credit_usd - debit_usd else 0 end),
					       sum(case when account_code = 'REFUNDS' and accounting_date between ? and ?
					                then debit_usd - credit_usd else 0 end),
					       sum(case when account_code in ('FX_REALISED', 'FX_UNREALISED') and accounting_date between ? and ?
					                then credit_usd - debit_usd else 0 end),
					       sum(case when account_code = 'CASH' and source_type in ('RECEIPT', 'RECEIPT_REVERSAL')
					                 and accounting_date between ? and ? then debit_usd - credit_usd else 0 end),
					       sum(case when account_code in ('RECEIVABLE', 'RECEIVABLE_FX') and accounting_date <= ?
					                then debit_usd - credit_usd else 0 end)
					  from journal_line where agreement_id is not null group by agreement_id""", (java.sql.ResultSet rs) -> {
				lines.put(rs.getLong(1), List.of(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
						rs.getBigDecimal(5), rs.getBigDecimal(6)));
			}, period.from(), period.to(), period.from(), period.to(), period.from(), period.to(), period.from(),
					period.to(), period.to());
			var receipts = new java.util.HashMap<Long, List<BigDecimal>>();
			jdbc.query("select agreement_id, sum(case when received_on between ? and ? then agreement_amount else 0 end), "
					+ "sum(case when received_on <= ? then agreement_amount else 0 end) from receipt group by agreement_id",
					(java.sql.ResultSet rs) -> {
						receipts.put(rs.getLong(1), List.of(rs.getBigDecimal(2), rs.getBigDecimal(3)));
					}, period.from(), period.to(), period.to());
			// The report on implementation's contributions received: the same cash, and its donors.
			var implementation = new ImplementationReport(ReportsDatabase.on(dataSource))
				.of(ReportFilter.period(period.from(), period.to()));
			assertThat(implementation.receivedUsd()).as(period + ": received, report on implementation")
				.isEqualByComparingTo(lines.values().stream().map(sums -> sums.get(3)).reduce(BigDecimal.ZERO, BigDecimal::add));
			assertThat(implementation.donors()).as(period + ": donors, report on implementation")
				.isEqualTo(jdbc.queryForObject("select count(distinct a.donor_id) from journal_line l join agreement a on "
						+ "a.id = l.agreement_id where l.account_code = 'CASH' and l.source_type in ('RECEIPT', "
						+ "'RECEIPT_REVERSAL') and l.accounting_date between ? and ?", Long.class, period.from(), period.to()));
			var none = List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
			for (var fromStart : List.of(true, false)) {
				status.readFromTheStart(fromStart);
				var rows = new java.util.ArrayList<StatusOfContributions.Row>();
				status.stream(ReportFilter.period(period.from(), period.to()), rows::add);
				assertThat(rows).as(period + " has agreements").hasSizeGreaterThan(10);
				var moved = 0;
				for (var row : rows) {
					var as = period + (fromStart ? " from the start, " : " from the kept totals, ") + row.reference();
					var sums = lines.getOrDefault(row.agreementId(), none);
					assertThat(row.recognisedInPeriodUsd()).as(as + ": revenue").isEqualByComparingTo(sums.get(0));
					assertThat(row.refundedUsd()).as(as + ": refunded").isEqualByComparingTo(sums.get(1));
					assertThat(row.exchangeInPeriodUsd()).as(as + ": exchange").isEqualByComparingTo(sums.get(2));
					assertThat(row.receivedInPeriodUsd()).as(as + ": cash").isEqualByComparingTo(sums.get(3));
					assertThat(row.receivableUsd()).as(as + ": receivable").isEqualByComparingTo(sums.get(4));
					var received = receipts.getOrDefault(row.agreementId(), List.of(BigDecimal.ZERO, BigDecimal.ZERO));
					assertThat(row.receivedInPeriod()).as(as + ": received in the period")
						.isEqualByComparingTo(org.tafund.shared.Money.rounded(received.get(0), row.currency()).amount());
					assertThat(row.receivedToDate()).as(as + ": received to date")
						.isEqualByComparingTo(org.tafund.shared.Money.rounded(received.get(1), row.currency()).amount());
					if (sums.get(0).signum() != 0 || received.get(0).signum() != 0) {
						moved++;
					}
				}
				assertThat(moved).as(period + ": agreements with revenue or receipts in the period").isPositive();
				// A donor's rows (a donor statement reads its receipts by agreement, not from the year totals) are
				// the same as in the whole report.
				var byDonor = rows.stream().collect(java.util.stream.Collectors.groupingBy(StatusOfContributions.Row::donorId));
				// Donors who received something by the period end, so that their receipts are compared.
				var donors = byDonor.entrySet().stream()
					.filter(e -> e.getValue().stream().anyMatch(r -> r.receivedToDate().signum() != 0))
					.map(java.util.Map.Entry::getKey).sorted().limit(5).toList();
				assertThat(donors).as(period + ": donors with receipts").isNotEmpty();
				for (var donor : donors) {
					var own = new java.util.ArrayList<StatusOfContributions.Row>();
					status.stream(ReportFilter.period(period.from(), period.to()).withDonor(donor), own::add);
					assertThat(own).as(period + ", donor " + donor).isEqualTo(byDonor.get(donor));
				}
				// And a funding window's (the year totals narrowed to the window's agreements).
				var window = rows.stream().map(StatusOfContributions.Row::window).filter(java.util.Objects::nonNull)
					.findFirst().orElseThrow();
				var windowRows = new java.util.ArrayList<StatusOfContributions.Row>();
				status.stream(new ReportFilter(period.from(), period.to(), window, null, null, null, null, null, null, null),
						windowRows::add);
				assertThat(windowRows).as(period + ", window " + window).isNotEmpty()
					.containsExactlyInAnyOrderElementsOf(rows.stream().filter(r -> window.equals(r.window())).toList());
			}
			status.readFromTheStart(null);
		}
	}

	record Period(LocalDate from, LocalDate to) {
	}

	private static long count(JdbcTemplate jdbc, String sql, Period first, Period second) {
		return jdbc.queryForObject(sql, Long.class, first.from(), second.to());
	}

	private static BigDecimal sumOfLines(Ledger ledger, ReportFilter filter, String type) {
		var sum = new BigDecimal[] { BigDecimal.ZERO };
		ledger.stream(filter, type, line -> sum[0] = sum[0].add(line.usd()));
		return sum[0];
	}

	private static BigDecimal line(FundStatement.Statement statement, String key) {
		return statement.movements().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow().usd();
	}

}
