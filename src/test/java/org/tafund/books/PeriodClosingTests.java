package org.tafund.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.support.IntegrationTest;

/**
 * Period closes are global state: each test closes months of its own (TestMonths), after closing
 * the earlier months of the test era that still have open entries, and never relies on what
 * other tests posted or closed.
 */
@IntegrationTest
class PeriodClosingTests {

	static final RequestPostProcessor FINANCE = httpBasic("finance.officer", "tafund-demo-2026");

	static final RequestPostProcessor ADMIN = httpBasic("admin", "tafund-demo-2026");

	@Autowired
	Journal journal;

	@Autowired
	JournalQueries queries;

	@Autowired
	PeriodClosing closing;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	static String code(Throwable e) {
		return ((BusinessRuleViolation) e).messageKey();
	}

	JournalEntryView book(LocalDate date, String usd) {
		return new TransactionTemplate(transactions).execute(status -> journal.post(JournalTests.interest(date, usd)));
	}

	/** Closes a month as a finance officer would: earlier open months of the test era first. */
	PeriodCloseView close(YearMonth month) {
		TestMonths.closeOpenMonthsBefore(closing, month);
		return closing.closeMonth(month);
	}

	/** Leaves no open month with entries in the test era, so that later closes are not held up by ours. */
	@AfterEach
	void closeWhatWeLeftOpen() {
		TestMonths.closeAllOpen(closing);
	}

	@Test
	void refusesAnEntryDatedInAClosedMonthNamingThePeriodAndTheFirstOpenDate() throws Exception {
		var march = TestMonths.next(jdbc, 2);
		book(march.atDay(10), "100.00");
		var close = close(march);
		long before = jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);

