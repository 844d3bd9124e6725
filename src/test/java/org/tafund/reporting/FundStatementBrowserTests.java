package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import org.tafund.support.OwnDatabase;
import org.tafund.support.Unique;

/**
 * The finance officer opens the fund statement, changes the period and downloads the XLSX, in
 * Chromium; on a database of its own, so that the closing balance is this test's agreement alone.
 */
@OwnDatabase
class FundStatementBrowserTests extends BrowserTest {

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Test
	void opensTheFundStatementChangesThePeriodAndDownloadsTheXlsx() throws Exception {
		long donor = donors.register(new DonorDetails(Unique.name("Statement Donor"), DonorType.FOUNDATION, null, null,
				null, null, true, List.of())).id();
		// An unconditional agreement of 12,345.67 USD signed in 2018 is revenue of 2018 at signature;
		// 2,000.00 of it received changes cash, not the fund balance: closing 12,345.67.
		var agreement = contributions.createAgreement(new AgreementTerms(Unique.name("FSB"), donor, "USD",
				new BigDecimal("12345.67"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2018-03-01"),
				List.of(new ScheduleLine(LocalDate.parse("2018-06-30"), new BigDecimal("12345.67")))));
		contributions.recordReceipt(agreement.id(), new ReceiptCommand(LocalDate.parse("2018-04-02"),
				new BigDecimal("2000.00"), "USD", "FSB-1", null, false));
		signIn("finance.officer", "tafund-demo-2026");
		open("/reports");
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		browser.findElement(By.id("fund-statement-link")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fund-statement")));

		var js = (JavascriptExecutor) browser;
		js.executeScript("document.getElementById('from').value = '2018-01-01';"
				+ "document.getElementById('to').value = '2030-12-31';");
		browser.findElement(By.id("show-period")).click();
		wait.until(ExpectedConditions.urlContains("from=2018-01-01"));
		var closing = browser.findElement(By.id("closing")).getText();
		assertThat(closing).isEqualTo("12,345.67");

		browser.findElement(By.id("statement-xlsx")).click();
		var file = wait.until(d -> {
			try (var listing = Files.list(downloads)) {
				return listing.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElse(null);
			}
			catch (java.io.IOException e) {
				return null;
			}
		});
		assertThat(file.getFileName().toString()).isEqualTo("tafund-fund-statement-2018-01-01-to-2030-12-31.xlsx");
		try (var workbook = new XSSFWorkbook(Files.newInputStream(file))) {
			var sheet = workbook.getSheetAt(0);
			// A document: its title above the table.
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Fund statement of the United Nations");
			var labels = new ArrayList<String>();
			sheet.forEach(row -> {
				if (row.getCell(1) != null) {
					labels.add(row.getCell(1).getStringCellValue());
				}
			});
			assertThat(labels).contains("Opening balance", "Contributions recognised", "Closing balance");
			var closingRow = java.util.stream.StreamSupport.stream(workbook.getSheetAt(0).spliterator(), false)
				.filter(row -> row.getCell(1) != null && row.getCell(1).getStringCellValue().equals("Closing balance"))
				.findFirst()
				.orElseThrow();
			assertThat(String.format(java.util.Locale.ROOT, "%,.2f", closingRow.getCell(2).getNumericCellValue()))
				.isEqualTo(closing);
		}
	}

}
