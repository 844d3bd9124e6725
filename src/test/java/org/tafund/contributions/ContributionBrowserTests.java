package org.tafund.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.support.BrowserTest;
import org.tafund.support.TestRates;

/**
 * In Chromium: the donor relations officer creates a donor and an agreement with two instalments,
 * the finance officer records a partial receipt, and the donor page shows what is outstanding in
 * the agreement currency and in USD.
 */
class ContributionBrowserTests extends BrowserTest {

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	java.time.Clock clock;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	org.tafund.donors.DonorManagement donors;

	@Test
	void aRefusedReceiptComesBackWithEveryValueTypedAndTheReasonAboveIt() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		long donor = donors.register(new org.tafund.donors.DonorDetails("Receipt Foundation " + UUID.randomUUID(),
				org.tafund.donors.DonorType.FOUNDATION, null, null, null, null, true, java.util.List.of())).id();
		long agreement = contributions.createAgreement(new AgreementTerms("RC-" + UUID.randomUUID().toString().substring(0, 8),
				donor, "USD", new BigDecimal("5000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null,
				null, false, null, null, LocalDate.now(clock).minusDays(30),
				java.util.List.of(new ScheduleLine(LocalDate.now(clock).plusDays(30), new BigDecimal("5000.00"))))).id();

		signIn("finance.officer", "tafund-demo-2026");
		open("/contributions/agreements/" + agreement);
		var receivedOn = LocalDate.now(clock).minusDays(2).toString();
		setValue("receivedOn", receivedOn);
		type("amount", "7,500.25");
		type("bankReference", "SWIFT-4411");
		type("note", "Paid twice by the donor's bank");
		submit("receipt-form");
		// More than is due and not marked as an overpayment: refused, nothing stored, all kept.
		var refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//form[@id='receipt-form']//div[contains(@class,'alert-danger')]")));
		assertThat(refusal.getText()).startsWith("The receipt is worth").contains("Record it as an overpayment");
		assertThat(browser.findElement(By.id("receivedOn")).getDomProperty("value")).isEqualTo(receivedOn);
		assertThat(browser.findElement(By.id("amount")).getDomProperty("value")).isEqualTo("7500.25");
		assertThat(browser.findElement(By.id("bankReference")).getDomProperty("value")).isEqualTo("SWIFT-4411");
		assertThat(browser.findElement(By.id("note")).getDomProperty("value")).isEqualTo("Paid twice by the donor's bank");
		assertThat(browser.findElement(By.id("currency")).getDomProperty("value")).isEqualTo("USD");
		assertThat(contributions.agreement(agreement).receipts()).isEmpty();
	}

