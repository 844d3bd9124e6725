package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tafund.reporting.Exports.Column;
import org.tafund.reporting.Exports.Kind;

/** Export mechanics that need no database: a workbook longer than a sheet, figures on paper. */
class ExportsTests {

	@Test
	void aReportLongerThanASheetContinuesOnFurtherSheetsEachWithItsHeader() throws Exception {
		var table = new Exports.Table("Long", "rows", List.of(new Column("n", Kind.TEXT), new Column("usd", Kind.AMOUNT)),
				sink -> {
					for (int i = 1; i <= 7; i++) {
						sink.accept(new Object[] { "row " + i, new BigDecimal(i + ".00") });
					}
				}, 1);
		var out = new ByteArrayOutputStream();
		// Three data rows a sheet stand for Excel's 1,048,575.
		Exports.xlsx(table, out, 3);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetName(1)).isEqualTo("Report (2)");
			for (int s = 0; s < 3; s++) {
				assertThat(workbook.getSheetAt(s).getRow(0).getCell(0).getStringCellValue()).isEqualTo("n");
			}
			assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isEqualTo("row 4");
			var last = workbook.getSheetAt(2);
			assertThat(last.getRow(1).getCell(0).getStringCellValue()).isEqualTo("row 7");
			// 1 + 2 + ... + 7 = 28, after the last row
			assertThat(last.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Total");
			assertThat(last.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(28.0);
		}
	}

	@Test
	void figuresOnPaperAreGroupedAndKeepTheirDecimals() {
		assertThat(Exports.grouped(new BigDecimal("1234567.5"))).isEqualTo("1,234,567.5");
		assertThat(Exports.grouped(new BigDecimal("-62000.00"))).isEqualTo("-62,000.00");
		assertThat(Exports.grouped(new BigDecimal("30000000"))).isEqualTo("30,000,000");
	}

}
