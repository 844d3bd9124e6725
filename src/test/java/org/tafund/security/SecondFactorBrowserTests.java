package org.tafund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.tafund.support.BrowserTest;

/**
 * Second factors as people use them, in headless Chromium: a passkey made with Chromium's virtual
 * authenticator (WebAuthn, CTAP2, user verification), an authenticator app whose codes the test
 * computes from the key the page shows, and a recovery code that works once.
 */
class SecondFactorBrowserTests extends BrowserTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	UserManagement users;

	@Autowired
	Clock clock;

	VirtualAuthenticator authenticator;

	@AfterEach
	void removeTheAuthenticator() {
		if (authenticator != null) {
			((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
			authenticator = null;
		}
	}

	String financeOfficer() {
		var name = "sfb-" + UUID.randomUUID().toString().substring(0, 8);
		users.create(new NewUser(name, "Browser Second Factor " + name, null, PASSWORD, EnumSet.of(Role.FINANCE)));
		return name;
	}

	WebDriverWait waiting() {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	void signOut() {
		waiting().until(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
		waiting().until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
		waiting().until(ExpectedConditions.urlContains("/login?logout"));
	}

	void waitForPath(String path) {
		waiting().until(driver -> java.net.URI.create(driver.getCurrentUrl()).getPath().equals(path));
	}

	List<String> recoveryCodes() {
		waitForPath("/account/security/recovery-codes");
		return browser.findElements(By.cssSelector("#recovery-codes li")).stream().map(WebElement::getText).toList();
	}

	@Test
	void aFinanceOfficerEnrolsAPasskeyAndSignsInWithPasswordAndPasskey() {
		authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
			.setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true));
		var username = financeOfficer();
		signIn(username, PASSWORD);
		waitForPath(SecondFactorSession.PAGE);
		browser.findElement(By.id("passkey-label")).sendKeys("Office laptop");
		clickInView(browser.findElement(By.id("passkey-register")));
		assertThat(recoveryCodes()).hasSize(10);
		assertThat(authenticator.getCredentials()).hasSize(1);
		clickInView(browser.findElement(By.id("codes-done")));
		waitForPath("/account/security");
		assertThat(browser.findElement(By.id("passkeys")).getText()).contains("Office laptop");
		signOut();

		signIn(username, PASSWORD);
		waitForPath(SecondFactorSession.PAGE);
		// Half signed in: the menu of sections is not there yet.
		assertThat(browser.findElements(By.id("nav-sections"))).isEmpty();
		clickInView(browser.findElement(By.id("use-passkey")));
		waitForPath("/");
		assertThat(browser.findElements(By.id("nav-sections"))).hasSize(1);
		open("/contributions");
		waitForPath("/contributions");
		assertThat(authenticator.getCredentials().get(0).getSignCount()).isPositive();
	}

	@Test
	void anotherEnrolsAnAuthenticatorAppAndARecoveryCodeWorksOnce() {
		var username = financeOfficer();
		signIn(username, PASSWORD);
		waitForPath(SecondFactorSession.PAGE);
		var secret = Totp.fromBase32(browser.findElement(By.id("totp-secret")).getText());
		browser.findElement(By.id("totp-enrol-code")).sendKeys(Totp.code(secret, Totp.step(clock.instant())));
		clickInView(browser.findElement(By.id("totp-enrol")));
		var codes = recoveryCodes();
		assertThat(codes).hasSize(10);
		signOut();

		// The app's next code (this one was used to enrol, and each works once).
		signIn(username, PASSWORD);
		waitForPath(SecondFactorSession.PAGE);
		browser.findElement(By.id("totp-code")).sendKeys(Totp.code(secret, Totp.step(clock.instant()) + 1));
		clickInView(browser.findElement(By.id("totp-submit")));
		waitForPath("/");
		signOut();

		// A recovery code instead of the app: once.
		for (var attempt = 1; attempt <= 2; attempt++) {
			signIn(username, PASSWORD);
			waitForPath(SecondFactorSession.PAGE);
			clickInView(browser.findElement(By.cssSelector("details summary")));
			browser.findElement(By.id("recovery-code")).sendKeys(codes.get(0));
			clickInView(browser.findElement(By.id("recovery-submit")));
			if (attempt == 1) {
				waitForPath("/");
				signOut();
			}
		}
		var refusal = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("factor-error")));
		assertThat(refusal.getText()).isEqualTo("That was not right. Try again.");
		assertThat(java.net.URI.create(browser.getCurrentUrl()).getPath()).isEqualTo(SecondFactorSession.PAGE);
	}

}
