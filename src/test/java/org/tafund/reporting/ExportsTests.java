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

	static final org.springframework.context.support.ResourceBundleMessageSource MESSAGES = messages();

	/** Files for programs: headers and values as codes. */
	static final Exports.Voice CODES = new Exports.Voice(MESSAGES, java.util.Locale.ENGLISH, true);

	static final Exports.Voice ENGLISH = new Exports.Voice(MESSAGES, java.util.Locale.ENGLISH, false);

	static final Exports.Voice FRENCH = new Exports.Voice(MESSAGES, java.util.Locale.FRENCH, false);

	private static org.springframework.context.support.ResourceBundleMessageSource messages() {
		var messages = new org.springframework.context.support.ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

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
		Exports.xlsx(table, CODES, out, 3);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetName(1)).isEqualTo("report (2)");
			for (int s = 0; s < 3; s++) {
				assertThat(workbook.getSheetAt(s).getRow(0).getCell(0).getStringCellValue()).isEqualTo("n");
			}
			assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isEqualTo("row 4");
			var last = workbook.getSheetAt(2);
			assertThat(last.getRow(1).getCell(0).getStringCellValue()).isEqualTo("row 7");
			// 1 + 2 + ... + 7 = 28, after the last row
			assertThat(last.getRow(2).getCell(0).getStringCellValue()).isEqualTo("total");
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
		Exports.csv(table, CODES, expected);
		var actual = new ByteArrayOutputStream();
		Exports.csv(columns, CODES, actual, csv -> {
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


	// A small report as finance sends it: a coded window, a flag, amounts in JPY and NOK as the
	// database holds them (four decimals), a rate with the column's trailing zeros.
	private static Exports.Table sample() {
		var columns = List.of(Column.coded("window", "window."), new Column("conditional", Kind.FLAG),
				Column.amountIn("agreed", "currency"), new Column("currency", Kind.TEXT), new Column("rate", Kind.RATE),
				new Column("agreed_usd", Kind.AMOUNT), new Column("date", Kind.DATE));
		return new Exports.Table("Status", "Period", columns, sink -> {
			sink.accept(new Object[] { "CPCJF_GENERAL_PURPOSE", true, new BigDecimal("150000000.0000"), "JPY",
					new BigDecimal("147.63000000"), new BigDecimal("1016053.65"), java.time.LocalDate.of(2026, 6, 15) });
			sink.accept(new Object[] { "PNI_INSTITUTE", false, new BigDecimal("15000000.5000"), "NOK",
					new BigDecimal("8.29200000"), new BigDecimal("1809001.50"), java.time.LocalDate.of(2026, 1, 2) });
		}, 5);
	}

	@Test
	void aCsvForReadersHasLabelsAmountsAtTheirCurrencysPrecisionAndRatesAsPublished() throws Exception {
		var out = new ByteArrayOutputStream();
		Exports.csv(sample(), ENGLISH, out);
		var lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).substring(1).split("\r\n");
		assertThat(lines[0]).isEqualTo("Funding window,Conditional,Agreed,Currency,Rate (per USD),Agreed (USD),Date");
		assertThat(lines[1]).isEqualTo("CPCJF general-purpose,Yes,150000000,JPY,147.63,1016053.65,2026-06-15");
		assertThat(lines[2]).isEqualTo("Through a programme network institute,No,15000000.50,NOK,8.292,1809001.50,2026-01-02");

		var french = new ByteArrayOutputStream();
		Exports.csv(sample(), FRENCH, french);
		var frenchLines = french.toString(java.nio.charset.StandardCharsets.UTF_8).substring(1).split("\r\n");
		assertThat(frenchLines[0]).startsWith("Guichet de financement,Conditionnel,Convenu,Monnaie");
		assertThat(frenchLines[1]).contains(",Oui,150000000,JPY,");

		// ?codes=true: the codes a program reads, at the same precision.
		var codes = new ByteArrayOutputStream();
		Exports.csv(sample(), CODES, codes);
		var codeLines = codes.toString(java.nio.charset.StandardCharsets.UTF_8).substring(1).split("\r\n");
		assertThat(codeLines[0]).isEqualTo("window,conditional,agreed,currency,rate,agreed_usd,date");
		assertThat(codeLines[1]).isEqualTo("CPCJF_GENERAL_PURPOSE,true,150000000,JPY,147.63,1016053.65,2026-06-15");
	}

	@Test
	void aWorkbookForReadersHasItsTitleAndPeriodAboveTheTableAndAmountsAtTheirCurrencysPrecision() throws Exception {
		var out = new ByteArrayOutputStream();
		Exports.xlsx(sample(), FRENCH, out);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(workbook.getSheetName(0)).isEqualTo("Rapport");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Status");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Period");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Guichet de financement");
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 4);
			var yen = sheet.getRow(4).getCell(2);
			assertThat(yen.getNumericCellValue()).isEqualTo(150000000.0);
			assertThat(yen.getCellStyle().getDataFormatString()).isEqualTo("#,##0;-#,##0");
			assertThat(sheet.getRow(5).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00;-#,##0.00");
			assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Oui");
			// The total of the USD column, labelled in the reader's language.
			assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Total");
			assertThat(sheet.getRow(6).getCell(5).getNumericCellValue()).isEqualTo(2825055.15);
		}
		var codes = new ByteArrayOutputStream();
		Exports.xlsx(sample(), CODES, codes);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(codes.toByteArray()))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("window");
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("CPCJF_GENERAL_PURPOSE");
		}
	}

	/**
	 * Twenty amount columns of nine-figure sums and a long description: on paper every figure stays
	 * whole on its line (the type gets smaller and the page larger rather than a figure wrapping),
	 * in the reader's grouping, and the pages say "x of y".
	 */
	@Test
	void onPaperNoFigureWrapsAndPagesAreNumberedXOfY() throws Exception {
		var columns = new java.util.ArrayList<Column>();
		columns.add(new Column("description", Kind.TEXT));
		for (int i = 0; i < 20; i++) {
			columns.add(new Column("usd", Kind.AMOUNT));
		}
		var figure = new BigDecimal("-123456789.25");
		var table = new Exports.Table("Wide", "Twenty columns", columns, sink -> {
			for (int r = 0; r < 120; r++) {
				var row = new Object[columns.size()];
				row[0] = "A description long enough to wrap over several lines of its column, as ledgers have " + r;
				for (int i = 1; i < row.length; i++) {
					row[i] = figure;
				}
				sink.accept(row);
			}
		}, -1);
		for (var voice : List.of(ENGLISH, FRENCH)) {
			var out = new ByteArrayOutputStream();
			Exports.pdf(table, voice, "finance.officer", out);
			var reader = new com.lowagie.text.pdf.PdfReader(out.toByteArray());
			var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
			int pages = reader.getNumberOfPages();
			assertThat(pages).isGreaterThan(1);
			var expected = voice == ENGLISH ? "-123,456,789.25" : "-123 456 789,25";
			// French groups with a no-break space: the text extractor gives some spaces as either.
			var first = extractor.getTextFromPage(1).replace('\u00A0', ' ').replaceAll("(?<=\\d) {2}(?=\\d)", " ");
			// Every amount whole: twenty on each row, none cut in two.
			long whole = first.lines().mapToLong(line -> line.split(java.util.regex.Pattern.quote(expected), -1).length - 1)
				.sum();
			assertThat(whole).as(voice.locale() + " figures whole on page 1").isGreaterThanOrEqualTo(20L * 10);
			assertThat(first.lines().map(String::strip)
				.filter(line -> line.matches("^-?\\d[\\d,. ]*$") && line.matches(".*\\d[,. ]\\d.*") && !line.contains(expected)))
				.as("no figure split over lines").isEmpty();
			var page = voice == ENGLISH ? "Page 1 of " + pages : "Page 1 sur " + pages;
			assertThat(first.replaceAll("\\s+", " ")).contains(page);
		}
	}

	@Test
	void fileNamesCarryNamesWithoutAccentsOrPunctuation() {
		assertThat(Exports.slug("Côte d’Ivoire")).isEqualTo("Cote-d-Ivoire");
		assertThat(Exports.slug("  Norway / MFA ")).isEqualTo("Norway-MFA");
		assertThat(Exports.slug("日本")).isEmpty();
	}

	@Test
	void datesAndNumbersOnPaperAreWrittenAsTheReaderWritesThem() {
		var day = java.time.LocalDate.of(2026, 6, 15);
		assertThat(ENGLISH.date(day)).isEqualTo("15 Jun 2026");
		assertThat(FRENCH.date(day)).isEqualTo("15 juin 2026");
		assertThat(FRENCH.number(new BigDecimal("1234567.5"), 2)).isEqualTo("1\u00A0234\u00A0567,50");
		assertThat(ENGLISH.number(new BigDecimal("1234567.5"), 2)).isEqualTo("1,234,567.50");
	}

}
