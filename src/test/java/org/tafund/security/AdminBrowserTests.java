package org.tafund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tafund.support.BrowserTest;
import org.tafund.support.Unique;

/**
 * The administrator's paths in Chromium, through the user pages: creating a user (and a refused
 * duplicate that keeps what was typed), changing their role, disabling them, and unlocking an
 * account that failed sign-in too often. Each step is checked on the page that follows it and by
 * the user signing in (or failing to).
 */
class AdminBrowserTests extends BrowserTest {

	static final String DEMO_PASSWORD = "tafund-demo-2026";

	@Autowired
	UserManagement users;

	@Autowired
	Clock clock;

	final WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

	@Test
	void createsAUserThenChangesTheirRoleAndDisablesThem() {
		var username = Unique.name("browser.created");
		var password = "created in the browser " + Unique.suffix();

		signIn("admin", DEMO_PASSWORD);
		open("/admin/users");
		clickInView(browser.findElement(By.id("new-user")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-form")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("fullName")).sendKeys("Browser Created");
		browser.findElement(By.id("email")).sendKeys("created@example.org");
		browser.findElement(By.id("password")).sendKeys(password);
		clickInView(roleBox("DONOR_RELATIONS"));
		clickInView(browser.findElement(By.cssSelector("#user-form button[type=submit]")));

		wait.until(ExpectedConditions.urlMatches("/admin/users/\\d+$"));
		var userPage = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/admin/users/"));
		assertThat(flash()).isEqualTo("The user has been created.");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Browser Created (" + username + ")");
		assertThat(browser.findElement(By.id("user-status")).getText()).isEqualTo("Active");
		assertThat(checkedRoles()).containsExactly("DONOR_RELATIONS");
		assertThat(listRow(username)).containsExactly(username, "Browser Created", "Donor relations", "Active", "Never");

		// The same username again is refused on the form, which keeps everything typed but the password.
		open("/admin/users/new");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("fullName")).sendKeys("Second Try");
		browser.findElement(By.id("email")).sendKeys("second@example.org");
		browser.findElement(By.id("password")).sendKeys(password);
		clickInView(roleBox("AUDITOR"));
		clickInView(browser.findElement(By.cssSelector("#user-form button[type=submit]")));
		var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username-error")));
		assertThat(error.getText()).isEqualTo("The username " + username + " is already taken.");
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(username);
		assertThat(browser.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("Second Try");
		assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("second@example.org");
		assertThat(checkedRoles()).containsExactly("AUDITOR");
		assertThat(users.findByUsername(username).orElseThrow().fullName()).isEqualTo("Browser Created");

		// The new user signs in with the role given at creation.
		browser.manage().deleteAllCookies();
		signIn(username, password);
		assertThat(roleBadges()).containsExactly("Donor relations");
		assertThat(navigation()).doesNotContain("books");

		browser.manage().deleteAllCookies();
		signIn("admin", DEMO_PASSWORD);
		open(userPage);
		clickInView(roleBox("DONOR_RELATIONS"));
		clickInView(roleBox("FINANCE"));
		clickInView(browser.findElement(By.cssSelector("#roles-form button[type=submit]")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
		assertThat(flash())
			.isEqualTo("The roles have been saved; the user's open sessions have ended so that they take effect.");
		assertThat(checkedRoles()).containsExactly("FINANCE");
		assertThat(listRow(username)).element(2).isEqualTo("Finance");

		// Finance needs a second factor: the first sign-in since the change asks for one to be set up.
		browser.manage().deleteAllCookies();
		signIn(username, password);
		assertThat(browser.getCurrentUrl()).endsWith(SecondFactorSession.PAGE);
		assertThat(browser.findElement(By.id("enrol-intro")).getText()).startsWith("Your role needs a second factor");
		assertThat(navigation()).isEmpty();
		enrolAuthenticatorApp();
		open("/");
		assertThat(roleBadges()).containsExactly("Finance");
		assertThat(navigation()).contains("books");

		browser.manage().deleteAllCookies();
		signIn("admin", DEMO_PASSWORD);
		open(userPage);
		clickInView(browser.findElement(By.id("disable-user")));
		// Disabling asks first, saying what will happen.
		var confirmation = wait.until(ExpectedConditions.alertIsPresent());
		assertThat(confirmation.getText()).startsWith("Disable this account? The person is signed out everywhere");
		confirmation.accept();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enable-user")));
		assertThat(flash()).isEqualTo("The user has been disabled and their sessions have ended.");
		assertThat(browser.findElement(By.id("user-status")).getText()).isEqualTo("Disabled");
		assertThat(browser.findElements(By.id("disable-user"))).isEmpty();
		// Columns: Username, Full name, Roles, Status, Last sign-in (the user's two sign-ins, today).
		var row = listRow(username);
		assertThat(row.get(3)).isEqualTo("Disabled");
		assertThat(row.get(4))
			.startsWith(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, ", java.util.Locale.UK).format(LocalDate.now(clock)))
			.endsWith(" UTC");

		// The right password no longer opens a session, and the page says no more than for a wrong one.
		browser.manage().deleteAllCookies();
		assertThat(refusedSignIn(username, password)).startsWith("Sign-in failed.");
		open("/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		// The sign-in log, which the administrator reads too, says why.
		signIn("admin", DEMO_PASSWORD);
		open("/audit/sign-ins?user=" + username);
		assertThat(browser.findElement(By.cssSelector("#sign-ins tbody tr td:nth-child(2)")).getText())
			.isEqualTo("Sign-in refused: account disabled");
	}

	@Test
	void unlocksAnAccountLockedByFailedSignInsAndItsOwnerSignsInAgain() {
		var username = Unique.name("browser.locked");
		var password = "the right password " + Unique.suffix();
		users.create(new NewUser(username, "Browser Locked", null, password, EnumSet.of(Role.PROJECT_MANAGER)));

		for (int attempt = 1; attempt <= AppUser.MAX_FAILED_ATTEMPTS; attempt++) {
			assertThat(refusedSignIn(username, "a wrong password " + attempt)).startsWith("Sign-in failed.");
		}
		// Locked: even the right password is refused now.
		assertThat(refusedSignIn(username, password)).startsWith("Sign-in failed.");

		signIn("admin", DEMO_PASSWORD);
		assertThat(listRow(username)).element(3).isEqualTo("Active Locked");
		clickInView(browser.findElement(By.linkText(username)));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unlock-user")));
		assertThat(browser.findElement(By.id("user-status")).getText()).isEqualTo("Active Locked");
		clickInView(browser.findElement(By.id("unlock-user")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
		assertThat(flash()).isEqualTo("The user has been unlocked.");
		assertThat(browser.findElement(By.id("user-status")).getText()).isEqualTo("Active");
		assertThat(browser.findElements(By.id("unlock-user"))).isEmpty();
		assertThat(listRow(username)).element(3).isEqualTo("Active");

		browser.manage().deleteAllCookies();
		signIn(username, password);
		assertThat(roleBadges()).containsExactly("Project manager");
	}

	private WebElement roleBox(String role) {
		return browser.findElement(By.cssSelector("input[type=checkbox][name=roles][value=" + role + "]"));
	}

	private List<String> checkedRoles() {
		return browser.findElements(By.cssSelector("input[type=checkbox][name=roles]"))
			.stream()
			.filter(WebElement::isSelected)
			.map(box -> box.getAttribute("value"))
			.toList();
	}

	private String flash() {
		return browser.findElement(By.cssSelector("main > .alert-success")).getText();
	}

	/** The cells of the user's row in the list of users. */
	private List<String> listRow(String username) {
		open("/admin/users");
		var row = browser.findElement(By.xpath("//table[@id='users']//tr[td[1]/a[text()='" + username + "']]"));
		return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
	}

	private List<String> roleBadges() {
		open("/");
		return browser.findElements(By.cssSelector(".role-badge")).stream().map(WebElement::getText).toList();
	}

	private List<String> navigation() {
		return browser.findElements(By.cssSelector("#nav-sections a[data-nav]"))
			.stream()
			.map(link -> link.getAttribute("data-nav"))
			.toList();
	}

}
