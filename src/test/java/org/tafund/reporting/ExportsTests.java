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


	/**
	 * The CSV written cell by cell (the ledger's) is byte for byte what the table export writes
	 * through commons-csv: quoting, doubled quotes, empty and null cells, formulas neutralised in
	 * text only, line breaks inside a cell.
	 */
	@Test
	void csvWrittenCellByCellIsWhatTheTableExportWrites() throws Exception {
		var values = new java.util.ArrayList<String>(java.util.Arrays.asList("", null, "plain", "a,b", "say \"hi\"",
				"\"", "line\nbreak", "cr\rhere", " leading", "trailing ", "trailing\t", "#hash", "!bang", "$dollar",
				"=SUM(A1)", "+1", "-12.50", "@user", "\tTab", "\rCR", "'quoted", "Côte d'Ivoire", "日本", "x", "0.00",
				"1990-01-01", "2026-11-30T00:00:00Z", ",", "a\"b\"c", " ", "\u0000nul", "~tilde", "x;=1+1", "\uFF1D1+1"));
		var columns = new java.util.ArrayList<Column>();
		for (var kind : List.of(Kind.TEXT, Kind.AMOUNT)) {
			for (int i = 0; i < values.size(); i++) {
				columns.add(new Column(kind + "-" + i, kind));
			}
		}
		// Every value first in its record too, where commons-csv quotes an empty value.
		var records = new java.util.ArrayList<String[]>();
		for (int shift = 0; shift < values.size(); shift++) {
			var record = new String[columns.size()];
			for (int i = 0; i < record.length; i++) {
				record[i] = values.get((i + shift) % values.size());
			}
			records.add(record);
		}
		var table = new Exports.Table("t", "s", columns, sink -> records.forEach(r -> sink.accept(r.clone())), -1);
		var expected = new ByteArrayOutputStream();
		Exports.csv(table, expected);
		var actual = new ByteArrayOutputStream();
		Exports.csv(columns, actual, csv -> {
			for (var record : records) {
				for (int i = 0; i < record.length; i++) {
					if (columns.get(i).kind() == Kind.TEXT) {
						csv.text(record[i]);
					}
					else {
						csv.cell(record[i]);
					}
				}
				csv.end();
			}
		});
		assertThat(actual.toString(java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo(expected.toString(java.nio.charset.StandardCharsets.UTF_8));
	}

	// The probe's cells: a spreadsheet splitting on semicolons read "x;=1+1" as a formula in its
	// second part, and some take a full-width equals sign for one.
	@Test
	void neutralisesTextThatASpreadsheetCouldReadAsAFormulaAfterASeparatorOrInFullWidth() {
		for (var formula : List.of("=SUM(A1)", "x;=1+1", "x,+1", "a; @user", " =1", "\uFF1D1+1", "\uFF0B1", "\uFF0D1",
				"\uFF20x", "ok;\t=1", "\rCR")) {
			assertThat(Exports.csvCell(formula, Kind.TEXT)).as(formula).isEqualTo("'" + formula);
		}
		for (var text : List.of("plain", "a,b", "Côte d'Ivoire", "a-b;c+d", "x;y", "1990-01-01", "")) {
			assertThat(Exports.csvCell(text, Kind.TEXT)).as(text).isEqualTo(text);
		}
		// Numbers are numbers, whatever their sign.
		assertThat(Exports.csvCell("-12.50", Kind.AMOUNT)).isEqualTo("-12.50");
	}

}
