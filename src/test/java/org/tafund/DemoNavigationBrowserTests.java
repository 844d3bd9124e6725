package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import org.tafund.support.BrowserTest;

/** Each demo user signs in through the real page in Chromium and sees the navigation of their role. */
class DemoNavigationBrowserTests extends BrowserTest {

	static final List<String> EVERYONE = List.of("donors", "contributions", "projects", "activities", "reports");

	// Project managers make expenditure, which an administrator can put under a second person's approval.
	static final List<String> PROJECTS = List.of("donors", "contributions", "projects", "activities", "reports",
			"approvals");

	static final List<String> FINANCE = List.of("donors", "contributions", "projects", "activities", "reports", "books",
			"approvals");

	static final List<String> ADMINISTRATION = List.of("donors", "contributions", "projects", "activities", "reports",
			"books", "approvals", "audit", "admin");

	static final List<String> OVERSIGHT = List.of("donors", "contributions", "projects", "activities", "reports",
			"books", "audit", "admin");

	static final Map<String, List<String>> NAVIGATION = Map.of("donor.officer", EVERYONE, "project.manager", PROJECTS,
			"finance.officer", FINANCE, "finance.approver", FINANCE, "admin", ADMINISTRATION, "auditor", OVERSIGHT);

	static final Map<String, List<String>> ROLE_LABEL = Map.of("donor.officer", List.of("Donor relations"),
			"project.manager", List.of("Project manager"), "finance.officer", List.of("Finance"), "finance.approver",
			List.of("Finance", "Approver"), "admin", List.of("Administrator"), "auditor", List.of("Auditor"));

	@Test
	void eachDemoUserSignsInAndSeesTheNavigationOfTheirRole() {
		NAVIGATION.forEach((username, expected) -> {
			browser.manage().deleteAllCookies();
			signIn(username, "tafund-demo-2026");
			var links = browser.findElements(By.cssSelector("#nav-sections a[data-nav]"))
				.stream()
				.map(link -> link.getAttribute("data-nav"))
				.toList();
			assertThat(links).as(username).containsExactlyElementsOf(expected);
			assertThat(browser.findElements(By.cssSelector(".role-badge")).stream().map(WebElement::getText))
				.as(username)
				.containsExactlyInAnyOrderElementsOf(ROLE_LABEL.get(username));
		});
	}

	@Test
	void aRoleWithoutAuditSeesTheFriendlyForbiddenPageAndSignsOut() {
		signIn("finance.officer", "tafund-demo-2026");
		open("/audit");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
		assertThat(browser.getPageSource()).doesNotContain("AccessDeniedException");
		browser.findElement(By.id("user-menu")).click();
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
		wait.until(ExpectedConditions.urlContains("/login"));
		assertThat(browser.getCurrentUrl()).endsWith("/login?logout");
	}

	@Test
	void switchesTheShellToFrench() {
		signIn("auditor", "tafund-demo-2026");
		open("/?lang=fr");
		assertThat(browser.findElement(By.cssSelector("a[data-nav=donors]")).getText()).isEqualTo("Donateurs");
		open("/");
		assertThat(browser.findElement(By.cssSelector("a[data-nav=reports]")).getText()).isEqualTo("Rapports");
		open("/?lang=en");
	}

	@Test
	void aWrongPasswordShowsOneMessageThatRevealsNothing() {
		open("/login");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("not the password");
		browser.findElement(By.id("sign-in")).click();
		// The refusal comes back as a new page: wait for it rather than race the redirect.
		var error = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
		assertThat(error.getText()).startsWith("Sign-in failed.");
	}

}
