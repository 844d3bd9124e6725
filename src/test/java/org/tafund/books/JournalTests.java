package org.tafund.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tafund.projects.Codes;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.support.IntegrationTest;

/**
 * The journal on the real database. Every test posts into months of its own (TestMonths), and
 * asserts on what it posted or on differences, so that other entries never matter.
 */
@IntegrationTest
class JournalTests {

	@Autowired
	Journal journal;

	@Autowired
	JournalQueries queries;

	@Autowired
	JournalVerification verification;

	@Autowired
	PeriodClosing closing;

	@Autowired
	ManualEntries manualEntries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EntityManager entityManager;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	/** Leaves no open month with entries in the test era, so that later closes are not held up by ours. */
	@AfterEach
	void closeWhatWeLeftOpen() {
		TestMonths.closeAllOpen(closing);
	}

	static long sourceId() {
		return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, Long.MAX_VALUE);
	}

	static String code(Throwable e) {
		return ((BusinessRuleViolation) e).messageKey();
	}

	JournalEntryView book(EntryDraft draft) {
		return new TransactionTemplate(transactions).execute(status -> journal.post(draft));
	}

	/** A two-line entry: cash in, other income, in the general segment. */
	static EntryDraft interest(LocalDate date, String usd) {
		return new EntryDraft(date, SourceType.MANUAL, sourceId(), "Interest " + UUID.randomUUID(),
				Posting.debit(Account.CASH, Segment.GENERAL, new BigDecimal(usd), Dimensions.NONE),
				Posting.credit(Account.OTHER_INCOME, Segment.GENERAL, new BigDecimal(usd), Dimensions.NONE));
	}

	long entries() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
	}

	@Test
	void postsABalancedEntryStampedAndChainedToThePreviousOne() {
		var month = TestMonths.next(jdbc, 1);
		var headBefore = jdbc.queryForObject("SELECT last_hash FROM journal_chain_head WHERE id = 1", String.class);
		// Ids no real donor or agreement has: the lines of a test entry must not count in a real
		// agreement's receivable (an agreement 12 of the shared database once had these lines).
		var dims = Dimensions.donor(sourceId(), "FOUNDATION").withAgreement(sourceId(), "CPCJF_SPECIAL_PURPOSE",
				"THEME:EXTRADITION");
		var draft = new EntryDraft(month.atDay(20), SourceType.RECEIPT, sourceId(),
				"Receipt of NOK 15,000.00",
				Posting.debit(Account.CASH, Segment.SPECIAL, Money.usd("1770.08"), dims)
					.converted(Money.of("15000.00", "NOK"), new BigDecimal("8.474"), month.atDay(1)),
				Posting.credit(Account.RECEIVABLE, Segment.SPECIAL, Money.usd("1808.97"), dims)
					.converted(Money.of("15000.00", "NOK"), new BigDecimal("8.292"), month.atDay(1)),
				Posting.debit(Account.FX_REALISED, Segment.SPECIAL, Money.usd("38.89"), dims));

		var entry = book(draft);

		assertThat(entry.period()).isEqualTo(month.toString());
		assertThat(entry.postedBy()).isEqualTo("system");
		assertThat(entry.prevHash()).isEqualTo(headBefore);
		assertThat(entry.hash()).matches("[0-9a-f]{64}").isNotEqualTo(headBefore);
		assertThat(entry.lines()).extracting(JournalEntryView.Line::account)
			.containsExactly(Account.CASH, Account.RECEIVABLE, Account.FX_REALISED);
		assertThat(entry.lines().get(0).originalAmount()).isEqualByComparingTo("15000.00");
		assertThat(entry.lines().get(0).currency()).isEqualTo("NOK");
		assertThat(entry.lines().get(0).rate()).isEqualByComparingTo("8.474");
		assertThat(entry.lines().get(1).dimensions()).isEqualTo(dims);
		assertThat(entry.totalDebits()).isEqualTo(entry.totalCredits()).isEqualTo(new BigDecimal("1808.97"));
		assertThat(jdbc.queryForObject("SELECT last_hash FROM journal_chain_head WHERE id = 1", String.class))
			.isEqualTo(entry.hash());
		assertThat(queries.entryBySource(SourceType.RECEIPT, draft.sourceId())).contains(entry);
		assertThat(verification.verify().intact()).isTrue();
	}

	@Test
	void chainsConcurrentPostingsInCommitOrder() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		long before = entries();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			var futures = new java.util.ArrayList<java.util.concurrent.Future<JournalEntryView>>();
			for (int i = 0; i < 30; i++) {
				int day = 1 + i % 28;
				futures.add(pool.submit(() -> {
					start.await();
					return book(interest(month.atDay(day), "1.00"));
				}));
			}
			start.countDown();
			for (var future : futures) {
				future.get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(entries()).isEqualTo(before + 30);
		var chain = jdbc.queryForList("SELECT prev_hash, hash FROM journal_entry WHERE id > (SELECT MIN(id) FROM journal_entry "
				+ "WHERE accounting_date BETWEEN ? AND ?) - 1 ORDER BY id", month.atDay(1), month.atEndOfMonth());
		for (int i = 1; i < chain.size(); i++) {
			assertThat(chain.get(i).get("prev_hash")).isEqualTo(chain.get(i - 1).get("hash"));
		}
		assertThat(verification.verify().intact()).isTrue();
	}

	@Test
	void refusesAnUnbalancedEntryNamingBothTotalsAndStoresNothing() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		long before = entries();
		var draft = new EntryDraft(month.atDay(5), SourceType.MANUAL, sourceId(), "Unbalanced",
				Posting.debit(Account.CASH, Segment.GENERAL, new BigDecimal("100.00"), Dimensions.NONE),
				Posting.credit(Account.OTHER_INCOME, Segment.GENERAL, new BigDecimal("99.99"), Dimensions.NONE));
		assertThatThrownBy(() -> book(draft)).satisfies(e -> {
			assertThat(code(e)).isEqualTo("journal.unbalanced");
			assertThat(messages.getMessage((BusinessRuleViolation) e, Locale.ENGLISH))
				.isEqualTo("The entry does not balance: debits 100.00 USD, credits 99.99 USD.");
		});
		assertThatThrownBy(() -> book(new EntryDraft(month.atDay(5), SourceType.MANUAL, sourceId(), "Empty")))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.empty"));
		var reason = "unbalanced " + UUID.randomUUID();
		mvc.perform(post("/api/v1/journal/entries").with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"date":"%s","description":"Interest","reason":"%s","lines":[
					 {"account":"CASH","segment":"GENERAL","debit":"100.00"},
					 {"account":"OTHER_INCOME","segment":"GENERAL","credit":"99.99"}]}""".formatted(month.atDay(5), reason)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("journal.unbalanced"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("100.00 USD")))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("99.99 USD")));
		assertThat(entries()).isEqualTo(before);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM manual_entry WHERE reason = ?", Long.class, reason)).isZero();
	}

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void postsOnAPlainConnectionOutsideTheApplicationContextAsAMigrationWould() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		var draft = interest(month.atDay(7), "77.00");
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			var writer = JournalWriter.on(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
			writer.post(draft, java.time.Instant.parse("2026-01-02T03:04:05.678901234Z"), "migration");
			assertThatThrownBy(() -> writer.post(draft, java.time.Instant.now(), "migration"))
				.satisfies(e -> assertThat(code(e)).isEqualTo("journal.alreadyPosted"));
			connection.commit();
		}
		var posted = queries.entryBySource(draft.sourceType(), draft.sourceId()).orElseThrow();
		assertThat(posted.postedBy()).isEqualTo("migration");
		assertThat(posted.postedAt()).isEqualTo(java.time.Instant.parse("2026-01-02T03:04:05.678901Z"));
		assertThat(verification.verify().intact()).isTrue();
	}

	@Test
	void postsManyEntriesInBatchesChainedInOrderAsSinglePostsWould() {
		var month = TestMonths.next(jdbc, 1);
		// 600 entries of 2 lines: more than one JDBC batch of lines.
		var drafts = new java.util.ArrayList<EntryDraft>();
		for (int i = 0; i < 600; i++) {
			drafts.add(interest(month.atDay(1 + i % 28), (1 + i % 97) + ".25"));
		}
		var at = java.time.Instant.parse("2026-02-03T04:05:06.123456789Z");
		long before = entries();
		var writer = JournalWriter.on(dataSource);
		int posted = new TransactionTemplate(transactions).execute(status -> writer.postAll(drafts, at, "loader"));
		assertThat(posted).isEqualTo(600);
		assertThat(entries()).isEqualTo(before + 600);
		var first = queries.entryBySource(SourceType.MANUAL, drafts.get(0).sourceId()).orElseThrow();
		var last = queries.entryBySource(SourceType.MANUAL, drafts.get(599).sourceId()).orElseThrow();
		assertThat(last.id()).isEqualTo(first.id() + 599);
		assertThat(last.postedBy()).isEqualTo("loader");
		assertThat(last.postedAt()).isEqualTo(java.time.Instant.parse("2026-02-03T04:05:06.123456Z"));
		assertThat(last.lines()).extracting(l -> l.account() + " " + l.debitUsd() + " " + l.creditUsd())
			.containsExactly("CASH 18.25 0.00", "OTHER_INCOME 0.00 18.25");
		assertThat(queries.entry(first.id() + 1).prevHash()).isEqualTo(first.hash());
		// A single post afterwards continues the chain where the batch left it.
		var after = book(interest(month.atDay(28), "1.00"));
		assertThat(after.prevHash()).isEqualTo(last.hash());
		assertThat(verification.verify().intact()).isTrue();

		// Refused before anything is written: an event posted already, twice in the list, or in a closed month.
		var fresh = interest(month.atDay(2), "5.00");
		assertThatThrownBy(() -> new TransactionTemplate(transactions)
			.execute(status -> writer.postAll(List.of(fresh, drafts.get(5)), at, "loader")))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.alreadyPosted"));
		assertThatThrownBy(() -> new TransactionTemplate(transactions)
			.execute(status -> writer.postAll(List.of(fresh, fresh), at, "loader")))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.alreadyPosted"));
		closing.closeMonth(month);
		assertThatThrownBy(() -> new TransactionTemplate(transactions)
			.execute(status -> writer.postAll(List.of(fresh), at, "loader")))
			.satisfies(e -> assertThat(code(e)).isEqualTo("period.closed"));
		assertThat(entries()).isEqualTo(before + 601);
		assertThat(queries.entryBySource(SourceType.MANUAL, fresh.sourceId())).isEmpty();
	}

	@Test
	void refusesToPostOutsideTheCallersTransaction() {
		assertThatThrownBy(() -> journal.post(interest(LocalDate.of(2025, 1, 1), "1.00")))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void refusesASecondPostingOfTheSameEvent() {
		var month = TestMonths.next(jdbc, 1);
		var first = interest(month.atDay(3), "10.00");
		var posted = book(first);
		long before = entries();
		var again = new EntryDraft(month.atDay(4), first.sourceType(), first.sourceId(), "Again", first.lines());
		assertThatThrownBy(() -> book(again)).satisfies(e -> {
			assertThat(code(e)).isEqualTo("journal.alreadyPosted");
			// As the message formats it: 1,234 once the journal holds a thousand entries.
			assertThat(messages.getMessage((BusinessRuleViolation) e, Locale.ENGLISH))
				.contains("journal entry " + java.text.NumberFormat.getIntegerInstance(Locale.ENGLISH).format(posted.id()));
		});
		assertThat(entries()).isEqualTo(before);
	}

	@Test
	void rollsTheCallersEventBackWhenPostingIsRefused() {
		var month = TestMonths.next(jdbc, 1);
		var first = book(interest(month.atDay(3), "10.00"));
		var reason = "event " + UUID.randomUUID();
		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.update("INSERT INTO manual_entry (reason, entered_at, entered_by) VALUES (?, CURRENT_TIMESTAMP, 'test')",
					reason);
			journal.post(new EntryDraft(month.atDay(4), first.sourceType(), first.sourceId(), "Duplicate",
					Posting.debit(Account.CASH, Segment.GENERAL, BigDecimal.ONE, null),
					Posting.credit(Account.OTHER_INCOME, Segment.GENERAL, BigDecimal.ONE, null)));
		})).satisfies(e -> assertThat(code(e)).isEqualTo("journal.alreadyPosted"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM manual_entry WHERE reason = ?", Long.class, reason)).isZero();
	}

	@Test
	void postsTheMirrorOfAnEntryForAReversal() {
		var month = TestMonths.next(jdbc, 1);
		var project = sourceId();
		var original = book(new EntryDraft(month.atDay(2), SourceType.EXPENDITURE, sourceId(), "Travel",
				Posting.debit(Account.EXP_TRAVEL, Segment.SPECIAL, new BigDecimal("500.00"), Dimensions.project(project)),
				Posting.credit(Account.CASH, Segment.SPECIAL, new BigDecimal("500.00"), Dimensions.project(project))));
		long reversalId = sourceId();
		var reversal = new TransactionTemplate(transactions)
			.execute(status -> journal.postReversal(SourceType.EXPENDITURE, original.sourceId(), month.atDay(20),
					SourceType.EXPENDITURE_REVERSAL, reversalId, "Reversal of travel"));
		assertThat(reversal.lines()).extracting(JournalEntryView.Line::account)
			.containsExactly(Account.EXP_TRAVEL, Account.CASH);
		assertThat(reversal.lines().get(0).creditUsd()).isEqualByComparingTo("500.00");
		assertThat(reversal.lines().get(1).debitUsd()).isEqualByComparingTo("500.00");
		assertThat(reversal.lines().get(0).dimensions().projectId()).isEqualTo(project);
		assertThatThrownBy(() -> new TransactionTemplate(transactions)
			.execute(status -> journal.postReversal(SourceType.EXPENDITURE, sourceId(), month.atDay(20),
					SourceType.EXPENDITURE_REVERSAL, sourceId(), "Nothing to reverse")))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.notPosted"));
	}

	@Test
	void neverUpdatesNorDeletesAPostedEntryOrLineThroughTheApplication() {
		var month = TestMonths.next(jdbc, 1);
		var entry = book(interest(month.atDay(3), "42.00"));
		long lineId = jdbc.queryForObject("SELECT id FROM journal_line WHERE entry_id = ? AND line_no = 1", Long.class,
				entry.id());
		var tx = new TransactionTemplate(transactions);

		assertThatThrownBy(() -> tx.executeWithoutResult(s -> entityManager.remove(entityManager.find(JournalLine.class, lineId))))
			.satisfies(e -> assertThat(rootCause(e)).isInstanceOf(AppendOnly.PostedEntriesAreFinal.class));
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			entityManager.remove(entityManager.find(JournalEntry.class, entry.id()));
			entityManager.flush();
		})).satisfies(e -> assertThat(rootCause(e)).isInstanceOf(AppendOnly.PostedEntriesAreFinal.class));
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> entityManager
			.createQuery("update JournalLine l set l.debitUsd = 1 where l.id = :id")
			.setParameter("id", lineId)
			.executeUpdate())).satisfies(e -> assertThat(rootCause(e)).isInstanceOfAny(AppendOnly.PostedEntriesAreFinal.class,
					org.hibernate.HibernateException.class));
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> entityManager
			.createQuery("delete from JournalEntry e where e.id = :id")
			.setParameter("id", entry.id())
			.executeUpdate())).satisfies(e -> assertThat(rootCause(e)).isInstanceOf(AppendOnly.PostedEntriesAreFinal.class));
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> entityManager
			.createQuery("delete from JournalLine l where l.id = :id")
			.setParameter("id", lineId)
			.executeUpdate())).satisfies(e -> assertThat(rootCause(e)).isInstanceOf(AppendOnly.PostedEntriesAreFinal.class));
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> entityManager
			.createNativeQuery("UPDATE journal_line SET debit_usd = 1 WHERE id = " + lineId)
			.executeUpdate())).satisfies(e -> assertThat(rootCause(e)).isInstanceOf(AppendOnly.PostedEntriesAreFinal.class));
		// A change made to a loaded line is never written back.
		tx.executeWithoutResult(s -> {
			var line = entityManager.find(JournalLine.class, lineId);
			org.springframework.test.util.ReflectionTestUtils.setField(line, "debitUsd", new BigDecimal("1.00"));
			entityManager.flush();
		});
		// And the repository offers no way to save or delete.
		assertThat(Arrays.stream(JournalEntries.class.getMethods()).map(java.lang.reflect.Method::getName))
			.noneMatch(name -> name.startsWith("delete") || name.startsWith("save"));

		assertThat(jdbc.queryForObject("SELECT debit_usd FROM journal_line WHERE id = ?", BigDecimal.class, lineId))
			.isEqualByComparingTo("42.00");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE id = ?", Long.class, entry.id()))
			.isEqualTo(1);
		assertThat(queries.entry(entry.id())).isEqualTo(entry);
	}

	@Test
	void verificationNamesTheEntryWhoseAmountWasChangedWithSql() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		var entry = book(interest(month.atDay(3), "250.00"));
		book(interest(month.atDay(4), "1.00"));
		assertThat(verification.verify().intact()).isTrue();
		long lineId = jdbc.queryForObject("SELECT id FROM journal_line WHERE entry_id = ? AND line_no = 1", Long.class,
				entry.id());
		try {
			jdbc.update("UPDATE journal_line SET debit_usd = 2500.00 WHERE id = ?", lineId);
			var result = verification.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBroken().id()).isEqualTo(entry.id());
			assertThat(result.firstBroken().accountingDate()).isEqualTo(month.atDay(3));
			assertThat(result.firstBroken().reason()).isEqualTo(Verification.Reason.CONTENT_CHANGED);
			mvc.perform(get("/api/v1/journal/verify").with(httpBasic("auditor", "tafund-demo-2026")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.firstBroken.id").value(entry.id()))
				.andExpect(jsonPath("$.summary").value(Matchers.startsWith("Entry " + entry.id() + " (dated " + month.atDay(3))));
			mvc.perform(get("/audit/journal").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("auditor").roles("AUDITOR")))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("Entry " + entry.id() + " (dated")));
		}
		finally {
			jdbc.update("UPDATE journal_line SET debit_usd = 250.00 WHERE id = ?", lineId);
		}
		var intact = verification.verify();
		assertThat(intact.intact()).isTrue();
		assertThat(intact.entries()).isEqualTo(entries());
		mvc.perform(get("/api/v1/journal/verify").with(httpBasic("finance.officer", "tafund-demo-2026")))
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.summary").value(Matchers.matchesPattern("Intact, [\\d,]+ entries\\.")));
	}

	@Test
	void trialBalanceBalancesAndEachPeriodOpensWhereThePreviousClosed() throws Exception {
		var m0 = TestMonths.next(jdbc, 3);
		var m1 = m0.plusMonths(1);
		var m2 = m0.plusMonths(2);
		book(interest(m0.atDay(10), "1000.00"));
		book(new EntryDraft(m1.atDay(5), SourceType.MANUAL, sourceId(), "Pledge recognised",
				Posting.debit(Account.RECEIVABLE, Segment.SPECIAL, new BigDecimal("5000.00"), null),
				Posting.credit(Account.REV_SPECIAL, Segment.SPECIAL, new BigDecimal("5000.00"), null)));
		book(new EntryDraft(m1.atDay(25), SourceType.MANUAL, sourceId(), "Expenditure with PSC",
				Posting.debit(Account.EXP_TRAVEL, Segment.SPECIAL, new BigDecimal("300.00"), null),
				Posting.debit(Account.PSC_EXPENSE, Segment.SPECIAL, new BigDecimal("39.00"), null),
				Posting.credit(Account.CASH, Segment.SPECIAL, new BigDecimal("300.00"), null),
				Posting.credit(Account.PSC_INCOME, Segment.PSC, new BigDecimal("39.00"), null)));
		book(interest(m2.atDay(1), "0.01"));

		var first = queries.trialBalance(m0.atDay(1), m0.atEndOfMonth());
		var second = queries.trialBalance(m1.atDay(1), m1.atEndOfMonth());
		var third = queries.trialBalance(m2.atDay(1), m2.atEndOfMonth());
		for (var tb : List.of(first, second, third)) {
			assertThat(tb.balances()).as("trial balance %s..%s", tb.from(), tb.to()).isTrue();
			assertThat(tb.totals().debits()).isEqualByComparingTo(tb.totals().credits());
			for (var row : tb.rows()) {
				assertThat(row.closing()).isEqualByComparingTo(row.opening().add(row.debits()).subtract(row.credits()));
			}
		}
		assertThat(opening(second)).isEqualTo(closing(first));
		assertThat(opening(third)).isEqualTo(closing(second));
		// The months are this test's own: their movements are exactly what it posted.
		assertThat(second.totals().debits()).isEqualByComparingTo("5339.00");
		assertThat(row(second, Account.CASH, Segment.SPECIAL).credits()).isEqualByComparingTo("300.00");
		assertThat(row(second, Account.PSC_INCOME, Segment.PSC).credits()).isEqualByComparingTo("39.00");
		assertThat(row(second, Account.REV_SPECIAL, Segment.SPECIAL).closing()
			.subtract(row(second, Account.REV_SPECIAL, Segment.SPECIAL).opening())).isEqualByComparingTo("-5000.00");
		assertThat(row(third, Account.CASH, Segment.GENERAL).debits()).isEqualByComparingTo("0.01");

		mvc.perform(get("/api/v1/journal/trial-balance").param("from", m1.atDay(1).toString())
			.param("to", m1.atEndOfMonth().toString())
			.with(httpBasic("auditor", "tafund-demo-2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.debits").value("5339.00"))
			.andExpect(jsonPath("$.totals.credits").value("5339.00"))
			.andExpect(jsonPath("$.totals.closing").value("0.00"))
			.andExpect(jsonPath("$.rows[0].account").exists());
		assertThatThrownBy(() -> queries.trialBalance(m1.atDay(2), m1.atDay(1)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("period.endsBeforeStart"));
		mvc.perform(get("/api/v1/journal/trial-balance").param("from", m1.atDay(2).toString())
			.param("to", m1.atDay(1).toString())
			.with(httpBasic("auditor", "tafund-demo-2026")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("period.endsBeforeStart"));
	}

	/*
	 * The trial balance and the undimensioned sums add whole months from journal_month_total and the
	 * days around them from the lines. For ranges that start and end on the first, in the middle and
	 * on the last day of a month, within one month and across three, they must equal the lines' own
	 * sums over the whole journal (the query the trial balance ran before the monthly totals).
	 */
	@Test
	void theTrialBalanceOfAnyRangeIsTheSumOfItsLines() {
		var m0 = TestMonths.next(jdbc, 3);
		var m1 = m0.plusMonths(1);
		var m2 = m0.plusMonths(2);
		var amount = 100;
		for (var month : List.of(m0, m1, m2)) {
			for (var day : List.of(month.atDay(1), month.atDay(10), month.atDay(20), month.atEndOfMonth())) {
				book(interest(day, (amount += 11) + ".25"));
			}
		}
		var ranges = List.of(List.of(m0.atDay(1), m2.atEndOfMonth()), List.of(m0.atDay(10), m2.atDay(20)),
				List.of(m0.atDay(11), m0.atDay(20)), List.of(m0.atDay(2), m2.atDay(1)),
				List.of(m1.atDay(1), m1.atDay(10)), List.of(m1.atDay(21), m2.atEndOfMonth()));
		for (var range : ranges) {
			var from = range.get(0);
			var to = range.get(1);
			var expected = new java.util.TreeMap<String, List<BigDecimal>>();
			jdbc.query("SELECT account_code, segment_code, "
					+ "SUM(CASE WHEN accounting_date < ? THEN debit_usd - credit_usd ELSE 0 END), "
					+ "SUM(CASE WHEN accounting_date >= ? THEN debit_usd ELSE 0 END), "
					+ "SUM(CASE WHEN accounting_date >= ? THEN credit_usd ELSE 0 END) "
					+ "FROM journal_line WHERE accounting_date <= ? GROUP BY account_code, segment_code",
					(java.sql.ResultSet rs) -> {
						expected.put(rs.getString(1) + "/" + rs.getString(2),
								List.of(rs.getBigDecimal(3).setScale(2), rs.getBigDecimal(4).setScale(2),
										rs.getBigDecimal(5).setScale(2)));
					}, from, from, from, to);
			var actual = new java.util.TreeMap<String, List<BigDecimal>>();
			for (var row : queries.trialBalance(from, to).rows()) {
				actual.put(row.account().code() + "/" + row.segment().code(),
						List.of(row.opening(), row.debits(), row.credits()));
			}
			assertThat(actual).as("trial balance %s..%s", from, to).isEqualTo(expected);
			var cash = queries.sums(BalanceQuery.between(from, to).accounts(Account.CASH).segments(Segment.GENERAL));
			assertThat(cash).hasSize(1);
			assertThat(List.of(cash.get(0).debits(), cash.get(0).credits())).as("cash %s..%s", from, to)
				.isEqualTo(expected.get("CASH/GENERAL").subList(1, 3));
		}
		// The months are this test's own: from the 10th of the first to the 20th of the third, ten of its
		// twelve entries (122.25 + 133.25 + 144.25, 155.25 + 166.25 + 177.25 + 188.25, 199.25 + 210.25 + 221.25).
		var middle = queries.sums(BalanceQuery.between(m0.atDay(10), m2.atDay(20)).accounts(Account.OTHER_INCOME));
		assertThat(middle).singleElement().satisfies(b -> assertThat(b.credits()).isEqualByComparingTo("1717.50"));
	}

	// V46: every line carries its entry's kind of event, which the reports of cash received read.
	@Test
	void everyLineCarriesItsEntrysKindOfEvent() {
		var month = TestMonths.next(jdbc, 1);
		var entry = book(interest(month.atDay(5), "12.00"));
		assertThat(jdbc.queryForList("SELECT source_type FROM journal_line WHERE entry_id = ?", String.class, entry.id()))
			.containsExactly("MANUAL", "MANUAL");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id "
				+ "WHERE l.source_type <> e.source_type", Long.class)).isZero();
	}

	@Test
	void sumsByAccountSegmentAndDimensionOverADateRange() {
		var month = TestMonths.next(jdbc, 1);
		var donorA = Dimensions.donor(sourceId(), "MEMBER_STATE").withAgreement(sourceId(), "CPCJF_GENERAL_PURPOSE", null);
		var donorB = Dimensions.donor(sourceId(), "FOUNDATION").withAgreement(sourceId(), "CPCJF_GENERAL_PURPOSE", null);
		book(new EntryDraft(month.atDay(1), SourceType.AGREEMENT_SIGNED, sourceId(), "A signed",
				Posting.debit(Account.RECEIVABLE, Segment.GENERAL, new BigDecimal("700.00"), donorA),
				Posting.credit(Account.REV_GENERAL, Segment.GENERAL, new BigDecimal("700.00"), donorA)));
		book(new EntryDraft(month.atDay(2), SourceType.AGREEMENT_SIGNED, sourceId(), "B signed",
				Posting.debit(Account.RECEIVABLE, Segment.GENERAL, new BigDecimal("300.00"), donorB),
				Posting.credit(Account.REV_GENERAL, Segment.GENERAL, new BigDecimal("300.00"), donorB)));
		book(new EntryDraft(month.atDay(3), SourceType.REFUND, sourceId(), "B refunded",
				Posting.debit(Account.REFUNDS, Segment.GENERAL, new BigDecimal("50.00"), donorB),
				Posting.credit(Account.CASH, Segment.GENERAL, new BigDecimal("50.00"), donorB)));

		var range = BalanceQuery.between(month.atDay(1), month.atEndOfMonth());
		var revenue = queries.sums(range.accounts(Account.REV_GENERAL, Account.REFUNDS).groupedBy(Dimension.DONOR_ID));
		Map<String, BigDecimal> net = new HashMap<>();
		revenue.forEach(b -> net.merge(b.account() + "/" + b.groupId(), b.net(), BigDecimal::add));
		assertThat(net).containsOnly(Map.entry("REV_GENERAL/" + donorA.donorId(), new BigDecimal("-700.00")),
				Map.entry("REV_GENERAL/" + donorB.donorId(), new BigDecimal("-300.00")),
				Map.entry("REFUNDS/" + donorB.donorId(), new BigDecimal("50.00")));
		var ofB = queries.sums(range.where(Dimension.DONOR_ID, donorB.donorId()).segments(Segment.GENERAL));
		assertThat(ofB).extracting(Balance::account).containsExactly(Account.CASH, Account.RECEIVABLE,
				Account.REV_GENERAL, Account.REFUNDS);
		assertThat(ofB.stream().map(Balance::net).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
		var byType = queries.sums(range.accounts(Account.REV_GENERAL).groupedBy(Dimension.DONOR_TYPE));
		assertThat(byType).extracting(Balance::group).containsExactly("FOUNDATION", "MEMBER_STATE");
		assertThat(queries.sums(BalanceQuery.upTo(month.atEndOfMonth()).where(Dimension.DONOR_ID, donorA.donorId())))
			.extracting(Balance::net)
			.containsExactly(new BigDecimal("700.00"), new BigDecimal("-700.00"));
	}

	@Test
	void postsAManualEntryWithItsReasonThroughTheApi() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		var reason = "Bank interest " + UUID.randomUUID();
		var body = """
				{"date":"%s","description":"Interest for the month","reason":"%s","lines":[
				 {"account":"CASH","segment":"GENERAL","debit":"12.34"},
				 {"account":"OTHER_INCOME","segment":"GENERAL","credit":"12.34","dimensions":{"donorId":null}}]}""";
		var response = mvc.perform(post("/api/v1/journal/entries").with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(month.atDay(28), reason)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sourceType").value("MANUAL"))
			.andExpect(jsonPath("$.postedBy").value("finance.officer"))
			.andExpect(jsonPath("$.lines.length()").value(2))
			.andExpect(jsonPath("$.lines[0].debitUsd").value("12.34"))
			.andReturn()
			.getResponse();
		long sourceId = jdbc.queryForObject("SELECT id FROM manual_entry WHERE reason = ?", Long.class, reason);
		var entry = queries.entryBySource(SourceType.MANUAL, sourceId).orElseThrow();
		assertThat(response.getHeader("Location")).isEqualTo("/api/v1/journal/entries/" + entry.id());
		assertThat(manualEntries.reason(sourceId)).isEqualTo(reason);
		mvc.perform(get("/api/v1/journal/entries/{id}", entry.id()).with(httpBasic("auditor", "tafund-demo-2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.description").value("Interest for the month"));
		mvc.perform(get("/api/v1/journal/entries/{id}", Long.MAX_VALUE).with(httpBasic("auditor", "tafund-demo-2026")))
			.andExpect(status().isNotFound());

		var api = httpBasic("admin", "tafund-demo-2026");
		expect(api, body.formatted(month.atDay(28), reason).replace("\"OTHER_INCOME\"", "\"PETTY_CASH\""), 422,
				"journal.account.unknown");
		expect(api, body.formatted(month.atDay(28), reason).replace("\"segment\":\"GENERAL\",\"debit\"", "\"segment\":\"X\",\"debit\""), 422,
				"journal.segment.unknown");
		expect(api, body.formatted(month.atDay(28), reason).replace("\"debit\":\"12.34\"", "\"debit\":\"12.34\",\"credit\":\"1\""),
				422, "journal.line.oneSide");
		expect(api, body.formatted(month.atDay(28), reason).replace("\"debit\":\"12.34\"", "\"debit\":\"-12.34\""), 422,
				"journal.line.negative");
		expect(api, body.formatted(month.atDay(28), reason).replace("12.34", "12.345"), 422, "money.tooManyDecimals");
		expect(api, body.formatted(month.atDay(28), reason).replace("\"donorId\":null", "\"earmark\":\"" + "E".repeat(201) + "\""),
				400, null);
		expect(api, body.formatted(month.atDay(28), "").replace("\"reason\":\"\"", "\"reason\":\" \""), 400, null);
		expect(api, body.formatted(month.atDay(28), reason).replace("\"date\":\"" + month.atDay(28) + "\",", ""), 400, null);
		expect(api, "{\"date\":\"" + month.atDay(28) + "\",\"description\":\"x\",\"reason\":\"y\",\"lines\":[]}", 400, null);
		// Java callers get the same rules as the API.
		assertThatThrownBy(() -> manualEntries.post(new ManualEntryRequest(null, "d", "r", List.of())))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.date.required"));
		assertThatThrownBy(() -> manualEntries.post(new ManualEntryRequest(month.atDay(1), "d", " ", List.of())))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.reason.required"));
		assertThatThrownBy(() -> manualEntries.post(new ManualEntryRequest(month.atDay(1), "d", "r".repeat(501), List.of())))
			.satisfies(e -> assertThat(code(e)).isEqualTo("text.tooLong"));
		assertThatThrownBy(() -> manualEntries.post(new ManualEntryRequest(month.atDay(1), "d", "r", List.of())))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.empty"));
	}

	@Test
	void chartOfAccountsMatchesTheSeededTablesAndEveryBudgetCategory() {
		assertThat(queries.accounts()).extracting(JournalQueries.AccountView::account)
			.containsExactlyInAnyOrder(Account.values());
		assertThat(queries.accounts()).allSatisfy(a -> assertThat(a.kind()).isEqualTo(a.account().kind()));
		assertThat(queries.segments()).extracting(JournalQueries.SegmentView::segment)
			.containsExactly(Segment.GENERAL, Segment.SPECIAL, Segment.PSC);
		for (var category : Codes.BudgetCategory.values()) {
			assertThat(Account.expenditure(category.name()).kind()).isEqualTo(Account.Kind.EXPENSE);
		}
		assertThatThrownBy(() -> Account.expenditure("PARTIES"))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.account.unknown"));
		for (var type : SourceType.values()) {
			assertThat(type.name().length()).isLessThanOrEqualTo(40);
		}
	}

	private void expect(org.springframework.test.web.servlet.request.RequestPostProcessor who, String body, int status,
			String code) throws Exception {
		var result = mvc.perform(post("/api/v1/journal/entries").with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().is(status));
		if (code != null) {
			result.andExpect(jsonPath("$.code").value(code));
		}
	}

	static Map<String, BigDecimal> opening(TrialBalance tb) {
		return balances(tb, true);
	}

	static Map<String, BigDecimal> closing(TrialBalance tb) {
		return balances(tb, false);
	}

	private static Map<String, BigDecimal> balances(TrialBalance tb, boolean opening) {
		var map = new HashMap<String, BigDecimal>();
		for (var row : tb.rows()) {
			var value = opening ? row.opening() : row.closing();
			if (value.signum() != 0) {
				map.put(row.account() + "/" + row.segment(), value);
			}
		}
		return map;
	}

	static TrialBalance.Row row(TrialBalance tb, Account account, Segment segment) {
		return tb.rows()
			.stream()
			.filter(r -> r.account() == account && r.segment() == segment)
			.findFirst()
			.orElseThrow();
	}

	static Throwable rootCause(Throwable e) {
		var cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
