package org.tafund.books;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import db.migration.V16__books_post_existing_records;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tafund.contributions.ContributionRules;
import org.tafund.contributions.ContributionRules.AgreementFacts;
import org.tafund.contributions.ContributionRules.RefundFacts;
import org.tafund.contributions.EarmarkKind;
import org.tafund.contributions.FundingWindow;
import org.tafund.shared.Money;
import org.tafund.support.RequiresTestDatabase;
import org.tafund.support.ScratchDatabase;

/**
 * The Flyway Java migration V16 on a database migrated to V15 and holding records stored before
 * the journal was kept, inserted here with plain SQL: after migrating to the latest version every record
 * has its entry, dated from the record, the trial balance balances, the chain verifies, and
 * revenue, cash, receivables and exchange differences are what the posting rules give (figures
 * written out). On the test database server (a database of its own) and on H2.
 */
@ExtendWith(RequiresTestDatabase.class)
class BackfillTests {

	@Test
	void postsTheRecordsStoredBeforeTheJournalOnTheTestDatabase() throws Exception {
		try (var scratch = ScratchDatabase.create("tafund_backfill")) {
			var db = scratch.connection();
			migrateAndCheck(new DriverManagerDataSource(db.url(), db.username(), db.password()));
		}
	}

	@Test
	void postsTheRecordsStoredBeforeTheJournalOnH2() throws Exception {
		var url = "jdbc:h2:mem:backfill_" + UUID.randomUUID().toString().substring(0, 8) + ";MODE=MySQL;"
				+ "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		var dataSource = new DriverManagerDataSource(url, "sa", "");
		try {
			migrateAndCheck(dataSource);
		}
		finally {
			new JdbcTemplate(dataSource).execute("SHUTDOWN");
		}
	}

