package org.tafund.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.Approvals;

import com.jayway.jsonpath.JsonPath;

/**
 * Maker-checker on the books: a manual entry, a period close and a reopening that need a second
 * person change nothing until that person approves them.
 */
@org.tafund.support.IntegrationTest
class BooksApprovalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Approvals approvals;

	@Autowired
	PeriodClosing closing;

	@Autowired
	JdbcTemplate jdbc;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	final RequestPostProcessor maker = user("maker-" + suffix).roles("FINANCE");

	final RequestPostProcessor checker = user("checker-" + suffix).roles("FINANCE", "APPROVER");

	final RequestPostProcessor admin = user("admin-" + suffix).roles("ADMIN");

	final RequestPostProcessor secondAdmin = user("admin2-" + suffix).roles("ADMIN");

	List<Approvals.PolicyView> before;

	@BeforeEach
	void underApproval() {
		before = approvals.policies();
		approvals.setPolicy(ApprovalAction.MANUAL_ENTRY, true, new BigDecimal("1000.00"));
		approvals.setPolicy(ApprovalAction.PERIOD_CLOSE, true, null);
		approvals.setPolicy(ApprovalAction.PERIOD_REOPEN, true, null);
	}

	@AfterEach
	void restore() {
		before.forEach(policy -> approvals.setPolicy(policy.action(), policy.required(), policy.thresholdUsd()));
		TestMonths.closeAllOpen(closing);
	}

	String call(String path, RequestPostProcessor who, String body, int expected) throws Exception {
		return mvc
			.perform(post(path).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is(expected))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long entries(String description) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE description = ?", Long.class, description);
	}

	boolean closed(YearMonth month) {
		return closing.activeClose(month.atDay(1), month.atEndOfMonth()).isPresent();
	}

	@Test
	void aManualEntryACloseAndAReopeningWaitForASecondPerson() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		TestMonths.closeOpenMonthsBefore(closing, month);
		var description = "Interest " + suffix;
		var entry = "{\"date\":\"" + month.atDay(15) + "\",\"description\":\"" + description
				+ "\",\"reason\":\"Bank interest\",\"lines\":[{\"account\":\"CASH\",\"segment\":\"GENERAL\",\"debit\":\"2500.00\"},"
				+ "{\"account\":\"OTHER_INCOME\",\"segment\":\"GENERAL\",\"credit\":\"2500.00\"}]}";

		// Above USD 1,000: pending, nothing posted; a second person's approval posts it.
		var pendingEntry = JsonPath.parse(call("/api/v1/journal/entries", maker, entry, 202));
		assertThat(pendingEntry.read("$.action", String.class)).isEqualTo("MANUAL_ENTRY");
		assertThat(entries(description)).isZero();
		long entryApproval = pendingEntry.read("$.id", Long.class);
		call("/api/v1/approvals/" + entryApproval + "/approve", maker, "{}", 403);
		call("/api/v1/approvals/" + entryApproval + "/approve", checker, "{}", 200);
		assertThat(entries(description)).isOne();

		// A close waits too: the month stays open until approved.
		var pendingClose = JsonPath.parse(call("/api/v1/periods/close", maker, "{\"month\":\"" + month + "\"}", 202));
		assertThat(closed(month)).isFalse();
		mvc.perform(post("/api/v1/approvals/" + pendingClose.read("$.id", Long.class) + "/approve").with(checker)
			.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.resultRef").value(org.hamcrest.Matchers.startsWith("Close ")));
		assertThat(closed(month)).isTrue();

		// A reopening asked by one administrator is approved by another, never by the same one.
		var close = closing.activeClose(month.atDay(1), month.atEndOfMonth()).orElseThrow();
		var pendingReopen = JsonPath.parse(call("/api/v1/periods/" + close.id() + "/reopen", admin,
				"{\"reason\":\"Bank statement corrected\"}", 202));
		assertThat(closed(month)).isTrue();
		long reopenApproval = pendingReopen.read("$.id", Long.class);
		assertThat(JsonPath.parse(call("/api/v1/approvals/" + reopenApproval + "/approve", admin, "{}", 403))
			.read("$.code", String.class)).isEqualTo("approval.ownRecord");
		// A finance approver does not approve what only administrators may do.
		assertThat(JsonPath.parse(call("/api/v1/approvals/" + reopenApproval + "/approve", checker, "{}", 403))
			.read("$.code", String.class)).isEqualTo("approval.notApprover");
		call("/api/v1/approvals/" + reopenApproval + "/approve", secondAdmin, "{}", 200);
		assertThat(closed(month)).isFalse();
	}

	@Test
	void aSmallManualEntryIsPostedAtOnce() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		var description = "Small interest " + suffix;
		call("/api/v1/journal/entries", maker, "{\"date\":\"" + month.atDay(3) + "\",\"description\":\"" + description
				+ "\",\"reason\":\"Bank interest\",\"lines\":[{\"account\":\"CASH\",\"segment\":\"GENERAL\",\"debit\":\"999.99\"},"
				+ "{\"account\":\"OTHER_INCOME\",\"segment\":\"GENERAL\",\"credit\":\"999.99\"}]}", 201);
		assertThat(entries(description)).isOne();
	}

}
