package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.tafund.support.TestSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.data.domain.PageRequest;
import org.tafund.contributions.AgreementStatus;
import org.tafund.contributions.AgreementView;
import org.tafund.contributions.ContributionManagement;
import org.tafund.donors.DonorManagement;
import org.tafund.projects.ProjectFilter;
import org.tafund.projects.ProjectManagement;
import org.tafund.projects.ProjectView;
import org.tafund.security.UserManagement;

/**
 * The profile a newcomer gets from {@code ./mvnw spring-boot:run}: no profile, an H2 file
 * database, the same Flyway scripts, and the demo users on the sign-in page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "TAFUND_H2_FILE=./target/h2-default-profile/${random.uuid}/tafund")
@AutoConfigureMockMvc
class DefaultProfileTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	Flyway flyway;

	@Autowired
	UserManagement users;

	@Autowired
	MockMvc mvc;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Test
	void showsALivingSystemWithDemoDonorsAgreementsAndOverdueInstalments() {
		assertThat(donors.all()).hasSizeGreaterThanOrEqualTo(8);
		var statuses = contributions.list(PageRequest.of(0, 50)).map(AgreementView::status).toSet();
		assertThat(statuses).contains(AgreementStatus.FULLY_RECEIVED, AgreementStatus.OVERDUE, AgreementStatus.DRAFT);
		assertThat(contributions.overdue()).isNotEmpty();
		// The demo's first month of books is closed, and everything it holds is in the journal.
		var firstMonth = java.time.YearMonth.now(java.time.Clock.systemUTC()).minusMonths(14).toString();
		assertThat(closing.list(PageRequest.of(0, 20))).anySatisfy(close -> {
			assertThat(close.period()).isEqualTo(firstMonth);
			assertThat(close.fingerprint()).hasSize(64);
		});
		assertThat(journalQueries.count()).isGreaterThanOrEqualTo(10);
		assertThat(verification.verify().intact()).isTrue();
		var demoProjects = projects.projects(ProjectFilter.all());
		assertThat(demoProjects).extracting(ProjectView::code).contains("XAW-Z21", "XAP-E07", "GLO-X45");
		// one project is nearly overdrawn: less than 5% of what was allocated to it is left
		assertThat(demoProjects).anySatisfy(p -> assertThat(p.balanceUsd().amount().multiply(java.math.BigDecimal.valueOf(20)))
			.isLessThan(p.allocatedUsd().amount()));
	}

	@Autowired
	ProjectManagement projects;

	@Autowired
	org.tafund.books.Journal journal;

	@Autowired
	org.tafund.books.JournalVerification verification;

	@Autowired
	org.tafund.books.JournalQueries journalQueries;

	@Autowired
	org.tafund.books.PeriodClosing closing;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void keepsTheBooksOnH2Too() {
		var date = java.time.LocalDate.of(2001, 1, 10);
		new org.springframework.transaction.support.TransactionTemplate(transactions)
			.executeWithoutResult(status -> journal.post(new org.tafund.books.EntryDraft(date,
					org.tafund.books.SourceType.MANUAL, 1, "Interest",
					org.tafund.books.Posting.debit(org.tafund.books.Account.CASH, org.tafund.books.Segment.GENERAL,
							new java.math.BigDecimal("10.00"), null),
					org.tafund.books.Posting.credit(org.tafund.books.Account.OTHER_INCOME,
							org.tafund.books.Segment.GENERAL, new java.math.BigDecimal("10.00"), null))));
		var close = closing.closeMonth(java.time.YearMonth.of(2001, 1));
		assertThat(journal.isClosed(date)).isTrue();
		assertThat(journal.firstOpenDateOnOrAfter(date)).isEqualTo(java.time.LocalDate.of(2001, 2, 1));
		assertThat(closing.snapshot(close.id())).contains("\"debits\":\"10.00\"");
		assertThat(journalQueries.trialBalance(date, date).balances()).isTrue();
		assertThat(verification.verify().intact()).isTrue();
	}

	@Test
	void bootsOnH2AndAppliesEveryMigration() throws Exception {
		try (var connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
		}
		assertThat(flyway.info().pending()).isEmpty();
		assertThat(flyway.info().applied()).isNotEmpty().allSatisfy(m -> assertThat(m.getState().isFailed()).isFalse());
	}

	@Test
	void listsTheDemoUsersOnTheLoginPageAndLetsEachSignIn() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(containsString("tafund-demo-2026")));
		for (var username : new String[] { "donor.officer", "project.manager", "finance.officer", "admin",
				"auditor" }) {
			var session = TestSession.of(mvc.perform(formLogin("/login").user(username).password("tafund-demo-2026"))
				.andExpect(redirectedUrl("/"))
				.andReturn());
			mvc.perform(get("/").with(session)).andExpect(content().string(containsString("nav-sections")));
		}
		assertThat(users.count()).isGreaterThanOrEqualTo(5);
	}

}
