package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.projects.Codes.Theme;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.support.BrowserTest;
import org.tafund.support.SignedIn;

/**
 * The project manager logs an activity with its participants and an expenditure line on their
 * project, in Chromium, and the project page shows the new totals and balance.
 */
class ProjectManagerBrowserTests extends BrowserTest {

	@Autowired
	ProjectManagement projects;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ReferenceCatalogue reference;

	@Test
	void logsAnActivityAndAnExpenditureAndSeesTheNewTotals() {
		long donor = donors.register(new DonorDetails("Browser Donor " + UUID.randomUUID(), DonorType.FOUNDATION, null,
				null, null, null, true, List.of())).id();
		long agreement = contributions.createAgreement(new AgreementTerms("BR-" + UUID.randomUUID(), donor, "USD",
				new BigDecimal("10000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2024-01-10"),
				List.of(new ScheduleLine(LocalDate.parse("2024-12-31"), new BigDecimal("10000.00"))))).id();
		ProjectView project;
		try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) {
			project = projects.createProject(new ProjectDetails("BR-" + UUID.randomUUID().toString().substring(0, 6),
					"Browser project", null, Theme.MLA, Set.of(), Set.of("SEN"),
					reference.implementingEntity("UNODC-ROSEN").orElseThrow().id(), Set.of("project.manager"), null, null,
					null, null, 2, "15130", null, Set.of(), List.of()));
			projects.allocate(agreement, project.id(), new BigDecimal("10000.00"), LocalDate.parse("2024-02-01"));
		}

		signIn("project.manager", "tafund-demo-2026");
		open("/projects/" + project.id());
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		// The activities panel arrives by htmx after the page: wait for it, then click inside it.
		click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#project-activities #log-activity"))));

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activity-form")));
		new Select(browser.findElement(By.id("type"))).selectByValue("TRAINING_OR_WORKSHOP");
		browser.findElement(By.id("title")).sendKeys("Training of the central authority on MLA requests");
		setValue("startDate", "2024-05-06");
		setValue("endDate", "2024-05-08");
		new Select(browser.findElement(By.id("country"))).selectByValue("SEN");
		browser.findElement(By.id("city")).sendKeys("Dakar");
		type("women", "12");
		type("men", "9");
		type("centralAuthority", "10");
		type("prosecution", "7");
		type("judiciary", "4");
		click(browser.findElement(By.id("save-activity")));

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("participant-totals"), "21 participants"));
		assertThat(browser.findElement(By.id("participant-totals")).getText()).contains("12 women", "9 men");

		setValue("spentOn", "2024-05-10");
		new Select(browser.findElement(By.id("category"))).selectByValue("WORKSHOPS_AND_TRAINING");
		browser.findElement(By.id("expAmount")).sendKeys("1000.00");
		browser.findElement(By.id("expReference")).sendKeys("PO-DKR-1");
		click(browser.findElement(By.id("record-expenditure")));

		// 1,000.00 spent + 130.00 PSC out of 10,000.00 allocated leaves 8,870.00
		wait.until(ExpectedConditions.textToBe(By.id("spent"), "1,000.00"));
		assertThat(browser.findElement(By.id("psc")).getText()).isEqualTo("130.00");
		assertThat(browser.findElement(By.id("balance")).getText()).isEqualTo("8,870.00");
		assertThat(browser.findElement(By.id("allocated")).getText()).isEqualTo("10,000.00");
	}

	// Clicked through the DOM: a late htmx swap can move the layout between locating and clicking.
	private void click(org.openqa.selenium.WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
				element);
	}

}
