package org.tafund.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;

/** The books pages render for the roles that read them, and the forms say what went wrong. */
@IntegrationTest
class BooksPagesTests {

	static final RequestPostProcessor FINANCE = user("finance.officer").roles("FINANCE");

	static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Journal journal;

	@Autowired
	PeriodClosing closing;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void closeWhatWeLeftOpen() {
		TestMonths.closeAllOpen(closing);
	}

	@Test
	void showsTheAccountsAndSegmentsInEachLanguage() throws Exception {
		for (var who : new RequestPostProcessor[] { FINANCE, ADMIN, AUDITOR }) {
			mvc.perform(get("/books/accounts").with(who))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Contributions receivable")))
				.andExpect(content().string(containsString("Expenditure: workshops and training")))
				.andExpect(content().string(containsString("Programme support costs")))
				.andExpect(content().string(containsString("id=\"segments\"")));
		}
		mvc.perform(get("/books/accounts").param("lang", "fr").with(FINANCE))
			.andExpect(content().string(containsString("Contributions à recevoir")))
			.andExpect(content().string(containsString("Fonds à des fins spéciales")));
		mvc.perform(get("/books/accounts").param("lang", "es").with(FINANCE))
			.andExpect(content().string(containsString("Contribuciones por cobrar")));
		mvc.perform(get("/").with(AUDITOR)).andExpect(content().string(containsString("href=\"/books/journal\"")));
		mvc.perform(get("/").with(user("donor.officer").roles("DONOR_RELATIONS")))
			.andExpect(content().string(not(containsString("href=\"/books/journal\""))));
	}

