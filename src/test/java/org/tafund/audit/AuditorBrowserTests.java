package org.tafund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tafund.security.NewUser;
import org.tafund.security.Role;
import org.tafund.security.UserManagement;
import org.tafund.support.BrowserTest;
import org.tafund.support.Unique;

/**
 * The auditor's paths in Chromium: the sign-in log and the audit trail, read through the Audit
 * menu and its user filter, show exactly what the test just caused, with the right user and
 * figures.
 */
class AuditorBrowserTests extends BrowserTest {

	static final String FAILED = "Sign-in failed: wrong username or password";


	static final String DEMO_PASSWORD = "tafund-demo-2026";

	/** A moment as the English sign-in log writes it. */
	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", java.util.Locale.UK)
		.withZone(ZoneOffset.UTC);

	static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

	@Autowired
	UserManagement users;

	@Autowired
	Clock clock;

	@Test
	void theSignInLogShowsTheFailedSignInsTheLockoutAndTheRefusalJustCaused() {
		var username = Unique.name("audited.locked");
		var password = "the right password " + Unique.suffix();
		users.create(new NewUser(username, "Audited Locked", null, password, EnumSet.of(Role.DONOR_RELATIONS)));
		var today = LocalDate.now(clock);

		// Five wrong passwords lock the account; the sixth try, with the right one, is refused as locked.
		for (int attempt = 1; attempt <= 5; attempt++) {
			refusedSignIn(username, "a wrong password " + attempt);
		}
		refusedSignIn(username, password);

		signIn("auditor", DEMO_PASSWORD);
		clickInView(browser.findElement(By.cssSelector("a[data-nav=audit]")));
		clickInView(browser.findElement(By.linkText("Sign-ins")));
		filterBy(username);

		var rows = rows("sign-ins");
		// Newest first: When, Event, Who, Address, Detail.
		assertThat(rows).extracting(row -> row.get(1))
			.containsExactly("Sign-in refused: account locked", "Account locked", FAILED, FAILED,
					FAILED, FAILED, FAILED);
		assertThat(rows).extracting(row -> row.get(2)).containsOnly(username);
		assertThat(rows).extracting(row -> row.get(0)).allMatch(when -> when.startsWith(DateTimeFormatter.ofPattern("d MMM yyyy, ", java.util.Locale.UK).format(today)));
		// The browser runs on this machine: IPv4 or IPv6 loopback, whichever "localhost" resolved to.
		assertThat(rows).extracting(row -> row.get(3)).allMatch(address -> LOOPBACK.contains(address));
		// Locked for 15 minutes from the moment of the lockout (both from the application's clock).
		var lockedUntil = java.time.ZonedDateTime.parse(rows.get(1).get(4).replace("Locked until ", ""), WHEN).toInstant();
		assertThat(WHEN.format(lockedUntil.minus(Duration.ofMinutes(15)))).isEqualTo(rows.get(1).get(0));
	}

	@Test
	void theAuditTrailShowsTheRoleChangeAnAdministratorJustMadeWithItsValues() {
		var administrator = Unique.name("audited.admin");
		var adminPassword = "administrator password " + Unique.suffix();
		users.create(new NewUser(administrator, "Audited Administrator", null, adminPassword, EnumSet.of(Role.ADMIN)));
		var target = users.create(new NewUser(Unique.name("audited.target"), "Audited Target", null,
				"target password " + Unique.suffix(), EnumSet.of(Role.DONOR_RELATIONS)));

		signIn(administrator, adminPassword);
		// An administrator's first sign-in sets up their second factor.
		enrolAuthenticatorApp();
		open("/admin/users/" + target.id());
		clickInView(browser.findElement(By.cssSelector("input[name=roles][value=FINANCE]")));
		clickInView(browser.findElement(By.cssSelector("#roles-form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main > .alert-success")));

		browser.manage().deleteAllCookies();
		signIn("auditor", DEMO_PASSWORD);
		clickInView(browser.findElement(By.cssSelector("a[data-nav=audit]")));
		filterBy(administrator);

		// The administrator made one change only, so the filtered trail has one row.
		var rows = rows("revisions");
		// Columns: Revision, When, Who, Change. When is Envers's own timestamp, from the system clock,
		// not the test clock, so it is not compared with a date here.
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get(2)).isEqualTo(administrator);
		assertThat(rows.get(0).get(3))
			.isEqualTo("User " + target.id() + " changed: Roles Donor relations → Donor relations, Finance");

		clickInView(browser.findElement(By.cssSelector("#revisions tbody tr td a")));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/audit/revisions/"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Revision " + rows.get(0).get(0));
		assertThat(browser.findElements(By.cssSelector("dl dd")).get(1).getText()).isEqualTo(administrator);
		var properties = browser.findElements(By.cssSelector(".card tbody tr"))
			.stream()
			.map(AuditorBrowserTests::cells)
			.toList();
		assertThat(properties).containsExactly(List.of("Roles", "Donor relations", "Donor relations, Finance"));
	}

	private void filterBy(String username) {
		var field = browser.findElement(By.id("user"));
		field.clear();
		field.sendKeys(username);
		clickInView(browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("user=" + username));
	}

	private List<List<String>> rows(String tableId) {
		return browser.findElements(By.cssSelector("#" + tableId + " tbody tr"))
			.stream()
			.map(AuditorBrowserTests::cells)
			.toList();
	}

	private static List<String> cells(WebElement row) {
		return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
	}

}
