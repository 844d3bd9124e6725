package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.projects.Codes.Channel;
import org.tafund.projects.Codes.Subject;
import org.tafund.projects.ProjectManagement;
import org.tafund.support.BrowserTest;
import org.tafund.support.TestClock;
import org.tafund.support.Unique;

/**
 * Each role's home page lists its work: the test prepares one more piece of work for each and
 * sees the figure move on the page, with a chart drawn beside it.
 */
class HomeWorklistBrowserTests extends BrowserTest {

	private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d[\\d,]*)");

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	ProjectManagement projects;

	@Autowired
	org.tafund.reference.ReferenceCatalogue reference;

	@Test
	void donorRelationsSeeADraftToSignAndFinanceAnInstalmentDueThisMonth() {
		long donor = donors.register(new DonorDetails(Unique.name("Worklist Foundation"), DonorType.FOUNDATION, null,
				null, null, null, true, List.of())).id();

		// An instalment of this donor is overdue, so that the chart of what donors owe has a bar.
		contributions.createAgreement(terms("WL-LATE-" + Unique.suffix(), donor, TestClock.today().minusMonths(3),
				TestClock.today().minusDays(20)));
		signIn("donor.officer", "tafund-demo-2026");
		assertThat(figure("wl-overdue")).isPositive();
		long drafts = figure("wl-drafts");
		var draft = "WL-DRAFT-" + Unique.suffix();
		contributions.createAgreement(terms(draft, donor, null, TestClock.today().plusMonths(2)));
		open("/");
		assertThat(figure("wl-drafts")).isEqualTo(drafts + 1);
		assertThat(browser.findElement(By.id("worklists")).getText()).contains("Donor relations: to follow up")
			.contains("overdue");
		assertChartDrawn("chart-overdue-by-donor");

		browser.manage().deleteAllCookies();
		signIn("finance.officer", "tafund-demo-2026");
		long due = figure("wl-due-this-month");
		var thisMonth = TestClock.today().withDayOfMonth(TestClock.today().lengthOfMonth());
		var signed = "WL-DUE-" + Unique.suffix();
		contributions.createAgreement(terms(signed, donor, TestClock.today().minusDays(3), thisMonth));
		open("/?lang=fr");
		assertThat(figure("wl-due-this-month")).isEqualTo(due + 1);
		// The count moved by this agreement's instalment; the lines listed are the first five by date,
		// which other tests' instalments may fill on a shared database.
		assertThat(browser.findElement(By.id("worklists")).getText()).contains("Finances : ce mois-ci");
		assertThat(browser.findElement(By.id("wl-revaluation")).getText()).contains("réévaluation");
		assertChartDrawn("chart-unallocated-by-window");
	}

	@Test
	void aProjectManagerSeesARequestToAssessAndAnAdministratorARefusedSignIn() {
		signIn("project.manager", "tafund-demo-2026");
		long requests = figure("wl-requests");
		// Received today: the worklist lists the latest requests, and the shared database has others.
		var request = projects.recordRequest("GHA", TestClock.today(), Channel.EMAIL,
				Set.of(Subject.MUTUAL_LEGAL_ASSISTANCE), Set.of(), Unique.name("Worklist request"));
		open("/");
		assertThat(figure("wl-requests")).isEqualTo(requests + 1);
		assertThat(browser.findElement(By.id("worklists")).getText()).contains("Ghana");
		browser.findElement(By.cssSelector("a[href$='/projects/requests/" + request.id() + "']")).click();
		assertThat(browser.getCurrentUrl()).endsWith("/projects/requests/" + request.id());
		// A project of this manager's own, so that the chart has a bar whatever ran before.
		try (var signedIn = org.tafund.support.SignedIn.as("finance.officer", org.tafund.security.Role.FINANCE)) {
			projects.createProject(new org.tafund.projects.ProjectDetails("WLP-" + Unique.suffix(), "Worklist project",
					null, org.tafund.projects.Codes.Theme.MLA, Set.of(), Set.of("GHA"),
					reference.implementingEntity("UNODC-HQ").orElseThrow().id(), Set.of("project.manager"), null, null,
					null, null, 2, "15130", null, Set.of(), List.of()));
		}
		open("/");
		assertChartDrawn("chart-spent-by-project");

		browser.manage().deleteAllCookies();
		signIn("admin", "tafund-demo-2026");
		long refused = figure("wl-failed-sign-ins");
		browser.manage().deleteAllCookies();
		refusedSignIn("auditor", "not-the-password-" + Unique.suffix());
		signIn("admin", "tafund-demo-2026");
		assertThat(figure("wl-failed-sign-ins")).isEqualTo(refused + 1);
		assertChartDrawn("chart-failed-sign-ins");

		browser.manage().deleteAllCookies();
		signIn("auditor", "tafund-demo-2026");
		assertThat(browser.findElement(By.id("worklists")).getText()).contains("Latest changes");
		// The request recorded above is among the latest changes, by its record's name.
		assertThat(browser.findElement(By.id("worklists")).getText()).contains("Request for assistance " + request.id());
		assertChartDrawn("chart-changes-by-day");
	}

	private AgreementTerms terms(String reference, long donor, java.time.LocalDate signedOn, java.time.LocalDate due) {
		return new AgreementTerms(reference, donor, "USD", new BigDecimal("1000.00"),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null, signedOn,
				List.of(new ScheduleLine(due, new BigDecimal("1000.00"))));
	}

	/** The first number of a worklist line: its count. */
	private long figure(String id) {
		var text = browser.findElement(By.id(id)).getText();
		if (text.startsWith("No ") || text.startsWith("Aucun")) {
			return 0;
		}
		var matcher = FIRST_NUMBER.matcher(text);
		assertThat(matcher.find()).as("a number in %s", text).isTrue();
		return Long.parseLong(matcher.group(1).replace(",", ""));
	}

	private void assertChartDrawn(String table) {
		assertThat(browser.findElements(By.id(table))).as("the chart's table %s", table).hasSize(1);
		var drawn = ((JavascriptExecutor) browser).executeScript(
				"var c = document.querySelector('canvas[data-table=\"' + arguments[0] + '\"]');"
						+ " return c != null && typeof Chart !== 'undefined' && Chart.getChart(c) != null;",
				table);
		assertThat(drawn).as("the chart of %s drawn", table).isEqualTo(true);
	}

}