		assertThatThrownBy(() -> book(march.atEndOfMonth(), "1.00"))
			.isInstanceOf(PeriodClosed.class)
			.satisfies(e -> {
				assertThat(code(e)).isEqualTo("period.closed");
				var closedOn = close.closedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
				var monthName = march.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
				assertThat(messages.getMessage((BusinessRuleViolation) e, Locale.ENGLISH))
					.isEqualTo(monthName + " " + march.getYear() + " is closed (closed on " + day(closedOn)
							+ " by system); date it on or after " + day(march.plusMonths(1).atDay(1)) + ".");
				assertThat(messages.getMessage((BusinessRuleViolation) e, Locale.FRENCH)).startsWith("La période "
						+ march.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.FRENCH) + " " + march.getYear());
				assertThat(messages.getMessage((BusinessRuleViolation) e, Locale.forLanguageTag("es"))).startsWith("El período "
						+ march.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.forLanguageTag("es")) + " de "
						+ march.getYear() + " está cerrado");
				assertThat(((PeriodClosed) e).firstOpenDate()).isEqualTo(march.plusMonths(1).atDay(1));
			});
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class)).isEqualTo(before);
		assertThat(journal.isClosed(march.atDay(1))).isTrue();
		assertThat(journal.firstOpenDateOnOrAfter(march.atDay(15))).isEqualTo(march.plusMonths(1).atDay(1));
		assertThat(journal.firstOpenDateOnOrAfter(march.plusMonths(1).atDay(2))).isEqualTo(march.plusMonths(1).atDay(2));
		assertThatThrownBy(() -> journal.requireOpen(march.atDay(2), "receivedOn"))
			.satisfies(e -> assertThat(((PeriodClosed) e).field()).isEqualTo("receivedOn"));

		mvc.perform(post("/api/v1/journal/entries").with(FINANCE)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"date":"%s","description":"Late interest","reason":"late","lines":[
					 {"account":"CASH","segment":"GENERAL","debit":"1.00"},
					 {"account":"OTHER_INCOME","segment":"GENERAL","credit":"1.00"}]}""".formatted(march.atDay(20))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("period.closed"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString(march.getYear() + " is closed")))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("on or after " + day(march.plusMonths(1).atDay(1)))));
		// The next month is open.
		book(march.plusMonths(1).atDay(1), "1.00");
	}

	@Test
	void storesTheReportsAtCloseWithTheirFingerprintAndReturnsTheSameBytesAfterLaterEntries() throws Exception {
		var month = TestMonths.next(jdbc, 3);
		book(month.atDay(5), "321.00");
		var close = close(month);
		assertThat(close.fingerprint()).matches("[0-9a-f]{64}");

		var first = mvc.perform(get("/api/v1/periods/{id}/snapshot", close.id()).with(httpBasic("auditor", "tafund-demo-2026")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().string("ETag", "\"" + close.fingerprint() + "\""))
			.andExpect(jsonPath("$.kind").value("MONTH"))
			.andExpect(jsonPath("$.from").value(month.atDay(1).toString()))
			.andExpect(jsonPath("$.reports['trial-balance'].totals.debits").value("321.00"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(CanonicalForm.sha256(new String(first, StandardCharsets.UTF_8))).isEqualTo(close.fingerprint());
		assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(closing.currentFigures(PeriodKind.MONTH,
				month.atDay(1), month.atEndOfMonth()));

		// Later periods move on; the closed month's stored reports do not.
		book(month.plusMonths(1).atDay(3), "1000.00");
		book(month.plusMonths(2).atDay(3), "2000.00");
		var later = mvc.perform(get("/api/v1/periods/{id}/snapshot", close.id()).with(FINANCE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(later).isEqualTo(first);
		mvc.perform(get("/api/v1/periods").with(FINANCE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + close.id() + ")].fingerprint").value(close.fingerprint()));
		mvc.perform(get("/api/v1/periods/{id}", close.id()).with(FINANCE))
			.andExpect(jsonPath("$.closedBy").value("system"));
		mvc.perform(get("/api/v1/periods/{id}/snapshot", Long.MAX_VALUE).with(FINANCE)).andExpect(status().isNotFound());

		// The next month's trial balance opens where the stored one closed.
		var stored = queries.trialBalance(month.atDay(1), month.atEndOfMonth());
		var next = queries.trialBalance(month.plusMonths(1).atDay(1), month.plusMonths(1).atEndOfMonth());
		assertThat(JournalTests.opening(next)).isEqualTo(JournalTests.closing(stored));
	}

	@Test
	void closesMonthsInOrderOnlyOnceAndOnlyWhenTheyHaveEnded() throws Exception {
		var first = TestMonths.next(jdbc, 2);
		var second = first.plusMonths(1);
		book(first.atDay(1), "5.00");
		book(second.atDay(1), "6.00");
		TestMonths.closeOpenMonthsBefore(closing, first);

		assertThatThrownBy(() -> closing.closeMonth(second)).satisfies(e -> {
			assertThat(code(e)).isEqualTo("period.earlierOpen");
			var firstName = first.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
			assertThat(messages.getMessage((BusinessRuleViolation) e, Locale.ENGLISH)).contains(firstName + " " + first.getYear());
		});
		expectClose("{\"month\":\"" + second + "\"}", 422, "period.earlierOpen");
		mvc.perform(post("/api/v1/periods/close").with(FINANCE)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"month\":\"" + first + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.closedBy").value("finance.officer"))
			.andExpect(jsonPath("$.kind").value("MONTH"));
		expectClose("{\"month\":\"" + first + "\"}", 422, "period.alreadyClosed");
		expectClose("{\"month\":\"" + second + "\"}", 201, null);

		var nextMonth = YearMonth.now(java.time.ZoneOffset.UTC);
		expectClose("{\"month\":\"" + nextMonth + "\"}", 422, "period.notEnded");
		expectClose("{\"year\":" + LocalDate.now(java.time.ZoneOffset.UTC).getYear() + "}", 422, "period.notEnded");
		expectClose("{}", 422, "period.close.monthOrYear");
		expectClose("{\"month\":\"" + first + "\",\"year\":1850}", 422, "period.close.monthOrYear");
		expectClose("{\"year\":99999}", 422, "period.year.invalid");
		expectClose("{\"month\":\"March\"}", 400, null);
	}

	@Test
	void closesAWholeYearAndRefusesEveryDateInIt() {
		int year = TestMonths.nextYear(jdbc);
		book(LocalDate.of(year, 2, 14), "70.00");
		TestMonths.closeOpenMonthsBefore(closing, YearMonth.of(year, 1));
		var close = closing.closeYear(year);
		assertThat(close.kind()).isEqualTo(PeriodKind.YEAR);
		assertThat(close.period()).isEqualTo(String.valueOf(year));
		for (int month = 1; month <= 12; month++) {
			assertThat(journal.isClosed(LocalDate.of(year, month, 1))).isTrue();
		}
		assertThat(journal.firstOpenDateOnOrAfter(LocalDate.of(year, 6, 15))).isEqualTo(LocalDate.of(year + 1, 1, 1));
		assertThatThrownBy(() -> book(LocalDate.of(year, 12, 31), "1.00")).satisfies(e -> assertThat(
				messages.getMessage((BusinessRuleViolation) e, Locale.ENGLISH))
			.startsWith(year + " is closed")
			.endsWith("date it on or after 1 Jan " + (year + 1) + "."));
		assertThatThrownBy(() -> closing.closeYear(year)).satisfies(e -> assertThat(code(e)).isEqualTo("period.alreadyClosed"));
		assertThatThrownBy(() -> closing.closeMonth(YearMonth.of(year, 3)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("period.alreadyClosed"));
		assertThat(closing.snapshot(close.id())).contains("\"kind\":\"YEAR\"").contains("\"debits\":\"70.00\"");
	}

	@Test
	void reopeningIsForAdministratorsWithAReasonAndIsAudited() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		book(month.atDay(9), "9.00");
		var close = close(month);

		mvc.perform(post("/api/v1/periods/{id}/reopen", close.id()).with(FINANCE)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Late invoice\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/periods/{id}/reopen", close.id()).with(httpBasic("auditor", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Late invoice\"}"))
			.andExpect(status().isForbidden());
		// The rule holds for Java callers too, not only on the route.
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				"finance.officer", "n/a", AuthorityUtils.createAuthorityList("ROLE_FINANCE")));
		try {
			assertThatThrownBy(() -> closing.reopen(close.id(), "Late invoice")).isInstanceOf(AccessDeniedException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		mvc.perform(post("/api/v1/periods/{id}/reopen", close.id()).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"  \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("period.reopen.reasonRequired"));
		mvc.perform(post("/api/v1/periods/{id}/reopen", close.id()).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"" + "x".repeat(501) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("text.tooLong"));
		assertThat(journal.isClosed(month.atDay(9))).isTrue();

		var reason = "Late invoice from the Vienna office " + UUID.randomUUID();
		mvc.perform(post("/api/v1/periods/{id}/reopen", close.id()).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"" + reason + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reopenedBy").value("admin"))
			.andExpect(jsonPath("$.reopenReason").value(reason))
			.andExpect(jsonPath("$.fingerprint").value(close.fingerprint()));
		assertThat(journal.isClosed(month.atDay(9))).isFalse();
		book(month.atDay(20), "1.50");

		// Audited: the close and the reopening are revisions with who made them.
		var audit = jdbc.queryForList("SELECT a.revtype, a.reopen_reason, r.username FROM period_close_aud a "
				+ "JOIN revision r ON r.id = a.rev WHERE a.id = ? ORDER BY a.rev", close.id());
		assertThat(audit).hasSize(2);
		assertThat(audit.get(0).get("username")).isEqualTo("system");
		assertThat(audit.get(1).get("username")).isEqualTo("admin");
		assertThat(audit.get(1).get("reopen_reason")).isEqualTo(reason);
		mvc.perform(get("/history/PeriodClose/{id}", close.id())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("auditor")
				.roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(reason)));

		mvc.perform(post("/api/v1/periods/{id}/reopen", close.id()).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"again\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("period.alreadyReopened"));
		mvc.perform(post("/api/v1/periods/{id}/reopen", Long.MAX_VALUE).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"none\"}"))
			.andExpect(status().isNotFound());

		// Closing again is a new close, whose figures include the late entry.
		var again = closing.closeMonth(month);
		assertThat(again.id()).isNotEqualTo(close.id());
		assertThat(again.fingerprint()).isNotEqualTo(close.fingerprint());
		assertThat(closing.snapshot(again.id())).contains("\"debits\":\"10.50\"");
		assertThat(closing.snapshot(close.id())).contains("\"debits\":\"9.00\"");
	}

	@Test
	void reopensBackwardsTheLatestCloseFirst() throws Exception {
		var first = TestMonths.next(jdbc, 2);
		var second = first.plusMonths(1);
		book(first.atDay(3), "3.00");
		book(second.atDay(4), "4.00");
		var firstClose = close(first);
		var secondClose = close(second);

		// April's opening is March's closing: March cannot change while April stays closed.
		mvc.perform(post("/api/v1/periods/{id}/reopen", firstClose.id()).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Late invoice\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("period.reopen.laterClosed"))
			.andExpect(jsonPath("$.detail").value(Matchers.startsWith(monthName(first) + " cannot be reopened while "
					+ monthName(second) + " is closed")));
		assertThat(journal.isClosed(first.atDay(3))).isTrue();

		mvc.perform(post("/api/v1/periods/{id}/reopen", secondClose.id()).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Late invoice\"}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/periods/{id}/reopen", firstClose.id()).with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Late invoice\"}"))
			.andExpect(status().isOk());
		assertThat(journal.isClosed(first.atDay(3))).isFalse();
		assertThat(journal.isClosed(second.atDay(4))).isFalse();
	}

	private static String monthName(YearMonth month) {
		return month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH));
	}

	private void expectClose(String body, int status, String code) throws Exception {
		var result = mvc.perform(post("/api/v1/periods/close").with(FINANCE)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().is(status));
		if (code != null) {
			result.andExpect(jsonPath("$.code").value(code));
		}
	}

	/** A day as an English page writes it: 5 Jun 2026. */
	private static String day(LocalDate date) {
		return date.getDayOfMonth() + " " + date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK) + " "
				+ date.getYear();
	}

}
