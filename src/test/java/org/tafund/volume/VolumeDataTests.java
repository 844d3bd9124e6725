package org.tafund.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tafund.TafundApplication;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.ContributionRules;
import org.tafund.projects.Codes.Theme;
import org.tafund.shared.Money;
import org.tafund.support.RequiresTestDatabase;
import org.tafund.support.TestClock;
import org.tafund.support.TestDatabase;

/**
 * The generator at a tiny scale, on a database of its own on the test server: the shared test
 * database has years, currencies and rates that other tests own, and generated data in them would
 * change their figures. Checks the counts asked for, the domain rules on every generated row, and
 * that the application started on the generated database serves it.
 */
@ExtendWith(RequiresTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumeDataTests {

	static final double SCALE = 0.002;

	static final LocalDate TODAY = TestClock.today();

	static final String ADMIN = "volume.admin";

	static final String PASSWORD = "a long volume admin password";

	TestDatabase.Connection db;

	DataSource dataSource;

	JdbcTemplate jdbc;

	VolumeData.Report report;

	@BeforeAll
	void generate() throws Exception {
		var server = TestDatabase.get();
		var name = "tafund_volume_" + UUID.randomUUID().toString().substring(0, 8);
		try (var connection = server.open(); var statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		db = server.withDatabase(name);
		dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
		jdbc = new JdbcTemplate(dataSource);
		report = VolumeData.generate(dataSource, SCALE, VolumeData.DEFAULT_SEED, TODAY);
	}

	@AfterAll
	void dropDatabase() throws Exception {
		if (db != null) {
			try (var connection = TestDatabase.get().open(); var statement = connection.createStatement()) {
				statement.execute("DROP DATABASE " + db.url().replaceAll(".*/([^/?]+).*", "$1"));
			}
		}
	}

	long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	@Test
	void writesTheVolumesAskedForScaledDown() {
		var asked = Map.of("donor", 1_000L, "agreement", 20_000L, "receipt", 1_000_000L, "project", 2_000L, "activity",
				100_000L, "expenditure", 500_000L);
		asked.forEach((table, full) -> {
			assertThat(count("select count(*) from " + table)).as(table).isEqualTo(Math.round(full * SCALE));
			assertThat(report.rows(table)).as(table).isEqualTo(Math.round(full * SCALE));
		});
		assertThat(count("select count(*) from receipt where reversal_of is not null")).isPositive();
		assertThat(count("select count(*) from agreement where conditional_terms = true")).isPositive();
		assertThat(count("select count(distinct currency) from receipt")).isGreaterThan(3);
		assertThat(count("select count(*) from revaluation_line")).isPositive();
		assertThat(count("select count(*) from allocation")).isPositive();
	}

	@Test
	void refusesADatabaseThatAlreadyHoldsData() {
		var refused = org.assertj.core.api.Assertions
			.catchThrowable(() -> VolumeData.generate(dataSource, SCALE, VolumeData.DEFAULT_SEED, TODAY));
		assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds data");
	}

	@Test
	void everyRateUsedIsTheLatestOfItsCurrencyOnOrBeforeTheDateAndDatesStayInRange() {
		assertThat(count("""
				select count(*) from receipt r where r.currency <> 'USD' and r.reversal_of is null
				   and r.rate_date <> (select max(x.effective_date)
				  from exchange_rate x where x.currency = r.currency and x.effective_date <= r.received_on)""")).isZero();
		assertThat(count("""
				select count(*) from receipt r where r.currency <> 'USD' and r.rate <> (select x.units_per_usd
				  from exchange_rate x where x.currency = r.currency and x.effective_date = r.rate_date)""")).isZero();
		assertThat(count("""
				select count(*) from expenditure e where e.currency <> 'USD' and e.rate <> (select x.units_per_usd
				  from exchange_rate x where x.currency = e.currency and x.effective_date = e.rate_date)""")).isZero();
		// A reversal keeps the rates of the receipt it undoes.
		assertThat(count("""
				select count(*) from receipt where currency = 'USD' and reversal_of is null
				   and (rate <> 1 or rate_date <> received_on)""")).isZero();
		assertThat(count("""
				select count(*) from (select received_on d from receipt union all select spent_on from expenditure
				  union all select signed_on from agreement where signed_on is not null union all select allocated_on
				  from allocation union all select refunded_on from refund) t where d < ? or d > ?""".replace("?", "'%s'")
			.formatted(LocalDate.of(1990, 1, 1), TODAY))).isZero();
	}

	@Test
	void amountsInUsdAreRoundedHalfEvenAsMoneyDoes() {
		jdbc.query("""
				select r.amount, r.currency, r.rate, r.usd_amount, r.agreement_amount, r.agreement_rate, a.currency
				  from receipt r join agreement a on a.id = r.agreement_id""", rs -> {
			var usd = Money.of(rs.getBigDecimal(1), rs.getString(2)).toUsd(rs.getBigDecimal(3));
			assertThat(usd.amount()).isEqualByComparingTo(rs.getBigDecimal(4));
			var inAgreement = rs.getString(2).equals(rs.getString(7)) ? Money.of(rs.getBigDecimal(1), rs.getString(2))
					: usd.fromUsd(rs.getBigDecimal(6), rs.getString(7));
			assertThat(inAgreement.amount()).isEqualByComparingTo(rs.getBigDecimal(5));
		});
		jdbc.query("select amount, currency, rate, usd_amount, psc_rate, psc_usd from expenditure", rs -> {
			var usd = Money.of(rs.getBigDecimal(1), rs.getString(2)).toUsd(rs.getBigDecimal(3));
			assertThat(usd.amount()).isEqualByComparingTo(rs.getBigDecimal(4));
			assertThat(usd.times(rs.getBigDecimal(5)).amount()).isEqualByComparingTo(rs.getBigDecimal(6));
		});
		jdbc.query("select total_amount, currency, recognition_rate, recognised_usd from agreement where signed_on is not null",
				rs -> {
					assertThat(Money.of(rs.getBigDecimal(1), rs.getString(2)).toUsd(rs.getBigDecimal(3)).amount())
						.isEqualByComparingTo(rs.getBigDecimal(4));
				});
		assertThat(count("""
				select count(*) from revaluation_line where gain_loss_usd <> revalued_usd - usd_at_recognition""")).isZero();
		assertThat(count("""
				select count(*) from revaluation_run r where gain_loss_usd <>
				  (select sum(l.gain_loss_usd) from revaluation_line l where l.run_id = r.id)""")).isZero();
	}

	@Test
	void theIncomeSideKeepsItsRules() {
		assertThat(count("""
				select count(*) from agreement a where a.total_amount <> (select sum(i.amount) from instalment i
				  where i.agreement_id = a.id and i.schedule_number = a.schedule_number)""")).as("instalments").isZero();
		assertThat(count("""
				select count(*) from agreement a join (select agreement_id, sum(agreement_amount) received,
				  sum(case when overpayment then 1 else 0 end) overpayments from receipt group by agreement_id) r
				  on r.agreement_id = a.id where r.received > a.total_amount and r.overpayments = 0"""))
			.as("received beyond the total without an overpayment").isZero();
		assertThat(count("""
				select count(*) from receipt r join agreement a on a.id = r.agreement_id
				 where a.signed_on is null or a.cancelled_on is not null or r.received_on < a.signed_on"""))
			.as("receipts on unsigned or cancelled agreements, or before signature").isZero();
		assertThat(count("""
				select count(*) from receipt v join receipt o on o.id = v.reversal_of
				 where v.amount <> -o.amount or v.usd_amount <> -o.usd_amount or v.agreement_amount <> -o.agreement_amount
				    or v.agreement_id <> o.agreement_id or v.received_on < o.received_on or o.reversal_of is not null
				    or v.reason is null""")).as("reversals").isZero();
		assertThat(count("""
				select count(*) from agreement a where (select coalesce(sum(f.amount), 0) from refund f
				  where f.agreement_id = a.id) > (select coalesce(sum(r.agreement_amount), 0) from receipt r
				  where r.agreement_id = a.id)""")).as("refunds beyond net received").isZero();
	}

	@Test
	void allocationsStayWithinWhatAgreementsFundAndProjectsWithinTheirAllocations() {
		// What each agreement funds by the application's rules (as ContributionManagement.fundingUsd), from the stored rows.
		var funding = new HashMap<Long, Money>();
		jdbc.query("""
				select a.id, a.conditional_terms, a.total_amount, a.currency, a.recognised_usd, a.recognition_rate,
				       (select coalesce(sum(r.agreement_amount), 0) from receipt r where r.agreement_id = a.id),
				       (select coalesce(sum(r.usd_amount), 0) from receipt r where r.agreement_id = a.id),
				       (select coalesce(sum(f.amount), 0) from refund f where f.agreement_id = a.id),
				       (select coalesce(sum(f.usd_amount), 0) from refund f where f.agreement_id = a.id)
				  from agreement a where a.signed_on is not null and a.cancelled_on is null""", rs -> {
			var currency = rs.getString(4);
			funding.put(rs.getLong(1), rs.getBoolean(2)
					? ContributionRules.fundingFromCash(rs.getBigDecimal(8), rs.getBigDecimal(10))
					: ContributionRules.fundingFromRecognition(Money.of(rs.getBigDecimal(5), Money.USD), rs.getBigDecimal(6),
							Money.of(rs.getBigDecimal(3), currency), Money.of(rs.getBigDecimal(7), currency),
							Money.of(rs.getBigDecimal(9), currency)));
		});
		jdbc.query("select agreement_id, sum(amount_usd) from allocation group by agreement_id", rs -> {
			assertThat(funding).containsKey(rs.getLong(1));
			assertThat(rs.getBigDecimal(2)).as("allocated from agreement " + rs.getLong(1))
				.isLessThanOrEqualTo(funding.get(rs.getLong(1)).amount());
		});
		// Earmarks by the application's rule (ProjectManagement.withinEarmark); the generator earmarks to themes only.
		assertThat(count("select count(*) from agreement where earmark_kind is not null and earmark_kind <> 'THEME'"))
			.isZero();
		jdbc.query("""
				select l.id, a.earmark_target, p.theme from allocation l join agreement a on a.id = l.agreement_id
				  join project p on p.id = l.project_id where a.earmark_kind = 'THEME'""", rs -> {
			assertThat(Theme.valueOf(rs.getString(3)).fundableUnder(rs.getString(2)))
				.as("allocation " + rs.getLong(1) + " of an agreement earmarked to " + rs.getString(2) + " to a project of "
						+ rs.getString(3))
				.isTrue();
		});
		assertThat(count("""
				select count(*) from allocation l join agreement a on a.id = l.agreement_id where a.earmark_kind = 'THEME'"""))
			.as("allocations from earmarked agreements")
			.isPositive();
		assertThat(count("""
				select count(*) from project p where (select coalesce(sum(e.usd_amount + e.psc_usd), 0) from expenditure e
				  where e.project_id = p.id) > (select coalesce(sum(l.amount_usd), 0) from allocation l where l.project_id = p.id)"""))
			.as("overdrawn projects").isZero();
		assertThat(count("""
				select count(*) from expenditure e join activity a on a.id = e.activity_id where a.project_id <> e.project_id"""))
			.as("expenditure on another project's activity").isZero();
		assertThat(count("""
				select count(*) from activity where women + men + sex_not_recorded
				  <> central_authority + prosecution + judiciary + law_enforcement + ministry + other_institution"""))
			.as("participant breakdowns").isZero();
	}

	@Test
	void everyMoneyRecordHasItsJournalEntry() {
		var entries = new HashMap<String, Long>();
		jdbc.query("select source_type, count(*) from journal_entry group by source_type",
				(java.sql.ResultSet rs) -> {
					entries.put(rs.getString(1), rs.getLong(2));
				});
		var expected = Map.of("AGREEMENT_SIGNED",
				count("select count(*) from agreement where signed_on is not null and conditional_terms = false"),
				"AGREEMENT_CANCELLED",
				count("select count(*) from agreement where cancelled_on is not null and conditional_terms = false"),
				"RECEIPT", count("select count(*) from receipt where reversal_of is null"), "RECEIPT_REVERSAL",
				count("select count(*) from receipt where reversal_of is not null"), "REFUND",
				count("select count(*) from refund"), "REVALUATION_RUN",
				count("select count(distinct run_id) from revaluation_line where booked_usd <> 0"), "EXPENDITURE",
				count("select count(*) from expenditure where reversal_of is null"), "EXPENDITURE_REVERSAL",
				count("select count(*) from expenditure where reversal_of is not null"));
		expected.forEach((type, records) -> assertThat(entries.getOrDefault(type, 0L)).as(type).isEqualTo(records));
		assertThat(entries.keySet()).isSubsetOf(expected.keySet());
		assertThat(report.rows("journal_entry")).isEqualTo(count("select count(*) from journal_entry"));
		assertThat(report.rows("journal_line")).isEqualTo(count("select count(*) from journal_line"));
		// Each event's entry is dated from its record.
		assertThat(count("""
				select count(*) from journal_entry e join receipt r on r.id = e.source_id
				 where e.source_type in ('RECEIPT', 'RECEIPT_REVERSAL') and e.accounting_date <> r.received_on""")).isZero();
		assertThat(count("""
				select count(*) from journal_entry e join expenditure x on x.id = e.source_id
				 where e.source_type in ('EXPENDITURE', 'EXPENDITURE_REVERSAL') and e.accounting_date <> x.spent_on""")).isZero();
	}

	@Test
	void theGeneratedJournalBalancesAndItsChainVerifies() {
		assertThat(count("select count(*) from (select entry_id from journal_line group by entry_id "
				+ "having sum(debit_usd) <> sum(credit_usd)) t")).isZero();
		assertThat(jdbc.queryForObject("select sum(debit_usd) - sum(credit_usd) from journal_line", BigDecimal.class))
			.isZero();
		// The trial balance of each segment balances on its own too.
		assertThat(count("select count(*) from (select segment_code from journal_line group by segment_code "
				+ "having sum(debit_usd) <> sum(credit_usd)) t")).isZero();
		var verification = org.tafund.books.JournalVerification.on(dataSource).verify();
		assertThat(verification.intact()).as(String.valueOf(verification.firstBroken())).isTrue();
		assertThat(verification.entries()).isEqualTo(count("select count(*) from journal_entry"));
	}

	@Test
	void perAgreementTheJournalHoldsWhatThePostingRulesGive() {
		var checked = new java.util.concurrent.atomic.AtomicInteger();
		jdbc.query("""
				select a.id, a.conditional_terms, a.cancelled_on, a.recognised_usd, a.total_amount,
				  (select coalesce(sum(j.credit_usd - j.debit_usd), 0) from journal_line j where j.agreement_id = a.id
				      and j.account_code in ('REV_GENERAL', 'REV_SPECIAL', 'REV_DIRECT', 'REV_PNI')),
				  (select coalesce(sum(j.debit_usd - j.credit_usd), 0) from journal_line j where j.agreement_id = a.id
				      and j.account_code = 'CASH'),
				  (select coalesce(sum(j.debit_usd - j.credit_usd), 0) from journal_line j where j.agreement_id = a.id
				      and j.account_code = 'RECEIVABLE'),
				  (select coalesce(sum(j.debit_usd - j.credit_usd), 0) from journal_line j where j.agreement_id = a.id
				      and j.account_code = 'REFUNDS'),
				  (select coalesce(sum(r.usd_amount), 0) from receipt r where r.agreement_id = a.id),
				  (select coalesce(sum(r.agreement_amount), 0) from receipt r where r.agreement_id = a.id),
				  (select count(*) from receipt r where r.agreement_id = a.id and r.overpayment = true),
				  (select coalesce(sum(r.usd_amount), 0) from receipt r where r.agreement_id = a.id
				      and r.overpayment = true and r.reversal_of is null),
				  (select count(*) from receipt r where r.agreement_id = a.id and r.reversal_of is not null),
				  (select coalesce(sum(f.usd_amount), 0) from refund f where f.agreement_id = a.id),
				  a.currency, a.recognition_rate,
				  (select coalesce(sum(j.credit_usd - j.debit_usd), 0) from journal_line j
				      join journal_entry e on e.id = j.entry_id where j.agreement_id = a.id
				      and e.source_type = 'RECEIPT_REVERSAL'
				      and j.account_code in ('REV_GENERAL', 'REV_SPECIAL', 'REV_DIRECT', 'REV_PNI'))
				  from agreement a where a.signed_on is not null""", rs -> {
			long id = rs.getLong(1);
			boolean conditional = rs.getBoolean(2);
			boolean cancelled = rs.getObject(3) != null;
			var recognised = rs.getBigDecimal(4);
			var total = rs.getBigDecimal(5);
			var revenue = rs.getBigDecimal(6);
			var cash = rs.getBigDecimal(7);
			var receivable = rs.getBigDecimal(8);
			var refunds = rs.getBigDecimal(9);
			var receivedUsd = rs.getBigDecimal(10);
			var received = rs.getBigDecimal(11);
			long overpayments = rs.getLong(12);
			var overpaidUsd = rs.getBigDecimal(13);
			long reversals = rs.getLong(14);
			var refundedUsd = rs.getBigDecimal(15);
			var currency = rs.getString(16);
			var signatureRate = rs.getBigDecimal(17);
			var reversalRevenue = rs.getBigDecimal(18);
			var agreement = "agreement " + id;
			// Cash in at the receipt's rate, out at the refund's.
			assertThat(cash).as(agreement).isEqualByComparingTo(receivedUsd.subtract(refundedUsd));
			assertThat(refunds).as(agreement).isEqualByComparingTo(refundedUsd);
			if (conditional) {
				// The cash is the revenue; no receivable.
				assertThat(revenue).as(agreement).isEqualByComparingTo(receivedUsd);
				assertThat(receivable).as(agreement).isZero();
			}
			else if (cancelled) {
				// Recognised at signature, relieved at cancellation (nothing was received).
				assertThat(revenue).as(agreement).isZero();
				assertThat(receivable).as(agreement).isZero();
			}
			else if (overpayments == 0) {
				// The value recognised at signature: receipts only relieve the receivable. A reversal brings the
				// receivable back to what is outstanding at the signature rate, against revenue: the rounding of a
				// cent or two at most.
				assertThat(revenue.subtract(reversalRevenue)).as(agreement).isEqualByComparingTo(recognised);
				assertThat(reversalRevenue.abs()).as(agreement)
					.isLessThanOrEqualTo(new BigDecimal("0.02").multiply(BigDecimal.valueOf(reversals)));
			}
			else {
				// Plus what came beyond the agreement, revenue of its day.
				assertThat(revenue).as(agreement).isGreaterThanOrEqualTo(recognised);
				assertThat(revenue.subtract(recognised)).as(agreement).isLessThanOrEqualTo(overpaidUsd);
			}
			if (!conditional && !cancelled) {
				// After each receipt and each reversal, the receivable is what remains outstanding at the signature
				// rate (ContributionRules.received and the reversal as the application posts it): all of the
				// recognised value before any receipt, nothing once fully received.
				var outstanding = Money.of(total.subtract(received.min(total)), currency);
				assertThat(receivable).as(agreement)
					.isEqualByComparingTo(outstanding.isPositive() ? outstanding.toUsd(signatureRate).amount()
							: BigDecimal.ZERO);
				if (received.signum() == 0) {
					assertThat(receivable).as(agreement).isEqualByComparingTo(recognised);
				}
			}
			checked.incrementAndGet();
		});
		assertThat(checked.get()).isEqualTo(count("select count(*) from agreement where signed_on is not null"));
	}

	@Test
	void revaluationRunsBookAgainstWhatTheJournalCarries() {
		assertThat(count("select count(*) from revaluation_line")).isPositive();
		// Each line starts from the receivable the journal carries at the signature rate at the period end ...
		assertThat(count("""
				select count(*) from revaluation_line l join revaluation_run r on r.id = l.run_id
				 where l.usd_at_recognition <> (select coalesce(sum(j.debit_usd - j.credit_usd), 0) from journal_line j
				   where j.agreement_id = l.agreement_id and j.account_code = 'RECEIVABLE'
				     and j.accounting_date <= r.period_end)""")).isZero();
		// ... books the change since the revaluations before it ...
		assertThat(count("""
				select count(*) from revaluation_line l join revaluation_run r on r.id = l.run_id
				 where l.booked_usd <> l.gain_loss_usd - (select coalesce(sum(j.debit_usd - j.credit_usd), 0)
				   from journal_line j where j.agreement_id = l.agreement_id and j.account_code = 'RECEIVABLE_FX'
				     and j.accounting_date < r.period_end)""")).isZero();
		// ... so that the receivable then stands at the period-end rate.
		assertThat(count("""
				select count(*) from revaluation_line l join revaluation_run r on r.id = l.run_id
				 where l.revalued_usd <> (select coalesce(sum(j.debit_usd - j.credit_usd), 0) from journal_line j
				   where j.agreement_id = l.agreement_id and j.account_code in ('RECEIVABLE', 'RECEIVABLE_FX')
				     and j.accounting_date <= r.period_end)""")).isZero();
		assertThat(jdbc.queryForObject("select sum(credit_usd - debit_usd) from journal_line where account_code = "
				+ "'FX_UNREALISED'", BigDecimal.class))
			.isEqualByComparingTo(jdbc.queryForObject("select sum(booked_usd) from revaluation_line", BigDecimal.class));
	}

	@Test
	void expenditureAndItsPscAreChargedToTheFundingSegmentAndPscIsIncomeOfThePscSegment() {
		assertThat(jdbc.queryForObject("select sum(debit_usd - credit_usd) from journal_line where account_code like "
				+ "'EXP\\_%'", BigDecimal.class))
			.isEqualByComparingTo(jdbc.queryForObject("select sum(usd_amount) from expenditure", BigDecimal.class));
		assertThat(jdbc.queryForObject("select sum(credit_usd - debit_usd) from journal_line where account_code = "
				+ "'PSC_INCOME' and segment_code = 'PSC'", BigDecimal.class))
			.isEqualByComparingTo(jdbc.queryForObject("select sum(psc_usd) from expenditure", BigDecimal.class));
		assertThat(count("select count(*) from journal_line where account_code like 'EXP\\_%' and segment_code = 'PSC'"))
			.isZero();
		// A project funded by general-purpose agreements alone spends from the general segment.
		assertThat(count("""
				select count(*) from journal_line j where j.account_code like 'EXP\\_%' and j.segment_code = 'GENERAL'
				   and exists (select 1 from allocation l join agreement a on a.id = l.agreement_id
				     where l.project_id = j.project_id and a.funding_window <> 'CPCJF_GENERAL_PURPOSE'
				       and l.created_at <= (select x.created_at from expenditure x join journal_entry e on e.source_id = x.id
				         where e.id = j.entry_id and e.source_type = 'EXPENDITURE'))""")).isZero();
	}

	/**
	 * The generator and the migration that posts the records stored before the journal (V16) agree:
	 * with the generated journal set aside in a transaction that is rolled back, the migration posts
	 * the same entries from the generated records.
	 */
	@Test
	void theMigrationPostsTheSameJournalFromTheGeneratedRecords() throws Exception {
		var generated = journalLines(jdbc);
		assertThat(generated).hasSizeGreaterThan(1000);
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				var single = new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true);
				var own = new JdbcTemplate(single);
				own.update("delete from journal_line");
				own.update("delete from journal_entry");
				own.update("update journal_chain_head set last_entry_id = null, last_hash = ? where id = 1", "0".repeat(64));
				new db.migration.V16__books_post_existing_records().migrate(new org.flywaydb.core.api.migration.Context() {
					@Override
					public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
						return null;
					}

					@Override
					public java.sql.Connection getConnection() {
						return connection;
					}
				});
				assertThat(journalLines(own)).isEqualTo(generated);
			}
			finally {
				connection.rollback();
			}
		}
		assertThat(journalLines(jdbc)).isEqualTo(generated);
	}

	/** Every entry's lines by source, as text: what the rules decided, whoever posted them. */
	private static Map<String, String> journalLines(JdbcTemplate jdbc) {
		var lines = new java.util.TreeMap<String, String>();
		jdbc.query("""
				select e.source_type, e.source_id, e.accounting_date, e.description, l.line_no, l.account_code,
				       l.segment_code, l.debit_usd, l.credit_usd, l.original_amount, l.currency, l.rate, l.rate_date,
				       l.donor_id, l.donor_type, l.agreement_id, l.funding_window, l.earmark, l.project_id,
				       l.activity_id, l.budget_category
				  from journal_entry e join journal_line l on l.entry_id = e.id order by e.source_type, e.source_id, l.line_no""",
				(java.sql.ResultSet rs) -> {
					var key = rs.getString(1) + " " + rs.getLong(2);
					var text = new StringBuilder();
					for (int i = 3; i <= 21; i++) {
						var value = rs.getObject(i);
						text.append(value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value).append('|');
					}
					lines.merge(key, text.toString(), (a, b) -> a + "\n" + b);
				});
		return lines;
	}

	@Test
	void theApplicationServesTheGeneratedData() throws Exception {
		long agreement = jdbc.queryForObject(
				"select agreement_id from receipt group by agreement_id order by count(*) desc, agreement_id limit 1",
				Long.class);
		var reference = jdbc.queryForObject("select reference from agreement where id = ?", String.class, agreement);
		long project = jdbc.queryForObject(
				"select project_id from expenditure group by project_id order by count(*) desc, project_id limit 1",
				Long.class);
		int year = TODAY.getYear() - 1;
		var received = jdbc.queryForObject("select coalesce(sum(usd_amount), 0) from receipt where received_on between ? and ?",
				BigDecimal.class, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		try (var app = new SpringApplicationBuilder(TafundApplication.class).profiles("mysql")
			.run("--server.port=0", "--spring.main.banner-mode=off", "--TAFUND_DB_URL=" + db.url(),
					"--TAFUND_DB_USER=" + db.username(), "--TAFUND_DB_PASSWORD=" + db.password(),
					"--TAFUND_ADMIN_USER=" + ADMIN, "--TAFUND_ADMIN_PASSWORD=" + PASSWORD, "--spring.jmx.enabled=false")) {
			var base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			// The mysql profile takes API tokens, not passwords.
			token = app.getBean(org.tafund.security.TokenManagement.class).create(ADMIN, "volume check", "READ", 1).secret();
			var agreementJson = get(base + "/api/v1/agreements/" + agreement);
			assertThat(agreementJson.statusCode()).isEqualTo(200);
			assertThat(agreementJson.body()).contains(reference);
			assertThat(get(base + "/api/v1/agreements/" + agreement + "/receipts").statusCode()).isEqualTo(200);
			assertThat(get(base + "/api/v1/projects/" + project).statusCode()).isEqualTo(200);
			assertThat(get(base + "/api/v1/projects/" + project + "/expenditures").statusCode()).isEqualTo(200);
			var statement = get(base + "/api/v1/reports/fund-statement?from=" + year + "-01-01&to=" + year + "-12-31");
			assertThat(statement.statusCode()).isEqualTo(200);
			var cash = Pattern.compile("\"cashReceived\":\"?(-?[0-9.]+)").matcher(statement.body());
			assertThat(cash.find()).as(statement.body()).isTrue();
			assertThat(new BigDecimal(cash.group(1))).isEqualByComparingTo(received);
			// What the application itself says each agreement funds covers what was allocated from it.
			var contributions = app.getBean(ContributionManagement.class);
			jdbc.query("select agreement_id, sum(amount_usd) from allocation group by agreement_id", rs -> {
				assertThat(rs.getBigDecimal(2)).as("allocated from agreement " + rs.getLong(1))
					.isLessThanOrEqualTo(contributions.allocationBasis(rs.getLong(1)).fundingUsd().amount());
			});
		}
	}

	private String token;

	private HttpResponse<String> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
