package org.tafund.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for tests in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}).
 * Selenium gets explicit paths, so it never tries to download a browser or a driver.
 */
@IntegrationTest
public abstract class BrowserTest {

	static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

	protected static WebDriver browser;

	/** Where Chromium saves the files a test downloads. */
	protected static java.nio.file.Path downloads;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		if (!new File(CHROMEDRIVER).canExecute() || !new File(CHROMIUM).canExecute()) {
			throw new IllegalStateException("Browser tests need Chromium: apt-get install -y chromium chromium-driver "
					+ "(or set CHROMIUM_BINARY and CHROMEDRIVER).");
		}
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		downloads = Files.createTempDirectory("tafund-downloads");
		// A PDF is saved like any download rather than opened in Chromium's viewer.
		options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900",
				"--user-data-dir=" + Files.createTempDirectory("tafund-chromium"));
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	@BeforeEach
	void freshSession() {
		browser.manage().deleteAllCookies();
	}

	protected void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	/** Types into a field as a user does, after clearing what it held. */
	protected void type(String id, String value) {
		var field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
	}

	/** Date inputs take typed values in the browser's locale format: the ISO value is set directly. */
	protected void setValue(String id, String value) {
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
	}

	/** Submits a form as its submit button would (validation and submit events included). */
	protected void submit(String formId) {
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("document.getElementById(arguments[0]).requestSubmit();", formId);
	}

	protected void signIn(String username, String password) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign-in")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/**
	 * Clicks like a user, after bringing the element to the middle of the window at once (Bootstrap
	 * scrolls smoothly, and Selenium's own scroll would leave a click in a long list outside it).
	 */
	protected void clickInView(WebElement element) {
		((JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	/**
	 * At a first sign-in that needs a second factor (finance, administrators): sets up an
	 * authenticator app from the key the page shows, as a person would with their phone, and returns
	 * the key. The app's codes follow the application's clock.
	 */
	protected String enrolAuthenticatorApp() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		var key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret"))).getText();
		browser.findElement(By.id("totp-enrol-code"))
			.sendKeys(org.tafund.security.AuthenticatorApp.code(key, TestClock.CLOCK.instant()));
		clickInView(browser.findElement(By.id("totp-enrol")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
		return key;
	}

	/** Signs in with credentials the page must refuse, and returns the message it shows. */
	protected String refusedSignIn(String username, String password) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign-in")).click();
		return new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")))
			.getText();
	}

}
