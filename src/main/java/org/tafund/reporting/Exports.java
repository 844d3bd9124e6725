package org.tafund.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The three export formats of every report, fed one row at a time. CSV is RFC 4180 in UTF-8 with
 * a byte-order mark for Excel, and text that a spreadsheet would take for a formula is
 * neutralised; XLSX streams through SXSSF with typed cells, a frozen header and a totals row;
 * PDF repeats the header on every page and numbers the pages.
 */
final class Exports {

	/** A column: its header and the kind of value it holds. */
	record Column(String header, Kind kind) {
	}

	enum Kind {

		TEXT, DATE, AMOUNT, RATE, TIMESTAMP, COUNT, YEAR

	}

	/**
	 * A report as exports see it: title lines, columns, the rows, which column to total (-1: none,
	 * the rows carry their own totals), and which column names the section a row belongs to (-1:
	 * none). CSV and XLSX keep the section as a column; PDF turns it into a heading.
	 */
	record Table(String title, String subtitle, List<Column> columns, Consumer<Consumer<Object[]>> rows,
			int totalColumn, int sectionColumn) {

		Table(String title, String subtitle, List<Column> columns, Consumer<Consumer<Object[]>> rows, int totalColumn) {
			this(title, subtitle, columns, rows, totalColumn, -1);
		}

	}

	private Exports() {
	}

	// CSV ------------------------------------------------------------------------------------