	@Test
	void showsTheJournalAndPostsAManualEntryFromThePage() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		var description = "Bank interest " + UUID.randomUUID();
		mvc.perform(post("/books/journal/manual").with(FINANCE)
			.with(csrf())
			.param("date", month.atDay(28).toString())
			.param("description", description)
			.param("reason", "Interest credited by the bank")
			.param("lines[0].account", "CASH")
			.param("lines[0].segment", "GENERAL")
			.param("lines[0].debit", "15.20")
			.param("lines[1].account", "OTHER_INCOME")
			.param("lines[1].segment", "GENERAL")
			.param("lines[1].credit", "15.20")
			.param("lines[2].account", "")
			.param("lines[2].segment", "GENERAL"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/books/journal#entry-*"))
			.andExpect(flash().attribute("message", "journal.manual.posted"));
		for (var who : new RequestPostProcessor[] { FINANCE, ADMIN, AUDITOR }) {
			mvc.perform(get("/books/journal").with(who))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(description)))
				.andExpect(content().string(containsString("Manual entry")))
				.andExpect(content().string(containsString("Other income (interest and other)")));
		}
		mvc.perform(get("/books/journal").with(AUDITOR)).andExpect(content().string(not(containsString("new-manual-entry"))));
		mvc.perform(get("/books/journal/manual").with(FINANCE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"lines[5].debit\"")));
	}

	@Test
	void keepsWhatWasTypedAndShowsAClosedPeriodBesideTheDate() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		new TransactionTemplate(transactions)
			.executeWithoutResult(s -> journal.post(JournalTests.interest(month.atDay(2), "3.00")));
		TestMonths.closeOpenMonthsBefore(closing, month);
		closing.closeMonth(month);
		var description = "Late interest " + UUID.randomUUID();
		var page = Refused.page(mvc, post("/books/journal/manual")
			.param("date", month.atDay(15).toString())
			.param("description", description)
			.param("reason", "late")
			.param("lines[0].account", "CASH")
			.param("lines[0].segment", "GENERAL")
			.param("lines[0].debit", "4.00")
			.param("lines[1].account", "OTHER_INCOME")
			.param("lines[1].segment", "GENERAL")
			.param("lines[1].credit", "4.00"), FINANCE, "/books/journal/manual");
		assertThat(page).contains("id=\"date-error\"")
			.contains("is closed (closed on")
			.contains("date it on or after " + org.tafund.shared.Dates.day(month.plusMonths(1).atDay(1), java.util.Locale.ENGLISH))
			.contains(description)
			.contains("value=\"4.00\"");
		var unbalanced = Refused.page(mvc, post("/books/journal/manual")
			.param("date", month.plusMonths(1).atDay(15).toString())
			.param("description", description)
			.param("reason", "late")
			.param("lines[0].account", "CASH")
			.param("lines[0].segment", "GENERAL")
			.param("lines[0].debit", "4.00"), FINANCE, "/books/journal/manual");
		assertThat(unbalanced).contains("The entry does not balance: debits 4.00 USD, credits 0.00 USD.");
	}

	@Test
	void showsThePeriodsWithWhoClosedThemAndTheFingerprintAndLetsAdministratorsReopen() throws Exception {
		var month = TestMonths.next(jdbc, 1);
		new TransactionTemplate(transactions)
			.executeWithoutResult(s -> journal.post(JournalTests.interest(month.atDay(2), "3.00")));
		TestMonths.closeOpenMonthsBefore(closing, month);
		mvc.perform(post("/books/periods/close").with(FINANCE).with(csrf()).param("month", month.toString()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "period.closedNow"));
		var close = closing.list(org.tafund.shared.Paging.page(0, 1000))
			.stream()
			.filter(c -> c.period().equals(month.toString()) && c.active())
			.findFirst()
			.orElseThrow();
		assertThat(close.closedBy()).isEqualTo("finance.officer");
		for (var who : new RequestPostProcessor[] { FINANCE, ADMIN, AUDITOR }) {
			mvc.perform(get("/books/periods").with(who))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(close.fingerprint())))
				.andExpect(content().string(containsString("by finance.officer")));
		}
		mvc.perform(get("/books/periods").with(FINANCE))
			.andExpect(content().string(containsString("close-month-form")))
			.andExpect(content().string(not(containsString("/books/periods/" + close.id() + "/reopen"))));
		mvc.perform(get("/books/periods").with(AUDITOR)).andExpect(content().string(not(containsString("close-month-form"))));
		mvc.perform(get("/books/periods").with(ADMIN))
			.andExpect(content().string(containsString("/books/periods/" + close.id() + "/reopen")));

		var closesBefore = closing.list(org.tafund.shared.Paging.page(0, 1000)).size();
		mvc.perform(post("/books/periods/close").with(FINANCE).with(csrf()).param("month", "March"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("closeForm", "month", "Pattern"))
			.andExpect(content().string(containsString("value=\"March\"")))
			.andExpect(content().string(containsString(
					"<div class=\"invalid-feedback mb-2\" id=\"month-error\">Give the month in the form 2025-03.</div>")));
		mvc.perform(post("/books/periods/close").with(FINANCE).with(csrf()).param("year", "99"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("closeForm", "year", "Min"))
			.andExpect(content().string(containsString("value=\"99\"")))
			.andExpect(content().string(containsString(
					"<div class=\"invalid-feedback mb-2\" id=\"year-error\">Give the year in four digits, for example 2025.</div>")));
		mvc.perform(post("/books/periods/close").with(FINANCE).with(csrf()).param("month", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give either a month (2025-03) or a year (2025) to close.")));
		assertThat(closing.list(org.tafund.shared.Paging.page(0, 1000))).hasSize(closesBefore);
		// A rule of the books refuses closing the month again: the advice brings it back to the form.
		var again = Refused.page(mvc, post("/books/periods/close").param("month", month.toString()), FINANCE,
				"/books/periods#close-forms");
		assertThat(again).contains("id=\"close-errors\"").contains("value=\"" + month + "\"");
		assertThat(closing.list(org.tafund.shared.Paging.page(0, 1000))).hasSize(closesBefore);
		mvc.perform(post("/books/periods/{id}/reopen", close.id()).with(FINANCE).with(csrf()).param("reason", "late"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/books/periods/{id}/reopen", close.id()).with(ADMIN).with(csrf()).param("reason", "Late invoice"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "period.reopenedNow"));
		mvc.perform(get("/books/periods").with(ADMIN))
			.andExpect(content().string(containsString("Reopened on")))
			.andExpect(content().string(containsString("Late invoice")));
		assertThat(journal.isClosed(month.atDay(2))).isFalse();
	}

	@Test
	void showsTheVerificationUnderAuditAndInTheBooks() throws Exception {
		mvc.perform(get("/audit/journal").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Intact, ")))
			.andExpect(content().string(containsString("href=\"/audit/sign-ins\"")));
		mvc.perform(get("/audit/journal").with(FINANCE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Intact, ")))
			.andExpect(content().string(not(containsString("href=\"/audit/sign-ins\""))))
			.andExpect(content().string(containsString("books-tabs")));
		mvc.perform(get("/audit/journal").param("lang", "fr").with(ADMIN))
			.andExpect(content().string(containsString("Intact, ")));
		mvc.perform(get("/audit/journal").param("lang", "es").with(ADMIN))
			.andExpect(content().string(containsString("Íntegro, ")));
	}

}
