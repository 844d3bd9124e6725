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
import java.util.Locale;
import java.util.function.Consumer;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.tafund.shared.Money;

/**
 * The three export formats of every report, fed one row at a time, in the reader's language
 * ({@link Voice}): headers and coded values as labels, amounts at their currency's precision, and
 * on paper numbers and dates as the reader writes them; with {@code ?codes=true}, the machine codes
 * for data exchange. CSV is RFC 4180 in UTF-8 with a byte-order mark for Excel, numbers plain and
 * dates ISO so that they import anywhere, and text that a spreadsheet would take for a formula is
 * neutralised; XLSX streams through SXSSF with typed cells, a title and period above a frozen header
 * and a totals row; PDF sizes its columns so that no figure wraps, repeats the header on every page
 * and numbers the pages "x of y".
 */
final class Exports {

	/**
	 * A column: its code (the header under {@code ?codes=true}, and {@code export.<code>} in the
	 * messages for the label), the kind of value, for coded text the message prefix of its labels,
	 * and for an amount the column that names its currency (none: USD).
	 */
	record Column(String code, Kind kind, String labels, String currencyColumn) {

		Column(String code, Kind kind) {
			this(code, kind, null, null);
		}

		/** Text holding codes, shown as the labels {@code labels + code}. */
		static Column coded(String code, String labels) {
			return new Column(code, Kind.TEXT, labels, null);
		}

		/** An amount in the currency that the column {@code currencyColumn} of the same row names. */
		static Column amountIn(String code, String currencyColumn) {
			return new Column(code, Kind.AMOUNT, null, currencyColumn);
		}

		String header() {
			return code;
		}

	}

	enum Kind {

		/** NUMBER: a figure at its own scale, where counts and USD sums share a column. */
		TEXT, FLAG, DATE, AMOUNT, RATE, TIMESTAMP, COUNT, YEAR, NUMBER;

		boolean figure() {
			return this != TEXT && this != FLAG;
		}

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

		/** For each column, the index of the column naming its currency, or -1 (USD, or not an amount). */
		int[] currencies() {
			var found = new int[columns.size()];
			for (int i = 0; i < found.length; i++) {
				found[i] = -1;
				var name = columns.get(i).currencyColumn();
				for (int j = 0; name != null && j < found.length; j++) {
					if (columns.get(j).code().equals(name)) {
						found[i] = j;
					}
				}
			}
			return found;
		}

	}

	/**
	 * Who reads a file: in their language, with labels for codes and numbers and dates as they write
	 * them on paper; or, with {@code codes}, the codes a program reads (headers, enum values, true
	 * and false).
	 */
	record Voice(MessageSource messages, Locale locale, boolean codes) {

		/** English labels: for tests and for a file with no reader (none so far). */
		static Voice english(MessageSource messages) {
			return new Voice(messages, Locale.ENGLISH, false);
		}

		String say(String key, Object... args) {
			return messages.getMessage(key, args, locale);
		}

		String header(Column column) {
			return codes ? column.code() : say("export." + column.code());
		}

		/** A cell's value as the reader sees it: labels for codes, words for flags; anything else as it is. */
		Object value(Column column, Object value) {
			if (value == null) {
				return null;
			}
			if (column.kind() == Kind.FLAG) {
				boolean yes = value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
				return codes ? Boolean.toString(yes) : say(yes ? "export.yes" : "export.no");
			}
			if (codes || column.labels() == null) {
				return value;
			}
			var code = value.toString();
			return messages.getMessage(column.labels() + code, null, code, locale);
		}

		/** A figure on paper: grouped as the reader groups, with exactly {@code digits} decimals (-1: as it is). */
		String number(BigDecimal value, int digits) {
			var format = java.text.NumberFormat.getNumberInstance(locale);
			int places = digits >= 0 ? digits : Math.max(0, value.scale());
			format.setMinimumFractionDigits(places);
			format.setMaximumFractionDigits(places);
			format.setRoundingMode(Money.ROUNDING);
			// The PDF fonts are WinAnsi: the narrow no-break space of French groups becomes a no-break space.
			return format.format(value).replace('\u202F', '\u00A0');
		}