	static void csv(Table table, OutputStream out) throws IOException {
		// Buffered: commons-csv writes cell by cell, and an unbuffered encoder costs half the export.
		Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
		writer.write('\uFEFF');
		var printer = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(writer);
		printer.printRecord(table.columns().stream().map(Column::header).toList());
		// The header leaves at once and the rows at least every second, so that no proxy or browser
		// waiting on a long export sees silence while the database sorts.
		printer.flush();
		var lastFlush = new long[] { System.nanoTime() };
		table.rows().accept(row -> {
			try {
				if (System.nanoTime() - lastFlush[0] > 1_000_000_000L) {
					printer.flush();
					lastFlush[0] = System.nanoTime();
				}
				var cells = new Object[row.length];
				for (int i = 0; i < row.length; i++) {
					cells[i] = csvCell(row[i], table.columns().get(i).kind());
				}
				printer.printRecord(cells);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		printer.flush();
	}

	/**
	 * CSV straight to a buffered writer, for a report long enough that the cost of each cell counts
	 * (the ledger of every journal line): the same bytes as {@link #csv(Table, OutputStream)} (BOM,
	 * RFC 4180 with CRLF, commons-csv's minimal quoting, formulas neutralised in text) from cells the
	 * caller has already formatted. The header leaves at once, and the rows at least every second.
	 */
	static void csv(List<Column> columns, OutputStream out, CsvBody body) throws IOException {
		var csv = new CsvOut(new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
		csv.out.write('\uFEFF');
		for (var column : columns) {
			csv.cell(column.header());
		}
		csv.end();
		csv.out.flush();
		body.write(csv);
		csv.out.flush();
	}

	/** Writes the rows of a {@link #csv(List, OutputStream, CsvBody)} export. */
	@FunctionalInterface
	interface CsvBody {

		void write(CsvOut csv) throws IOException;

	}

	/**
	 * One CSV record after another: {@link #cell} for a value already in its CSV form (a number, a
	 * date), {@link #text} for text a spreadsheet could take for a formula, {@link #end} after the
	 * last cell of a record. Quotes as commons-csv's RFC 4180 format does (QuoteMode.MINIMAL).
	 */
	static final class CsvOut {

		private final Writer out;

		private boolean first = true;

		private long lastFlush = System.nanoTime();

		private int sinceCheck;

		CsvOut(Writer out) {
			this.out = out;
		}

		/** A cell as it is (null: empty). */
		void cell(String value) throws IOException {
			if (!first) {
				out.write(',');
			}
			if (value == null || value.isEmpty()) {
				// commons-csv quotes an empty first value so that a record is never an empty line.
				if (first) {
					out.write("\"\"");
				}
			}
			else if (needsQuotes(value)) {
				out.write('"');
				int from = 0;
				for (int i = 0; i < value.length(); i++) {
					if (value.charAt(i) == '"') {
						out.write(value, from, i + 1 - from);
						out.write('"');
						from = i + 1;
					}
				}
				out.write(value, from, value.length() - from);
				out.write('"');
			}
			else {
				out.write(value);
			}
			first = false;
		}

		/** A text cell: text that starts like a formula gets a leading apostrophe, as {@link Exports#csvCell}. */
		void text(String value) throws IOException {
			cell(value != null && formulaLike(value) ? "'" + value : value);
		}

		/** Ends the record; flushes when the last flush is a second old. */
		void end() throws IOException {
			out.write("\r\n");
			first = true;
			if (++sinceCheck >= 256) {
				sinceCheck = 0;
				long now = System.nanoTime();
				if (now - lastFlush > 1_000_000_000L) {
					out.flush();
					lastFlush = now;
				}
			}
		}

		private static boolean needsQuotes(String value) {
			if (value.charAt(0) <= '#') {
				return true;
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == ',' || c == '"' || c == '\r' || c == '\n') {
					return true;
				}
			}
			return value.charAt(value.length() - 1) <= ' ';
		}

	}

	/** Numbers stay numbers; text that starts like a formula gets a leading apostrophe. */
	static String csvCell(Object value, Kind kind) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		var text = value.toString();
		return kind == Kind.TEXT && formulaLike(text) ? "'" + text : text;
	}

	/** See {@link org.tafund.shared.Text#formulaLike}: one rule for every file the application writes. */
	static boolean formulaLike(String text) {
		return org.tafund.shared.Text.formulaLike(text);
	}

	// XLSX -----------------------------------------------------------------------------------

	static void xlsx(Table table, OutputStream out) throws IOException {
		xlsx(table, out, MAX_DATA_ROW);
	}

	static void xlsx(Table table, OutputStream out, int rowsPerSheet) throws IOException {
		var workbook = new SXSSFWorkbook(200);
		try {
			var format = workbook.createDataFormat();
			var bold = workbook.createFont();
			bold.setBold(true);
			var header = workbook.createCellStyle();
			header.setFont(bold);
			var date = workbook.createCellStyle();
			date.setDataFormat(format.getFormat("yyyy-mm-dd"));
			var timestamp = workbook.createCellStyle();
			timestamp.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
			var amount = workbook.createCellStyle();
			amount.setDataFormat(format.getFormat("#,##0.00;-#,##0.00"));
			var rate = workbook.createCellStyle();
			rate.setDataFormat(format.getFormat("0.00000000"));
			var count = workbook.createCellStyle();
			count.setDataFormat(format.getFormat("#,##0"));
			var year = workbook.createCellStyle();
			year.setDataFormat(format.getFormat("0"));
			var totalStyle = workbook.createCellStyle();
			totalStyle.cloneStyleFrom(amount);
			totalStyle.setFont(bold);

			// A sheet holds 1,048,576 rows: longer reports continue on further sheets, each with its header.
			var sheets = new org.apache.poi.ss.usermodel.Sheet[] { newSheet(workbook, table, header, 1) };
			var total = new BigDecimal[] { BigDecimal.ZERO };
			var rowNumber = new int[] { 1 };
			table.rows().accept(values -> {
				if (rowNumber[0] > rowsPerSheet) {
					sheets[0] = newSheet(workbook, table, header, workbook.getNumberOfSheets() + 1);
					rowNumber[0] = 1;
				}
				var sheet = sheets[0];
				var row = sheet.createRow(rowNumber[0]++);
				for (int i = 0; i < values.length; i++) {
					var value = values[i];
					if (value == null) {
						continue;
					}
					var cell = row.createCell(i);
					var kind = table.columns().get(i).kind();
					switch (kind) {
						case DATE -> {
							cell.setCellValue((LocalDate) value);
							cell.setCellStyle(date);
						}
						case TIMESTAMP -> {
							cell.setCellValue(((Instant) value).atOffset(ZoneOffset.UTC).toLocalDateTime());
							cell.setCellStyle(timestamp);
						}
						case AMOUNT, RATE -> {
							cell.setCellValue(((BigDecimal) value).doubleValue());
							cell.setCellStyle(kind == Kind.AMOUNT ? amount : rate);
						}
						case COUNT, YEAR -> {
							cell.setCellValue(((Number) value).doubleValue());
							cell.setCellStyle(kind == Kind.COUNT ? count : year);
						}
						default -> cell.setCellValue(value.toString());
					}
				}
				if (table.totalColumn() >= 0 && values[table.totalColumn()] != null) {
					total[0] = total[0].add((BigDecimal) values[table.totalColumn()]);
				}
			});
			if (table.totalColumn() >= 0) {
				if (rowNumber[0] > rowsPerSheet) {
					sheets[0] = newSheet(workbook, table, header, workbook.getNumberOfSheets() + 1);
					rowNumber[0] = 1;
				}
				var totals = sheets[0].createRow(rowNumber[0]);
				var label = totals.createCell(0);
				label.setCellValue("Total");
				label.setCellStyle(header);
				var cell = totals.createCell(table.totalColumn());
				cell.setCellValue(total[0].doubleValue());
				cell.setCellStyle(totalStyle);
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	/** The last row index a sheet can take (0-based), leaving the header on row 0. */
	static final int MAX_DATA_ROW = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getLastRowIndex();

	private static org.apache.poi.ss.usermodel.Sheet newSheet(SXSSFWorkbook workbook, Table table,
			org.apache.poi.ss.usermodel.CellStyle header, int number) {
		var sheet = workbook.createSheet(number == 1 ? "Report" : "Report (" + number + ")");
		var first = sheet.createRow(0);
		for (int i = 0; i < table.columns().size(); i++) {
			var cell = first.createCell(i);
			cell.setCellValue(table.columns().get(i).header());
			cell.setCellStyle(header);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	// PDF ------------------------------------------------------------------------------------

	/** A figure as a reader expects it on paper: thousands grouped, its own decimals kept. */
	static String grouped(BigDecimal value) {
		var format = new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
		int decimals = Math.max(0, value.scale());
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(value);
	}

	static void pdf(Table table, String generatedBy, OutputStream out) {
		// Wide tables (the status of contributions has twenty columns) go on A3 so that figures stay whole.
		var document = new Document(table.columns().size() > 16 ? PageSize.A3.rotate() : PageSize.A4.rotate(), 24, 24,
				36, 36);
		var writer = PdfWriter.getInstance(document, out);
		writer.setPageEvent(new PdfPageEventHelper() {
			@Override
			public void onEndPage(PdfWriter w, Document d) {
				ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_RIGHT,
						new Phrase("Page " + w.getPageNumber(), FontFactory.getFont(FontFactory.HELVETICA, 8)),
						d.right(), d.bottom() - 18, 0);
			}
		});
		document.open();
		document.add(new Paragraph(table.title(), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14)));
		document.add(new Paragraph(table.subtitle() + " · generated " + Instant.now().toString().substring(0, 19)
				+ "Z by " + generatedBy, FontFactory.getFont(FontFactory.HELVETICA, 9)));
		var small = FontFactory.getFont(FontFactory.HELVETICA, 6.5f);
		var bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 6.5f);
		int section = table.sectionColumn();
		var pdfTable = new PdfPTable(table.columns().size() - (section >= 0 ? 1 : 0));
		pdfTable.setWidthPercentage(100);
		pdfTable.setSpacingBefore(8);
		pdfTable.setHeaderRows(1);
		// Widths by kind, so that references and names do not break while a year takes little room.
		var widths = new float[pdfTable.getNumberOfColumns()];
		for (int i = 0, w = 0; i < table.columns().size(); i++) {
			if (i != section) {
				widths[w++] = switch (table.columns().get(i).kind()) {
					case TEXT -> 2.4f;
					case TIMESTAMP -> 2.2f;
					case AMOUNT -> 1.7f;
					case RATE, DATE -> 1.4f;
					case COUNT -> 1.0f;
					case YEAR -> 0.8f;
				};
				// Headers wrap between words rather than inside them.
				pdfTable.addCell(new PdfPCell(new Phrase(table.columns().get(i).header().replace('_', ' '), bold)));
			}
		}
		pdfTable.setWidths(widths);
		var total = new BigDecimal[] { BigDecimal.ZERO };
		var currentSection = new Object[] { null };
		var heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
		table.rows().accept(values -> {
			if (section >= 0 && values[section] != null && !values[section].equals(currentSection[0])) {
				currentSection[0] = values[section];
				var cell = new PdfPCell(new Phrase(values[section].toString(), heading));
				cell.setColspan(pdfTable.getNumberOfColumns());
				cell.setPaddingTop(6);
				pdfTable.addCell(cell);
			}
			for (int i = 0; i < values.length; i++) {
				if (i == section) {
					continue;
				}
				var kind = table.columns().get(i).kind();
				var text = values[i] == null ? ""
						: values[i] instanceof BigDecimal n ? grouped(n) : values[i].toString();
				var cell = new PdfPCell(new Phrase(text, small));
				if (kind == Kind.AMOUNT || kind == Kind.RATE || kind == Kind.COUNT) {
					cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
				}
				pdfTable.addCell(cell);
			}
			if (table.totalColumn() >= 0 && values[table.totalColumn()] != null) {
				total[0] = total[0].add((BigDecimal) values[table.totalColumn()]);
			}
		});
		if (table.totalColumn() >= 0) {
			for (int i = 0; i < table.columns().size(); i++) {
				if (i == section) {
					continue;
				}
				var text = i == 0 ? "Total" : i == table.totalColumn() ? grouped(total[0]) : "";
				var cell = new PdfPCell(new Phrase(text, bold));
				if (i == table.totalColumn()) {
					cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
				}
				pdfTable.addCell(cell);
			}
		}
		document.add(pdfTable);
		document.close();
	}

}
