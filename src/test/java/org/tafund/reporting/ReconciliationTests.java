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
