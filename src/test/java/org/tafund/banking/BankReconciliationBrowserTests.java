package org.tafund.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tafund.banking.CamtFiles.Credit;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.support.BrowserTest;
import org.tafund.support.Unique;

/**
 * In Chromium, as the finance officer: upload a camt.053 statement, confirm the suggestion it
 * makes, and find the receipt on the agreement.
 */
class BankReconciliationBrowserTests extends BrowserTest {

	@Autowired
	BankStatements statements;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Test
	void anUploadedStatementsSuggestionConfirmedBecomesAReceiptOnTheAgreement() throws Exception {
		var account = statements.addAccount("Browser account", "CH" + Unique.name("b").replace("-", ""), "USD",
				new BigDecimal("20.00"), "finance.officer");
		var donor = donors.register(new DonorDetails(Unique.name("Browser Bank Donor"), DonorType.FOUNDATION, null, null,
				null, null, true, List.of())).id();
		var reference = Unique.name("BRW");
		var agreement = contributions.createAgreement(new AgreementTerms(reference, donor, "USD",
				new BigDecimal("48000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2026-04-01"),
				List.of(new ScheduleLine(LocalDate.parse("2026-05-31"), new BigDecimal("48000.00"))))).id();
		var bankReference = Unique.name("BR");
		var file = Files.createTempFile("camt053-", ".xml");
		Files.writeString(file, CamtFiles.statement("001.08", Unique.name("STMT"), account.number(), "USD",
				List.of(Credit.of(bankReference, "2026-06-02", "12000.00", "USD", "A foundation", "Part payment " + reference))),
				StandardCharsets.UTF_8);
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));

		signIn("finance.officer", "tafund-demo-2026");
		open("/contributions");
		clickInView(browser.findElement(By.id("bank-statements-link")));
		new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accountId"))))
			.selectByValue(String.valueOf(account.id()));
		browser.findElement(By.id("file")).sendKeys(file.toString());
		clickInView(browser.findElement(By.id("import-statement")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("suggested-entries")));
		assertThat(browser.findElement(By.id("import-result")).getText()).startsWith("1 new credit");
		var suggestion = browser.findElement(By.id("suggested-entries"));
		assertThat(suggestion.getText()).contains("12,000.00 USD", reference, "for another amount than is due");
		clickInView(suggestion.findElement(By.cssSelector("button[id^='confirm-']")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("booked-entries")));
		assertThat(browser.findElement(By.id("no-suggested")).getText()).isEqualTo("None.");

		clickInView(browser.findElement(By.id("booked-entries")).findElement(By.linkText(reference)));
		wait.until(ExpectedConditions.urlContains("/contributions/agreements/" + agreement));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(bankReference, "12,000.00");
	}

}
