package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.support.BrowserTest;
import org.tafund.support.Unique;

/**
 * A donor relations officer working in French opens a donor's statement in Chromium and downloads
 * its PDF: a letter in French that names the donor and gives the totals the French way.
 */
class DonorStatementBrowserTests extends BrowserTest {

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Test
	void theDonorStatementPdfIsALetterInTheReadersLanguage() throws Exception {
		var name = Unique.name("Fondation Lettre");
		long donor = donors.register(new DonorDetails(name, DonorType.FOUNDATION, null, null, null, null, true,
				List.of())).id();
		// 12,345.67 USD agreed in 2018, 2,000.00 received: 10,345.67 outstanding at the year end.
		var agreement = contributions.createAgreement(new AgreementTerms(Unique.name("DSB"), donor, "USD",
				new BigDecimal("12345.67"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2018-03-01"),
				List.of(new ScheduleLine(LocalDate.parse("2018-06-30"), new BigDecimal("12345.67")))));
		contributions.recordReceipt(agreement.id(), new ReceiptCommand(LocalDate.parse("2018-04-02"),
				new BigDecimal("2000.00"), "USD", "DSB-1", null, false));

		signIn("donor.officer", "tafund-demo-2026");
		open("/reports/donor-statement?donorId=" + donor + "&from=2018-01-01&to=2018-12-31&lang=fr");
		var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statement-donor")));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
		browser.findElement(By.id("download-pdf")).click();
		var expected = "tafund-donor-statement-" + Exports.slug(name) + "-2018-01-01-to-2018-12-31.pdf";
		var file = wait.until(d -> {
			var candidate = downloads.resolve(expected);
			return Files.exists(candidate) && candidate.toFile().length() > 0 ? candidate : null;
		});
		var reader = new PdfReader(Files.readAllBytes(file));
		var text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
		}
		// French groups thousands with a no-break space, which the extractor gives as one or two spaces.
		var read = text.toString().replace('\u00A0', ' ').replaceAll("(?<=\\d) {2}(?=\\d)", " ").replaceAll("\\s+", " ");
		assertThat(read).contains(name, "Fonds des Nations Unies pour la prévention du crime et la justice pénale",
				"Relevé de compte pour la période du 1 janv. 2018 au 31 déc. 2018", "Restant dû au 31 déc. 2018 (USD)",
				"10 345,67", "2 000,00", "Encaissements", "Page 1 sur");
		assertThat(read).doesNotContain("10,345.67", "Statement of account", "CPCJF_GENERAL_PURPOSE");
	}

}
