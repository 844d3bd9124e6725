package org.tafund.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.support.BrowserTest;

/**
 * In Chromium, amounts typed as people type them: a French officer's agreement of "1 000 000,00" with
 * an instalment of "1.000.000,00", an English one's of "1,000,000.00" and "1'000'000.00", a pledge of
 * "1 000 000,00", a receipt of "250 000,50"; and "1,0,0" coming back beside the total, labelled, with
 * everything typed still there.
 */
class AmountInputBrowserTests extends BrowserTest {

	@Autowired
	DonorManagement donors;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void amountsTypedInEnglishAndFrenchReadAsTheSameNumberAndAWrongOneKeepsTheForm() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		var donor = donors.register(new DonorDetails("Typing Foundation " + UUID.randomUUID().toString().substring(0, 8),
				DonorType.FOUNDATION, null, null, null, null, true, List.of())).id();
		signIn("donor.officer", "tafund-demo-2026");

		var french = agreement(wait, donor, "fr", "1 000 000,00", "1.000.000,00", "2026-04-01");
		var english = agreement(wait, donor, "en", "1,000,000.00", "1'000'000.00", null);
		assertThat(jdbc.queryForList("SELECT total_amount FROM agreement WHERE reference IN (?, ?)", BigDecimal.class, french,
				english)).hasSize(2).allSatisfy(total -> assertThat(total).isEqualByComparingTo("1000000"));

		// Not an amount: the same page, the message beside the total naming it, every field as typed.
		open("/contributions/agreements/new?donorId=" + donor + "&lang=fr");
		var reference = "TYPO-" + UUID.randomUUID().toString().substring(0, 8);
		type("reference", reference);
		type("currency", "USD");
		type("amount", "1,0,0");
		setValue("instalments0.dueOn", "2026-09-30");
		type("instalments0.amount", "100");
		submit("agreement-form");
		var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amount-error")));
		assertThat(error.getText()).isEqualTo("Total : « 1,0,0 » n’est pas un montant.");
		assertThat(browser.findElement(By.id("amount")).getDomProperty("value")).isEqualTo("1,0,0");
		// The keyboard starts at the field to correct.
		assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("amount");
		assertThat(browser.findElement(By.id("reference")).getDomProperty("value")).isEqualTo(reference);
		assertThat(browser.findElement(By.id("instalments0.amount")).getDomProperty("value")).isEqualTo("100");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement WHERE reference = ?", Long.class, reference)).isZero();

		// A pledge on the donor page, in French.
		open("/donors/" + donor + "?lang=fr");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledge-form")));
		setValue("pledgedOn", "2026-03-02");
		type("pledgeAmount", "1 000 000,00");
		submit("pledge-form");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledges")));
		assertThat(jdbc.queryForObject("SELECT amount FROM pledge WHERE donor_id = ?", BigDecimal.class, donor))
			.isEqualByComparingTo("1000000");

		// A receipt on the signed agreement, by finance, in French.
		browser.manage().deleteAllCookies();
		signIn("finance.officer", "tafund-demo-2026");
		var agreementId = jdbc.queryForObject("SELECT id FROM agreement WHERE reference = ?", Long.class, french);
		open("/contributions/agreements/" + agreementId + "?lang=fr");
		setValue("receivedOn", "2026-05-04");
		type("amount", "250 000,50");
		submit("receipt-form");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipts")));
		assertThat(jdbc.queryForObject("SELECT amount FROM receipt WHERE agreement_id = ?", BigDecimal.class, agreementId))
			.isEqualByComparingTo("250000.50");
	}

	private String agreement(WebDriverWait wait, long donor, String lang, String total, String instalment, String signedOn) {
		open("/contributions/agreements/new?donorId=" + donor + "&lang=" + lang);
		var reference = "TYPE-" + lang + "-" + UUID.randomUUID().toString().substring(0, 8);
		type("reference", reference);
		type("currency", "USD");
		type("amount", total);
		if (signedOn != null) {
			setValue("signedOn", signedOn);
		}
		setValue("instalments0.dueOn", "2026-09-30");
		type("instalments0.amount", instalment);
		submit("agreement-form");
		wait.until(ExpectedConditions.urlMatches("/contributions/agreements/\\d+$"));
		return reference;
	}

}