	void migrateAndCheck(DataSource dataSource) throws Exception {
		var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
		// Up to the journal (V15): the records were stored before the backfill.
		flyway.target("15").load().migrate();
		var jdbc = new JdbcTemplate(dataSource);
		insertRecords(jdbc);
		// The refund was posted by the application before the migration ran: it is left as it is.
		var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		var eu = new AgreementFacts(4, "EU-2014-D", 2, "REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION",
				FundingWindow.CPCJF_SPECIAL_PURPOSE,
				EarmarkKind.THEME, "EXTRADITION", true, new BigDecimal("9.5"));
		transactions.executeWithoutResult(status -> JournalWriter.on(dataSource)
			.post(ContributionRules.refunded(eu, new RefundFacts(1, LocalDate.parse("2014-03-01"),
					Money.of("10000.00", "SEK"), new BigDecimal("9.5"), LocalDate.parse("2014-03-01"),
					Money.usd("1052.63"), "Unspent balance")), Instant.parse("2014-03-01T10:00:00Z"), "finance.officer"));

		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

		// Every record has its entry, dated from the record.
		assertThat(entries(jdbc)).containsExactlyInAnyOrderEntriesOf(Map.of("AGREEMENT_SIGNED", 5L, "AMENDMENT", 1L,
				"AGREEMENT_CANCELLED", 1L, "RECEIPT", 6L, "RECEIPT_REVERSAL", 1L, "REFUND", 1L, "REVALUATION_RUN", 2L,
				"EXPENDITURE", 2L, "EXPENDITURE_REVERSAL", 1L));
		assertThat(date(jdbc, "AGREEMENT_SIGNED", 1)).isEqualTo("2013-02-01");
		assertThat(date(jdbc, "AMENDMENT", 1)).isEqualTo("2014-06-01");
		assertThat(date(jdbc, "AGREEMENT_CANCELLED", 3)).isEqualTo("2015-01-15");
		assertThat(date(jdbc, "RECEIPT", 1)).isEqualTo("2014-04-01");
		assertThat(date(jdbc, "RECEIPT_REVERSAL", 6)).isEqualTo("2014-07-01");
		assertThat(date(jdbc, "REVALUATION_RUN", 1)).isEqualTo("2013-12-31");
		assertThat(date(jdbc, "EXPENDITURE_REVERSAL", 3)).isEqualTo("2015-04-10");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE posted_by = 'migration'", Long.class))
			.isEqualTo(19);
		assertThat(jdbc.queryForObject("SELECT posted_by FROM journal_entry WHERE source_type = 'REFUND'", String.class))
			.isEqualTo("finance.officer");

		// Each entry balances, and so does the whole; the chain verifies.
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT entry_id FROM journal_line GROUP BY entry_id "
				+ "HAVING SUM(debit_usd) <> SUM(credit_usd)) t", Long.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT SUM(debit_usd) - SUM(credit_usd) FROM journal_line", BigDecimal.class))
			.isZero();
		assertThat(JournalVerification.on(dataSource).verify().intact()).isTrue();

		// The figures the rules give. Revenue: NOK 15,000,000.00 at 8.292 = 1,808,972.50 (A), USD 150,000.00
		// amended to 170,000.00 (B), USD 50,000.00 cancelled (C): nil, SEK 50,000.00 at 9.5 received on a
		// conditional agreement = 5,263.16 (D), EUR 100,000.00 at 0.9 = 111,111.11 with 12,500.00 overpaid
		// (E; a further 1,250.00 overpaid was reversed), NOK 15,000,000.00 at 8.292 (F).
		assertThat(net(jdbc, "account_code LIKE 'REV\\_%'").negate()).isEqualByComparingTo("3916819.27");
		assertThat(net(jdbc, "account_code LIKE 'REV\\_%' AND accounting_date <= '2013-12-31'").negate())
			.isEqualByComparingTo("2008972.50");
		assertThat(net(jdbc, "account_code LIKE 'REV\\_%' AND accounting_date >= '2015-01-01'").negate())
			.isEqualByComparingTo("-50000.00");
		assertThat(net(jdbc, "account_code LIKE 'REV\\_%' AND agreement_id = 5").negate())
			.isEqualByComparingTo("123611.11");
		assertThat(jdbc.queryForList("SELECT DISTINCT donor_type FROM journal_line WHERE agreement_id = 5", String.class))
			.containsExactly("REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION");
		assertThat(jdbc.queryForList("SELECT DISTINCT earmark FROM journal_line WHERE agreement_id = 4", String.class))
			.containsExactly("THEME:EXTRADITION");
		// Cash: A 1,770,120.37 + D 5,263.16 + E 88,888.89 + 37,500.00 + F 590,040.12 - refund 1,052.63
		// - expenditure 1,111.11 (the other line was reversed; PSC moves between segments).
		assertThat(net(jdbc, "account_code = 'CASH'")).isEqualByComparingTo("2489648.80");
		assertThat(net(jdbc, "account_code = 'CASH' AND segment_code = 'PSC'")).isEqualByComparingTo("144.44");
		// Receivable at the signature rate: B 170,000.00 and F's NOK 10,000,000.00 at 8.292 = 1,205,981.67.
		assertThat(net(jdbc, "account_code = 'RECEIVABLE'")).isEqualByComparingTo("1375981.67");
		assertThat(net(jdbc, "account_code = 'RECEIVABLE' AND agreement_id = 6")).isEqualByComparingTo("1205981.67");
		// Realised: A's loss 38,852.13, E's gain 2,777.78, F's loss 12,950.71 (debits positive).
		assertThat(net(jdbc, "account_code = 'FX_REALISED' AND agreement_id = 1")).isEqualByComparingTo("38852.13");
		assertThat(net(jdbc, "account_code = 'FX_REALISED'")).isEqualByComparingTo("49025.06");
		// Unrealised, the stored booked amounts: +66,027.50 in 2013, then -66,027.50 (A settled) and
		// -94,870.56 (F at 9.0) in 2014.
		assertThat(net(jdbc, "account_code = 'RECEIVABLE_FX'")).isEqualByComparingTo("-94870.56");
		assertThat(net(jdbc, "account_code = 'FX_UNREALISED' AND accounting_date <= '2013-12-31'"))
			.isEqualByComparingTo("-66027.50");
		// Expenditure: the general-purpose project's line was reversed; the other project, also funded by a
		// direct agreement, spends EUR 1,000.00 at 0.9 = 1,111.11 with 144.44 of PSC in the special segment.
		assertThat(net(jdbc, "account_code LIKE 'EXP\\_%' AND segment_code = 'SPECIAL'")).isEqualByComparingTo("1111.11");
		assertThat(net(jdbc, "account_code LIKE 'EXP\\_%' AND segment_code = 'GENERAL'")).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id "
				+ "WHERE e.source_type = 'EXPENDITURE' AND e.source_id = 1 AND l.segment_code = 'GENERAL'", Long.class))
			.isEqualTo(4);
		assertThat(net(jdbc, "account_code = 'PSC_INCOME'")).isEqualByComparingTo("-144.44");
		// Fund balance = cash + receivables at the closing rate.
		assertThat(net(jdbc, "account_code IN ('CASH', 'RECEIVABLE', 'RECEIVABLE_FX')")).isEqualByComparingTo("3770759.91");

		// Safe to run again: every record has its entry, nothing more is posted.
		long before = jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			new V16__books_post_existing_records().migrate(context(connection));
			connection.commit();
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class)).isEqualTo(before);
		// The application's next entry takes the next id and continues the chain.
		var next = transactions.execute(status -> JournalWriter.on(dataSource)
			.post(new EntryDraft(LocalDate.parse("2016-01-05"), SourceType.MANUAL, 1, "Interest",
					Posting.debit(Account.CASH, Segment.GENERAL, new BigDecimal("10.00"), null),
					Posting.credit(Account.OTHER_INCOME, Segment.GENERAL, new BigDecimal("10.00"), null)),
					Instant.now(), "finance.officer"));
		assertThat(next.id()).isEqualTo(before + 1);
		assertThat(JournalVerification.on(dataSource).verify().intact()).isTrue();
	}

	private static void insertRecords(JdbcTemplate jdbc) {
		long entity = jdbc.queryForObject("SELECT MIN(id) FROM implementing_entity", Long.class);
		insert(jdbc, "donor", "id", 1, "name", "Norway (backfill)", "donor_type", "MEMBER_STATE", "country", "NOR",
				"active", true);
		// The longest donor type (42 characters), which journal lines hold.
		insert(jdbc, "donor", "id", 2, "name", "European Union (backfill)", "donor_type",
				"REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION", "active", true);
		// A: NOK 15,000,000.00 at 8.292, received in full at 8.474
		agreement(jdbc, 1, "NOR-2013-A", 1, "NOK", "15000000.00", "CPCJF_GENERAL_PURPOSE", false, "2013-02-01",
				"1808972.50", "8.292", "2013-02-01", null);
		receipt(jdbc, 1, 1, "2014-04-01", "15000000.00", "NOK", "8.474", "1770120.37", "15000000.00", false, null);
		// B: USD 150,000.00 in 2013, amended to 170,000.00 on 2014-06-01 (the agreement keeps the latest figures)
		agreement(jdbc, 2, "NOR-2013-B", 1, "USD", "170000.00", "CPCJF_GENERAL_PURPOSE", false, "2013-03-01",
				"170000.00", "1", "2013-03-01", null);
		insert(jdbc, "amendment", "id", 1, "agreement_id", 2, "amended_on", "2014-06-01", "reason",
				"Donor raised its contribution", "previous_total", "150000.00", "new_total", "170000.00",
				"schedule_number", 2);
		// C: USD 50,000.00, cancelled on 2015-01-15
		agreement(jdbc, 3, "NOR-2013-C", 1, "USD", "50000.00", "CPCJF_GENERAL_PURPOSE", false, "2013-05-01", "50000.00",
				"1", "2013-05-01", "2015-01-15");
		// D: conditional, SEK 50,000.00 received at 9.5 = 5,263.16; SEK 10,000.00 refunded = 1,052.63
		agreement(jdbc, 4, "EU-2014-D", 2, "SEK", "50000.00", "CPCJF_SPECIAL_PURPOSE", true, "2014-01-10", "5263.16",
				"9.5", "2014-01-01", null);
		jdbc.update("UPDATE agreement SET earmark_level = 2, earmark_kind = 'THEME', earmark_target = 'EXTRADITION' "
				+ "WHERE id = 4");
		receipt(jdbc, 2, 4, "2014-02-01", "50000.00", "SEK", "9.5", "5263.16", "50000.00", false, null);
		insert(jdbc, "refund", "id", 1, "agreement_id", 4, "refunded_on", "2014-03-01", "amount", "10000.00", "currency",
				"SEK", "rate", "9.5", "rate_date", "2014-03-01", "usd_amount", "1052.63", "reason", "Unspent balance");
		// E: EUR 100,000.00 at 0.9; 80,000.00 at 0.9, then 30,000.00 at 0.8 (10,000.00 overpaid), then 1,000.00
		// more (overpaid), reversed
		agreement(jdbc, 5, "EU-2014-E", 2, "EUR", "100000.00", "DIRECT_UNODC_PROJECT", false, "2014-01-01",
				"111111.11", "0.9", "2014-01-01", null);
		receipt(jdbc, 3, 5, "2014-02-01", "80000.00", "EUR", "0.9", "88888.89", "80000.00", false, null);
		receipt(jdbc, 4, 5, "2014-05-01", "30000.00", "EUR", "0.8", "37500.00", "30000.00", true, null);
		receipt(jdbc, 5, 5, "2014-06-01", "1000.00", "EUR", "0.8", "1250.00", "1000.00", true, null);
		receipt(jdbc, 6, 5, "2014-07-01", "-1000.00", "EUR", "0.8", "-1250.00", "-1000.00", true, 5L);
		// F: NOK 15,000,000.00 at 8.292, 5,000,000.00 received at 8.474
		agreement(jdbc, 6, "NOR-2014-F", 1, "NOK", "15000000.00", "CPCJF_GENERAL_PURPOSE", false, "2014-01-15",
				"1808972.50", "8.292", "2014-01-01", null);
		receipt(jdbc, 7, 6, "2014-04-01", "5000000.00", "NOK", "8.474", "590040.12", "5000000.00", false, null);
		// Revaluation runs as stored: A at 8.000 at the end of 2013; A settled and F at 9.0 at the end of 2014.
		insert(jdbc, "revaluation_run", "id", 1, "period_end", "2013-12-31", "gain_loss_usd", "66027.50");
		revaluationLine(jdbc, 1, 1, 1, "15000000.00", "8.292", "1808972.50", "8.000", "1875000.00", "66027.50",
				"66027.50");
		insert(jdbc, "revaluation_run", "id", 2, "period_end", "2014-12-31", "gain_loss_usd", "-94870.56");
		revaluationLine(jdbc, 2, 2, 1, "0.00", "8.292", "0.00", "9.000", "0.00", "0.00", "-66027.50");
		revaluationLine(jdbc, 3, 2, 6, "10000000.00", "8.292", "1205981.67", "9.000", "1111111.11", "-94870.56",
				"-94870.56");
		// Project 1 funded by B (general-purpose); project 2 by B and E (direct): special-purpose.
		project(jdbc, 1, "BF-1", entity);
		project(jdbc, 2, "BF-2", entity);
		allocation(jdbc, 1, 2, 1, "5000.00", "2015-02-01");
		allocation(jdbc, 2, 2, 2, "5000.00", "2015-02-01");
		allocation(jdbc, 3, 5, 2, "5000.00", "2015-02-02");
		expenditure(jdbc, 1, 1, "2015-03-01", "1000.00", "USD", "1", "1000.00", "130.00", null, null);
		expenditure(jdbc, 2, 2, "2015-05-01", "1000.00", "EUR", "0.9", "1111.11", "144.44", null, null);
		expenditure(jdbc, 3, 1, "2015-04-10", "-1000.00", "USD", "1", "-1000.00", "-130.00", 1L,
				"Charged to the wrong project");
	}

	static void agreement(JdbcTemplate jdbc, long id, String reference, long donor, String currency, String total,
			String window, boolean conditional, String signedOn, String recognised, String rate, String rateDate,
			String cancelledOn) {
		insert(jdbc, "agreement", "id", id, "reference", reference, "donor_id", donor, "currency", currency,
				"total_amount", total, "funding_window", window, "earmark_level", 1, "psc_rate", "0.1300",
				"conditional_terms", conditional, "signed_on", signedOn, "recognised_usd", recognised, "recognition_rate",
				rate, "recognition_rate_date", rateDate, "cancelled_on", cancelledOn, "schedule_number", 1);
	}

	static void receipt(JdbcTemplate jdbc, long id, long agreement, String on, String amount, String currency,
			String rate, String usd, String agreementAmount, boolean overpayment, Long reversalOf) {
		insert(jdbc, "receipt", "id", id, "agreement_id", agreement, "received_on", on, "amount", amount, "currency",
				currency, "rate", rate, "rate_date", on.substring(0, 8) + "01", "usd_amount", usd, "agreement_amount",
				agreementAmount, "agreement_rate", rate, "agreement_rate_date", on.substring(0, 8) + "01",
				"bank_reference", "FT-" + id, "overpayment", overpayment, "reversal_of", reversalOf, "reason",
				reversalOf == null ? null : "Booked against the wrong agreement");
	}

	static void revaluationLine(JdbcTemplate jdbc, long id, long run, long agreement, String outstanding,
			String recognitionRate, String atRecognition, String periodEndRate, String revalued, String gainLoss,
			String booked) {
		jdbc.update("INSERT INTO revaluation_line (id, run_id, agreement_id, currency, outstanding, recognition_rate, "
				+ "usd_at_recognition, period_end_rate, rate_date, revalued_usd, gain_loss_usd, booked_usd) "
				+ "VALUES (?, ?, ?, 'NOK', ?, ?, ?, ?, ?, ?, ?, ?)", id, run, agreement, new BigDecimal(outstanding),
				new BigDecimal(recognitionRate), new BigDecimal(atRecognition), new BigDecimal(periodEndRate),
				LocalDate.parse(run == 1 ? "2013-12-01" : "2014-12-01"), new BigDecimal(revalued),
				new BigDecimal(gainLoss), new BigDecimal(booked));
	}

	static void project(JdbcTemplate jdbc, long id, String code, long entity) {
		insert(jdbc, "project", "id", id, "code", code, "title", "Backfill project " + code, "theme", "MLA",
				"implementing_entity_id", entity, "status", 2, "dac_code", "15130", "psc_rate", "0.1300");
	}

	static void allocation(JdbcTemplate jdbc, long id, long agreement, long project, String usd, String on) {
		insert(jdbc, "allocation", "id", id, "agreement_id", agreement, "project_id", project, "amount_usd", usd,
				"allocated_on", on, "created_at", on + " 09:00:00");
	}

	static void expenditure(JdbcTemplate jdbc, long id, long project, String on, String amount, String currency,
			String rate, String usd, String psc, Long reversalOf, String reason) {
		insert(jdbc, "expenditure", "id", id, "project_id", project, "spent_on", on, "category", "TRAVEL", "amount",
				amount, "currency", currency, "rate", rate, "rate_date", on.substring(0, 8) + "01", "usd_amount", usd,
				"psc_rate", "0.1300", "psc_usd", psc, "reference", "INV-" + id, "reversal_of", reversalOf, "reason",
				reason, "created_at", on + " 15:00:00");
	}

	/** A row with its audit columns (created and updated at the row's date or a fixed time, by "legacy"). */
	static void insert(JdbcTemplate jdbc, String table, Object... columnsAndValues) {
		var values = new LinkedHashMap<String, Object>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
		}
		var at = values.getOrDefault("created_at", "2013-01-01 08:00:00");
		values.put("created_at", at);
		values.put("created_by", "legacy");
		values.put("updated_at", at);
		values.put("updated_by", "legacy");
		var marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
		jdbc.update("INSERT INTO " + table + " (" + String.join(", ", values.keySet()) + ") VALUES (" + marks + ")",
				Arrays.stream(values.values().toArray()).map(BackfillTests::typed).toArray());
	}

	private static Object typed(Object value) {
		if (value instanceof String s && s.matches("-?\\d+\\.\\d+")) {
			return new BigDecimal(s);
		}
		if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return LocalDate.parse(s);
		}
		if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
			return java.time.LocalDateTime.parse(s.replace(' ', 'T'));
		}
		return value;
	}

	private static Map<String, Long> entries(JdbcTemplate jdbc) {
		var counts = new LinkedHashMap<String, Long>();
		jdbc.query("SELECT source_type, COUNT(*) FROM journal_entry GROUP BY source_type",
				(java.sql.ResultSet rs) -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		return counts;
	}

	private static String date(JdbcTemplate jdbc, String type, long sourceId) {
		return jdbc.queryForObject("SELECT accounting_date FROM journal_entry WHERE source_type = ? AND source_id = ?",
				LocalDate.class, type, sourceId).toString();
	}

	/** Debits less credits of the lines that match. */
	private static BigDecimal net(JdbcTemplate jdbc, String where) {
		var net = jdbc.queryForObject("SELECT SUM(debit_usd) - SUM(credit_usd) FROM journal_line WHERE " + where,
				BigDecimal.class);
		return net == null ? BigDecimal.ZERO : net;
	}

	private static Context context(Connection connection) {
		return new Context() {
			@Override
			public Configuration getConfiguration() {
				return null;
			}

			@Override
			public Connection getConnection() {
				return connection;
			}
		};
	}

}
