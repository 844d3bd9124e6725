package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tafund.support.BrowserTest;

/** The finance officer opens the fund statement, changes the period and downloads the XLSX, in Chromium. */
class FundStatementBrowserTests extends BrowserTest {

	@Test
	void opensTheFundStatementChangesThePeriodAndDownloadsTheXlsx() throws Exception {
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
		assertThat(closing).matches("-?[0-9,]+\\.[0-9]{2}");

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
			var labels = new ArrayList<String>();
			workbook.getSheetAt(0).forEach(row -> labels.add(row.getCell(1).getStringCellValue()));
			assertThat(labels).contains("Opening balance", "Contributions recognised", "Closing balance");
			var closingRow = java.util.stream.StreamSupport.stream(workbook.getSheetAt(0).spliterator(), false)
				.filter(row -> row.getCell(1).getStringCellValue().equals("Closing balance"))
				.findFirst()
				.orElseThrow();
			assertThat(String.format(java.util.Locale.ROOT, "%,.2f", closingRow.getCell(2).getNumericCellValue()))
				.isEqualTo(closing);
		}
	}

}