	@Test
	void aPartialReceiptLeavesTheRightOutstandingOnTheDonorPage() {
		// CZK is used by no other test, so this is the only rate in force for the dates below.
		TestRates.ensure(rates, "CZK", "2025-01-01", "23.50");
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));

		signIn("donor.officer", "tafund-demo-2026");
		open("/donors/new");
		var donorName = "Browser Foundation " + UUID.randomUUID().toString().substring(0, 8);
		browser.findElement(By.id("name")).sendKeys(donorName);
		new Select(browser.findElement(By.id("type"))).selectByValue("FOUNDATION");
		submit("donor-form");
		wait.until(ExpectedConditions.urlMatches("/donors/\\d+$"));
		var donorPage = browser.getCurrentUrl();
		var donorId = donorPage.substring(donorPage.lastIndexOf('/') + 1);

		open("/contributions/agreements/new?donorId=" + donorId);
		var reference = "CZ-" + UUID.randomUUID().toString().substring(0, 8);
		browser.findElement(By.id("reference")).sendKeys(reference);
		type("currency", "CZK");
		type("amount", "1000000.00");
		setValue("signedOn", "2025-02-03");
		setValue("instalments0.dueOn", "2025-03-31");
		type("instalments0.amount", "400000.00");
		// The second instalment falls due next year: only what is left of the first is overdue.
		setValue("instalments1.dueOn", LocalDate.now(clock).plusYears(1).toString());
		type("instalments1.amount", "600000.00");
		submit("agreement-form");
		wait.until(ExpectedConditions.urlMatches("/contributions/agreements/\\d+$"));
		var agreementPage = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/contributions"));

		browser.manage().deleteAllCookies();
		signIn("finance.officer", "tafund-demo-2026");
		open(agreementPage);
		setValue("receivedOn", "2025-04-02");
		type("amount", "250000.00");
		type("bankReference", "CZ-CNB-001");
		submit("receipt-form");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipts")));

		open("/donors/" + donorId);
		var totals = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("donor-totals")));
		var czk = totals.findElement(By.xpath(".//tr[td[1]='CZK']"));
		var usd = totals.findElement(By.xpath(".//tbody/tr[last()]"));
		// 1,000,000.00 agreed - 250,000.00 received = 750,000.00 CZK outstanding, of which
		// 400,000.00 - 250,000.00 = 150,000.00 overdue; USD at the signature rate:
		// 750,000.00 / 23.50 = 31,914.893... -> 31,914.89 and 150,000.00 / 23.50 = 6,382.978... -> 6,382.98
		assertThat(cells(czk)).containsExactly("CZK", "1,000,000.00", "250,000.00", "750,000.00", "150,000.00", "0.00");
		// agreed 1,000,000.00 / 23.50 = 42,553.19; received 250,000.00 / 23.50 = 10,638.30
		assertThat(cells(usd)).element(1).isEqualTo("42,553.19");
		assertThat(cells(usd)).element(2).isEqualTo("10,638.30");
		assertThat(cells(usd)).element(3).isEqualTo("31,914.89");
		assertThat(cells(usd)).element(4).isEqualTo("6,382.98");
	}

	@Test
	void thePledgeFormOfTheDonorPageShowsAWrongAmountBesideItAndThenRecordsThePledge() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		signIn("donor.officer", "tafund-demo-2026");
		open("/donors/new");
		browser.findElement(By.id("name")).sendKeys("Pledging Foundation " + UUID.randomUUID().toString().substring(0, 8));
		new Select(browser.findElement(By.id("type"))).selectByValue("FOUNDATION");
		submit("donor-form");
		wait.until(ExpectedConditions.urlMatches("/donors/\\d+$"));
		var donorPage = browser.getCurrentUrl();

		// Not a number: the panel comes back in place (htmx), the message beside the amount, the amount as typed.
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledge-form")));
		setValue("pledgedOn", "2025-01-02");
		type("pledgeAmount", "15OO");
		submit("pledge-form");
		// Present is not yet shown: htmx settles the swapped panel in a moment (a CI run read "" once).
		var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pledgeAmount-error")));
		wait.until(ExpectedConditions.textToBePresentInElement(error, "is not an amount"));
		assertThat(error.getText()).isEqualTo("Amount: “15OO” is not an amount.");
		assertThat(browser.findElement(By.id("pledgeAmount")).getDomProperty("value")).isEqualTo("15OO");
		assertThat(browser.getCurrentUrl()).isEqualTo(donorPage);
		assertThat(browser.findElements(By.id("pledges"))).isEmpty();

		// Dated after today: refused by the rules; the redirect that htmx follows shows it beside the date.
		setValue("pledgedOn", LocalDate.now(clock).plusDays(2).toString());
		type("pledgeAmount", "1500.00");
		submit("pledge-form");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledgedOn-error")));
		assertThat(browser.findElement(By.id("pledgeAmount")).getDomProperty("value")).isEqualTo("1500.00");
		assertThat(browser.findElements(By.id("pledges"))).isEmpty();

		setValue("pledgedOn", "2025-01-02");
		submit("pledge-form");
		var message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pledge-message")));
		wait.until(ExpectedConditions.textToBePresentInElement(message, "The pledge has been recorded."));
		assertThat(message.getText()).isEqualTo("The pledge has been recorded.");
		assertThat(browser.findElement(By.id("pledges")).getText()).contains("1,500.00 USD");
		assertThat(browser.getCurrentUrl()).isEqualTo(donorPage);
	}

	private static java.util.List<String> cells(WebElement row) {
		return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
	}

}
