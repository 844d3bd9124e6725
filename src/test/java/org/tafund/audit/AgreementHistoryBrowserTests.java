package org.tafund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
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
 * A donor relations officer opens the History panel of an amended agreement in Chromium: the change
 * reads in words, with field labels, the window's name and amounts as money, in English and French.
 */
class AgreementHistoryBrowserTests extends BrowserTest {

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Test
	void theHistoryOfAnAmendedAgreementReadsAsWords() {
		var donor = donors.register(new DonorDetails(Unique.name("Browser History Donor"), DonorType.FOUNDATION, null,
				null, null, null, true, List.of())).id();
		var agreement = contributions.createAgreement(new AgreementTerms(Unique.name("BHIST"), donor, "USD",
				new BigDecimal("1000000"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2026-04-01"),
				List.of(new ScheduleLine(LocalDate.parse("2026-09-30"), new BigDecimal("1000000")))));
		contributions.amend(agreement.id(), contributions.agreement(agreement.id()).version(),
				LocalDate.parse("2026-05-02"), "Second tranche pledged", new BigDecimal("1250000"),
				List.of(new ScheduleLine(LocalDate.parse("2026-09-30"), new BigDecimal("1000000")),
						new ScheduleLine(LocalDate.parse("2027-03-31"), new BigDecimal("250000"))));
		signIn("donor.officer", "tafund-demo-2026");

		var english = history(agreement.id(), "en");
		assertThat(english).contains("Total", "1,000,000.00 USD → 1,250,000.00 USD", "Funding window",
				"CPCJF general-purpose", "31 Mar 2027: 250,000.00", "Recognised (USD)");
		assertThat(Pattern.compile("@[0-9a-f]{6}").matcher(english).find()).as("an object's hash").isFalse();
		assertThat(Pattern.compile("\\b[a-z]+[A-Z][a-zA-Z]*\\b").matcher(english).find()).as("a field name").isFalse();
		assertThat(english).doesNotContain("CPCJF_GENERAL_PURPOSE", "1000000.0000");

		var french = history(agreement.id(), "fr").replace('\u202F', ' ').replace('\u00A0', ' ');
		assertThat(french).contains("Guichet de financement", "CPCJF – fins générales", "1 000 000,00 USD → 1 250 000,00 USD");
	}

	private String history(long agreementId, String lang) {
		open("/contributions/agreements/" + agreementId + "?lang=" + lang);
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		var panel = wait.until(d -> d.findElement(By.id("history-panel")));
		var summary = panel.findElement(By.tagName("summary"));
		// Far down a long page: opened as a click would open it, wherever the page is scrolled.
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();", summary);
		wait.until(d -> !panel.findElements(By.cssSelector(".history-body table")).isEmpty());
		return panel.findElement(By.className("history-body")).getText();
	}

}