		/** A date as the reader writes it; in English as UN documents do (1 Jan 2026), not as the US does. */
		String date(LocalDate date) {
			return org.tafund.shared.Dates.day(date, locale);
		}

		String timestamp(Instant at) {
			return org.tafund.shared.Dates.minute(at, locale);
		}

	}

	private Exports() {
	}

	/** A name as it can stand in a file name: letters without accents, digits, and hyphens. */
	static String slug(String name) {
		var plain = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		return plain.length() > 60 ? plain.substring(0, 60).replaceAll("-+$", "") : plain;
	}

	/** An amount at its currency's precision, by the one rounding rule (a currency not in ISO 4217 keeps its digits). */
	static BigDecimal amount(BigDecimal value, String currency) {
		if (value == null) {
			return null;
		}
		try {
			return Money.rounded(value, currency == null ? Money.USD : currency).amount();
		}
		catch (RuntimeException notACurrency) {
			return value;
		}
	}

	/** A rate as it was published: the stored decimals without the trailing zeros of the column. */
	static BigDecimal rate(BigDecimal value) {
		if (value == null) {
			return null;
		}
		var stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/** A row as every format writes it: codes labelled, amounts at precision, rates as published. */
	static Object[] presented(Table table, int[] currencies, Voice voice, Object[] row) {
		var out = new Object[row.length];
		for (int i = 0; i < row.length; i++) {
			var column = table.columns().get(i);
			var value = row[i];
			if (column.kind() == Kind.AMOUNT && value instanceof BigDecimal n) {
				out[i] = amount(n, currencies[i] >= 0 && row[currencies[i]] != null ? row[currencies[i]].toString() : null);
			}
			else if (column.kind() == Kind.RATE && value instanceof BigDecimal n) {
				out[i] = rate(n);
			}
			else {
				out[i] = voice.value(column, value);
			}
		}
		return out;
	}

	// CSV ------------------------------------------------------------------------------------

	static void csv(Table table, Voice voice, OutputStream out) throws IOException {
		// Buffered: commons-csv writes cell by cell, and an unbuffered encoder costs half the export.
		Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
		writer.write('\uFEFF');
		var printer = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(writer);
		printer.printRecord(table.columns().stream().map(voice::header).toList());
		var currencies = table.currencies();
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
				var shown = presented(table, currencies, voice, row);
				var cells = new Object[row.length];
				for (int i = 0; i < row.length; i++) {
					cells[i] = csvCell(shown[i], table.columns().get(i).kind());
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
	static void csv(List<Column> columns, Voice voice, OutputStream out, CsvBody body) throws IOException {
		var csv = new CsvOut(new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
		csv.out.write('\uFEFF');
		for (var column : columns) {
			csv.cell(voice.header(column));
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
		if (value instanceof LocalDate date) {
			return date.toString();
		}
		var text = value.toString();
		return kind == Kind.TEXT && formulaLike(text) ? "'" + text : text;
	}

	/** See {@link org.tafund.shared.Text#formulaLike}: one rule for every file the application writes. */
	static boolean formulaLike(String text) {
		return org.tafund.shared.Text.formulaLike(text);
	}

	// XLSX -----------------------------------------------------------------------------------

	static void xlsx(Table table, Voice voice, OutputStream out) throws IOException {
		xlsx(table, voice, out, MAX_DATA_ROW);
	}

	/**
	 * A workbook: for readers, the title and the period above the table, then the header, frozen;
	 * for programs ({@code codes}), the header on the first row as a data file has it.
	 */
	static void xlsx(Table table, Voice voice, OutputStream out, int rowsPerSheet) throws IOException {
		var workbook = new SXSSFWorkbook(200);
		try {
			var styles = new XlsxStyles(workbook);
			var currencies = table.currencies();
			int top = voice.codes() ? 0 : 3;
			// A sheet holds 1,048,576 rows: longer reports continue on further sheets, each with its header.
			var sheets = new org.apache.poi.ss.usermodel.Sheet[] { newSheet(workbook, table, voice, styles, 1, top) };
			var total = new BigDecimal[] { BigDecimal.ZERO };
			var rowNumber = new int[] { top + 1 };
			table.rows().accept(raw -> {
				if (rowNumber[0] > rowsPerSheet + top) {
					sheets[0] = newSheet(workbook, table, voice, styles, workbook.getNumberOfSheets() + 1, top);
					rowNumber[0] = top + 1;
				}
				var values = presented(table, currencies, voice, raw);
				var row = sheets[0].createRow(rowNumber[0]++);
				for (int i = 0; i < values.length; i++) {
					var value = values[i];
					if (value == null) {
						continue;
					}
					var cell = row.createCell(i);
					switch (table.columns().get(i).kind()) {
						case DATE -> {
							cell.setCellValue((LocalDate) value);
							cell.setCellStyle(styles.date);
						}
						case TIMESTAMP -> {
							cell.setCellValue(((Instant) value).atOffset(ZoneOffset.UTC).toLocalDateTime());
							cell.setCellStyle(styles.timestamp);
						}
						case AMOUNT, NUMBER -> {
							var amount = (BigDecimal) value;
							cell.setCellValue(amount.doubleValue());
							cell.setCellStyle(styles.amount(Math.max(0, amount.scale()), false));
						}
						case RATE -> {
							cell.setCellValue(((BigDecimal) value).doubleValue());
							cell.setCellStyle(styles.rate);
						}
						case COUNT, YEAR -> {
							cell.setCellValue(((Number) value).doubleValue());
							cell.setCellStyle(table.columns().get(i).kind() == Kind.COUNT ? styles.count : styles.year);
						}
						default -> cell.setCellValue(value.toString());
					}
				}
				if (table.totalColumn() >= 0 && values[table.totalColumn()] != null) {
					total[0] = total[0].add((BigDecimal) values[table.totalColumn()]);
				}
			});
			if (table.totalColumn() >= 0) {
				if (rowNumber[0] > rowsPerSheet + top) {
					sheets[0] = newSheet(workbook, table, voice, styles, workbook.getNumberOfSheets() + 1, top);
					rowNumber[0] = top + 1;
				}
				var totals = sheets[0].createRow(rowNumber[0]);
				var label = totals.createCell(0);
				label.setCellValue(voice.codes() ? "total" : voice.say("export.total"));
				label.setCellStyle(styles.header);
				var cell = totals.createCell(table.totalColumn());
				cell.setCellValue(total[0].doubleValue());
				cell.setCellStyle(styles.amount(Math.max(0, total[0].scale()), true));
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	/** The cell styles of a workbook: an amount style per number of decimals (JPY has none, KWD three). */
	private static final class XlsxStyles {

		final org.apache.poi.ss.usermodel.CellStyle header;

		final org.apache.poi.ss.usermodel.CellStyle title;

		final org.apache.poi.ss.usermodel.CellStyle date;

		final org.apache.poi.ss.usermodel.CellStyle timestamp;

		final org.apache.poi.ss.usermodel.CellStyle rate;

		final org.apache.poi.ss.usermodel.CellStyle count;

		final org.apache.poi.ss.usermodel.CellStyle year;

		private final SXSSFWorkbook workbook;

		private final org.apache.poi.ss.usermodel.Font bold;

		private final java.util.Map<Integer, org.apache.poi.ss.usermodel.CellStyle> amounts = new java.util.HashMap<>();

		XlsxStyles(SXSSFWorkbook workbook) {
			this.workbook = workbook;
			var format = workbook.createDataFormat();
			bold = workbook.createFont();
			bold.setBold(true);
			header = workbook.createCellStyle();
			header.setFont(bold);
			var big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			title = workbook.createCellStyle();
			title.setFont(big);
			date = workbook.createCellStyle();
			date.setDataFormat(format.getFormat("yyyy-mm-dd"));
			timestamp = workbook.createCellStyle();
			timestamp.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
			// A rate shows the digits it was published with.
			rate = workbook.createCellStyle();
			rate.setDataFormat(format.getFormat("General"));
			count = workbook.createCellStyle();
			count.setDataFormat(format.getFormat("#,##0"));
			year = workbook.createCellStyle();
			year.setDataFormat(format.getFormat("0"));
		}

		org.apache.poi.ss.usermodel.CellStyle amount(int decimals, boolean total) {
			return amounts.computeIfAbsent(decimals * 2 + (total ? 1 : 0), k -> {
				var pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
				var style = workbook.createCellStyle();
				style.setDataFormat(workbook.createDataFormat().getFormat(pattern + ";-" + pattern));
				if (total) {
					style.setFont(bold);
				}
				return style;
			});
		}

	}

	/** The last row index a sheet can take (0-based), leaving the header on row 0. */
	static final int MAX_DATA_ROW = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getLastRowIndex() - 3;

	private static org.apache.poi.ss.usermodel.Sheet newSheet(SXSSFWorkbook workbook, Table table, Voice voice,
			XlsxStyles styles, int number, int top) {
		var name = voice.codes() ? "report" : voice.say("export.sheet");
		var sheet = workbook.createSheet(number == 1 ? name : name + " (" + number + ")");
		if (top > 0) {
			var title = sheet.createRow(0).createCell(0);
			title.setCellValue(table.title());
			title.setCellStyle(styles.title);
			sheet.createRow(1).createCell(0).setCellValue(table.subtitle());
		}
		var first = sheet.createRow(top);
		for (int i = 0; i < table.columns().size(); i++) {
			var cell = first.createCell(i);
			cell.setCellValue(voice.header(table.columns().get(i)));
			cell.setCellStyle(styles.header);
		}
		sheet.createFreezePane(0, top + 1);
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

	/** What a document puts before its table (a letter's heading, a summary, charts), or after it. */
	@FunctionalInterface
	interface Part {

		void write(Document document, Voice voice);

	}

	/** Helvetica as the PDF writes it, to measure text before placing it. */
	static final BaseFont REGULAR = font(BaseFont.HELVETICA);

	static final BaseFont BOLD = font(BaseFont.HELVETICA_BOLD);

	private static BaseFont font(String name) {
		try {
			return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
		}
		catch (DocumentException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static com.lowagie.text.Font regular(float size) {
		return new com.lowagie.text.Font(REGULAR, size);
	}

	static com.lowagie.text.Font bold(float size) {
		return new com.lowagie.text.Font(BOLD, size);
	}

	static void pdf(Table table, Voice voice, String generatedBy, OutputStream out) {
		pdf(table, voice, generatedBy, out, null, null);
	}

	/**
	 * A report on paper: the title and subtitle (or {@code before}, for a document with its own
	 * heading), the table when it has columns, then {@code after}. Columns are sized from what they
	 * hold, so that a figure never wraps: figures keep their full width, text shares what is left
	 * and wraps; when even the figures do not fit, the type gets smaller, then the page larger.
	 */
	static void pdf(Table table, Voice voice, String generatedBy, OutputStream out, Part before, Part after) {
		var columns = table.columns();
		int section = table.sectionColumn();
		var currencies = table.currencies();
		// The rows as text: a PDF table is held whole until it is laid out, so this costs nothing more.
		var rows = new java.util.ArrayList<String[]>();
		var headings = new java.util.ArrayList<String>();
		var total = new BigDecimal[] { BigDecimal.ZERO };
		var currentSection = new Object[] { null };
		table.rows().accept(raw -> {
			var values = presented(table, currencies, voice, raw);
			if (section >= 0 && values[section] != null && !values[section].equals(currentSection[0])) {
				currentSection[0] = values[section];
				headings.add(values[section].toString());
				rows.add(null);
			}
			var text = new String[values.length];
			for (int i = 0; i < values.length; i++) {
				text[i] = pdfText(voice, values[i]);
			}
			rows.add(text);
			if (table.totalColumn() >= 0 && values[table.totalColumn()] != null) {
				total[0] = total[0].add((BigDecimal) values[table.totalColumn()]);
			}
		});
		String[] totals = null;
		if (table.totalColumn() >= 0) {
			totals = new String[columns.size()];
			java.util.Arrays.fill(totals, "");
			totals[section == 0 ? 1 : 0] = voice.say("export.total");
			totals[table.totalColumn()] = voice.number(total[0], Math.max(0, total[0].scale()));
		}
		var shown = new java.util.ArrayList<Integer>();
		for (int i = 0; i < columns.size(); i++) {
			if (i != section) {
				shown.add(i);
			}
		}
		var layout = Layout.of(columns, shown, voice, rows, totals);

		var document = new Document(layout.page(), MARGIN, MARGIN, 36, 40);
		var writer = PdfWriter.getInstance(document, out);
		writer.setPageEvent(new Footer(voice, generatedBy));
		document.open();
		if (before != null) {
			before.write(document, voice);
		}
		else {
			document.add(new Paragraph(table.title(), bold(14)));
			document.add(new Paragraph(table.subtitle(), regular(9)));
		}
		if (!shown.isEmpty() && !columns.isEmpty()) {
			var pdfTable = new PdfPTable(shown.size());
			pdfTable.setTotalWidth(layout.widths());
			pdfTable.setLockedWidth(true);
			pdfTable.setHorizontalAlignment(Element.ALIGN_LEFT);
			pdfTable.setSpacingBefore(8);
			pdfTable.setHeaderRows(1);
			var small = regular(layout.size());
			var strong = bold(layout.size());
			for (int i : shown) {
				pdfTable.addCell(new PdfPCell(new Phrase(voice.header(columns.get(i)), strong)));
			}
			var heading = bold(layout.size() + 1.5f);
			int h = 0;
			for (var text : rows) {
				if (text == null) {
					var cell = new PdfPCell(new Phrase(headings.get(h++), heading));
					cell.setColspan(shown.size());
					cell.setPaddingTop(6);
					pdfTable.addCell(cell);
					continue;
				}
				addRow(pdfTable, columns, shown, text, small);
			}
			if (totals != null) {
				addRow(pdfTable, columns, shown, totals, strong);
			}
			document.add(pdfTable);
		}
		if (after != null) {
			after.write(document, voice);
		}
		document.close();
	}

	private static void addRow(PdfPTable pdfTable, List<Column> columns, List<Integer> shown, String[] text,
			com.lowagie.text.Font font) {
		for (int i : shown) {
			var cell = new PdfPCell(new Phrase(text[i], font));
			if (columns.get(i).kind().figure() && columns.get(i).kind() != Kind.DATE
					&& columns.get(i).kind() != Kind.TIMESTAMP) {
				cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
			}
			if (columns.get(i).kind().figure()) {
				cell.setNoWrap(true);
			}
			pdfTable.addCell(cell);
		}
	}

	static String pdfText(Voice voice, Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal n) {
			return voice.number(n, Math.max(0, n.scale()));
		}
		if (value instanceof Integer || value instanceof Long) {
			// Years and entry numbers are not grouped; counts of thousands rarely reach a table.
			return value.toString();
		}
		if (value instanceof LocalDate date) {
			return voice.date(date);
		}
		if (value instanceof Instant at) {
			return voice.timestamp(at);
		}
		return value.toString();
	}

	/** A bar chart: its title, a bar per label, values shown with {@code digits} decimals. */
	record Chart(String title, List<java.util.Map.Entry<String, BigDecimal>> bars, int digits) {
	}

	/**
	 * Bar charts on paper, two side by side: each a heading, then a row per bar with its label, the
	 * bar drawn to scale, and the value in figures, so that the chart reads in black and white too.
	 */
	static void charts(Document document, Voice voice, List<Chart> charts) {
		var grid = new PdfPTable(2);
		grid.setWidthPercentage(100);
		grid.setSpacingBefore(6);
		for (var chart : charts) {
			var max = chart.bars().stream().map(java.util.Map.Entry::getValue).max(BigDecimal::compareTo)
				.orElse(BigDecimal.ZERO);
			var bars = new PdfPTable(new float[] { 3.2f, 4f, 1.8f });
			bars.setWidthPercentage(100);
			var title = new PdfPCell(new Phrase(chart.title(), bold(9)));
			title.setColspan(3);
			title.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
			title.setPaddingBottom(4);
			bars.addCell(title);
			for (var bar : chart.bars()) {
				var label = new PdfPCell(new Phrase(bar.getKey(), regular(7.5f)));
				label.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
				bars.addCell(label);
				var share = max.signum() <= 0 ? 0f : bar.getValue().floatValue() / max.floatValue();
				var drawn = new PdfPCell();
				drawn.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
				drawn.setCellEvent((cell, position, canvases) -> {
					var canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
					canvas.saveState();
					canvas.setRGBColorFill(0x1f, 0x5f, 0x9f);
					// A bar of one line's height at the top of its row, however many lines its label takes.
					float height = Math.min(position.getHeight() - 4, 7);
					canvas.rectangle(position.getLeft() + 1, position.getTop() - 2 - height,
							Math.max(0.5f, (position.getWidth() - 2) * Math.max(0, share)), height);
					canvas.fill();
					canvas.restoreState();
				});
				bars.addCell(drawn);
				var value = new PdfPCell(new Phrase(voice.number(bar.getValue(), chart.digits()), regular(7.5f)));
				value.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
				value.setHorizontalAlignment(Element.ALIGN_RIGHT);
				value.setNoWrap(true);
				bars.addCell(value);
			}
			var holder = new PdfPCell(bars);
			holder.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
			holder.setPadding(6);
			grid.addCell(holder);
		}
		if (charts.size() % 2 == 1) {
			var empty = new PdfPCell();
			empty.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
			grid.addCell(empty);
		}
		document.add(grid);
	}

	static final float MARGIN = 24;

	/** Cell padding (2 points each side) and borders, added to what the text measures. */
	private static final float PADDING = 6;

	/** Column widths and a type size with which every figure stays on one line. */
	record Layout(com.lowagie.text.Rectangle page, float size, float[] widths) {

		private static final float LARGEST = 7.5f;

		private record Candidate(com.lowagie.text.Rectangle page, float smallest) {
		}

		private static final List<Candidate> CANDIDATES = List.of(new Candidate(PageSize.A4, 7f),
				new Candidate(PageSize.A4.rotate(), 6f), new Candidate(PageSize.A3.rotate(), 5f));

		private static final float SMALLEST = 5f;

		/** The narrowest a text column gets before the type shrinks: about ten characters. */
		private static final float TEXT_MIN = 10;

		static Layout of(List<Column> columns, List<Integer> shown, Voice voice, List<String[]> rows, String[] totals) {
			// Widths at a type size of 1 point: what each column's widest cell needs, and its longest word.
			var need = new float[shown.size()];
			var word = new float[shown.size()];
			for (int c = 0; c < shown.size(); c++) {
				var header = voice.header(columns.get(shown.get(c)));
				for (var part : header.split("\\s+")) {
					word[c] = Math.max(word[c], BOLD.getWidthPoint(part, 1));
				}
				// Headers wrap between words: a column needs only its longest word of the header.
				need[c] = word[c];
			}
			for (var row : rows) {
				measure(row, shown, need, REGULAR);
				words(row, shown, word);
			}
			measure(totals, shown, need, BOLD);
			// The largest type that fits: upright A4 first (a letter, a short table), then landscape, then A3.
			for (var candidate : CANDIDATES) {
				float available = candidate.page().getWidth() - 2 * MARGIN;
				for (float size = LARGEST; size >= candidate.smallest(); size -= 0.5f) {
					var widths = widths(columns, shown, need, word, size, available);
					if (widths != null) {
						return new Layout(candidate.page(), size, widths);
					}
				}
			}
			// Nothing fits whole even at the smallest type on A3: figures at their width, and the page scrolls.
			var widths = new float[shown.size()];
			for (int c = 0; c < widths.length; c++) {
				widths[c] = need[c] * SMALLEST + PADDING;
			}
			float sum = 0;
			for (var w : widths) {
				sum += w;
			}
			return new Layout(new com.lowagie.text.Rectangle(sum + 2 * MARGIN, PageSize.A3.getWidth()), SMALLEST, widths);
		}

		/** The widest word of a text cell, up to about thirty characters: a code or a reference is never cut. */
		private static void words(String[] row, List<Integer> shown, float[] word) {
			if (row == null) {
				return;
			}
			float cap = REGULAR.getWidthPoint("M".repeat(24), 1);
			for (int c = 0; c < shown.size(); c++) {
				var text = row[shown.get(c)];
				if (text != null && !text.isEmpty()) {
					for (var part : text.split(" ")) {
						word[c] = Math.max(word[c], Math.min(cap, REGULAR.getWidthPoint(part, 1)));
					}
				}
			}
		}

		private static void measure(String[] row, List<Integer> shown, float[] need, BaseFont font) {
			if (row == null) {
				return;
			}
			for (int c = 0; c < shown.size(); c++) {
				var text = row[shown.get(c)];
				if (text != null && !text.isEmpty()) {
					need[c] = Math.max(need[c], font.getWidthPoint(text, 1));
				}
			}
		}

		/** Widths that fit {@code available} at this size, or null. */
		private static float[] widths(List<Column> columns, List<Integer> shown, float[] need, float[] word, float size,
				float available) {
			var widths = new float[shown.size()];
			float fixed = 0;
			float wanted = 0;
			float least = 0;
			for (int c = 0; c < widths.length; c++) {
				float full = need[c] * size + PADDING;
				if (columns.get(shown.get(c)).kind().figure()) {
					widths[c] = full;
					fixed += full;
				}
				else {
					wanted += full;
					least += Math.min(full, Math.max(word[c] * size, TEXT_MIN * size) + PADDING);
				}
			}
			if (fixed + least > available) {
				return null;
			}
			// Text columns take what they need when it fits, else share what is left by need, never below their least.
			float room = available - fixed;
			float scale = wanted <= room ? 1 : room / wanted;
			for (int c = 0; c < widths.length; c++) {
				if (!columns.get(shown.get(c)).kind().figure()) {
					float full = need[c] * size + PADDING;
					float min = Math.min(full, Math.max(word[c] * size, TEXT_MIN * size) + PADDING);
					widths[c] = Math.max(min, full * scale);
				}
			}
			// Raising some columns to their least may overshoot: take it back from the widest text columns.
			float sum = 0;
			for (var w : widths) {
				sum += w;
			}
			for (int round = 0; sum > available && round < 50; round++) {
				int widest = -1;
				for (int c = 0; c < widths.length; c++) {
					if (!columns.get(shown.get(c)).kind().figure() && (widest < 0 || widths[c] > widths[widest])) {
						widest = c;
					}
				}
				float min = Math.max(word[widest] * size, TEXT_MIN * size) + PADDING;
				float cut = Math.min(sum - available, widths[widest] - min);
				if (cut <= 0) {
					return null;
				}
				widths[widest] -= cut;
				sum -= cut;
			}
			return sum <= available + 0.01f ? widths : null;
		}

	}

	/** "Page x of y" at the foot of every page, and who generated the document when. */
	private static final class Footer extends PdfPageEventHelper {

		private final Voice voice;

		private final String generated;

		private PdfTemplate pages;

		Footer(Voice voice, String generatedBy) {
			this.voice = voice;
			this.generated = voice.say("export.generated", voice.timestamp(Instant.now()), generatedBy);
		}

		@Override
		public void onOpenDocument(PdfWriter writer, Document document) {
			pages = writer.getDirectContent().createTemplate(40, 12);
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			var canvas = writer.getDirectContent();
			float y = document.bottom() - 20;
			var page = voice.say("export.page", Integer.toString(writer.getPageNumber())) + " ";
			float width = REGULAR.getWidthPoint(page, 8);
			float x = document.right() - 24 - width;
			canvas.beginText();
			canvas.setFontAndSize(REGULAR, 8);
			canvas.setTextMatrix(document.left(), y);
			canvas.showText(generated);
			canvas.setTextMatrix(x, y);
			canvas.showText(page);
			canvas.endText();
			canvas.addTemplate(pages, x + width, y);
		}

		@Override
		public void onCloseDocument(PdfWriter writer, Document document) {
			pages.beginText();
			pages.setFontAndSize(REGULAR, 8);
			pages.setTextMatrix(0, 0);
			// The writer has already counted the page after the last.
			pages.showText(Integer.toString(writer.getPageNumber() - 1));
			pages.endText();
		}

	}

}
