package org.tafund.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.tafund.shared.BusinessRuleViolation;
import org.xml.sax.InputSource;

/**
 * The tables of an uploaded file, as text: each sheet of an XLSX workbook (read as a stream, so that
 * twenty thousand rows take no more memory than their text), or a CSV file as one table named after
 * the file. Cells read as they would in the CSV the sheet could be saved as: dates as ISO dates,
 * numbers without their display rounding.
 */
final class Tables {

	/** More rows than the Fund has donors, pledges and agreements together in decades. */
	static final int MAX_ROWS = 100_000;

	/** A number as a sheet without styles stores it, exponent and all (within what a double holds). */
	private static final Pattern EXPONENT = Pattern.compile("-?\\d+(\\.\\d+)?[eE][-+]?\\d{1,3}");

	/** No layout has this many columns: cells beyond are not read (nor padded to). */
	static final int MAX_COLUMNS = 64;

	/** How the formatter marks a cell that held a number, so that it is never read as typed text. */
	private static final char NUMBER = '\u0001';

	record Table(String name, List<String> header, List<Row> rows) {
	}

	/**
	 * A row as the spreadsheet numbers it (the header is row 1), its cells by column from A, and the
	 * columns whose cells held numbers (written plainly, a point before any decimals, whatever the
	 * reader's language).
	 */
	record Row(int number, List<String> cells, java.util.BitSet numbers) {

		Row(int number, List<String> cells) {
			this(number, cells, new java.util.BitSet());
		}

		String cell(int column) {
			return column < 0 || column >= cells.size() ? null : cells.get(column);
		}

		boolean isNumber(int column) {
			return numbers.get(column);
		}

	}

	private Tables() {
	}

	static boolean isXlsx(byte[] content) {
		return content.length >= 2 && content[0] == 'P' && content[1] == 'K';
	}

	static List<Table> read(String fileName, byte[] content) {
		return isXlsx(content) ? xlsx(content) : List.of(csv(fileName, content));
	}

	/** A column's letter, as a spreadsheet shows it (0 is A). */
	static String letter(int column) {
		return CellReference.convertNumToColString(column);
	}

	private static List<Table> xlsx(byte[] content) {
		var tables = new ArrayList<Table>();
		java.nio.file.Path file = null;
		// From a file, the package reads each part as it is asked for; from a stream it would inflate them all into memory.
		try {
			file = java.nio.file.Files.createTempFile("tafund-import-", ".xlsx");
			java.nio.file.Files.write(file, content);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		try (var pkg = OPCPackage.open(file.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
			var reader = new XSSFReader(pkg);
			var strings = new ReadOnlySharedStringsTable(pkg);
			var styles = reader.getStylesTable();
			var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					var collector = new Collector();
					var parser = XMLHelper.newXMLReader();
					parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, collector, new PlainFormatter(), false));
					parser.parse(new InputSource(sheet));
					tables.add(collector.table(sheets.getSheetName()));
				}
			}
		}
		catch (BusinessRuleViolation e) {
			throw e;
		}
		catch (Exception e) {
			throw new BusinessRuleViolation("import.unreadable");
		}
		finally {
			try {
				java.nio.file.Files.deleteIfExists(file);
			}
			catch (IOException e) {
				file.toFile().deleteOnExit();
			}
		}
		return tables;
	}

	private static Table csv(String fileName, byte[] content) {
		var text = decode(content);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		var firstLine = text.lines().findFirst().orElse("");
		char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';'
				: count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
		var rows = new ArrayList<Row>();
		// Blank lines kept as records, so that a record's number is the row a spreadsheet shows.
		try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get()
			.parse(new StringReader(text))) {
			for (var record : parser) {
				if (record.getRecordNumber() > MAX_ROWS) {
					throw new BusinessRuleViolation("import.tooLarge", MAX_ROWS);
				}
				var cells = record.toList();
				rows.add(new Row((int) record.getRecordNumber(),
						trimmed(cells.size() > MAX_COLUMNS ? cells.subList(0, MAX_COLUMNS) : cells)));
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			throw new BusinessRuleViolation("import.unreadable");
		}
		var name = fileName == null ? "CSV" : fileName.replaceFirst("(?i)\\.csv$", "");
		return table(name, rows);
	}

	/** UTF-8 as every current tool writes it; else the Windows code page a spreadsheet saves CSV in. */
	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			return new String(content, Charset.forName("windows-1252"));
		}
	}

	private static long count(String line, char c) {
		return line.chars().filter(x -> x == c).count();
	}

	private static List<String> trimmed(List<String> cells) {
		var list = new ArrayList<String>(cells.size());
		for (var cell : cells) {
			list.add(cell == null || cell.isBlank() ? null : cell.strip());
		}
		return list;
	}

	/** The first row is the header; blank rows are left out (they are how sheets end). */
	private static Table table(String name, List<Row> rows) {
		var filled = rows.stream().filter(r -> r.cells().stream().anyMatch(c -> c != null)).toList();
		if (filled.isEmpty()) {
			return new Table(name, List.of(), List.of());
		}
		var header = filled.get(0).cells().stream().map(c -> c == null ? "" : c).toList();
		return new Table(name, header, filled.subList(1, filled.size()));
	}

	/** A sheet's rows, as the streaming reader hands over its cells. */
	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final List<Row> rows = new ArrayList<>();

		private List<String> cells;

		private java.util.BitSet numbers;

		@Override
		public void startRow(int rowNum) {
			if (rowNum >= MAX_ROWS) {
				throw new BusinessRuleViolation("import.tooLarge", MAX_ROWS);
			}
			cells = new ArrayList<>();
			numbers = new java.util.BitSet();
		}

		@Override
		public void endRow(int rowNum) {
			rows.add(new Row(rowNum + 1, trimmed(cells), numbers));
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			// The reference is optional in the format: without it, a cell follows the one before.
			int column = reference == null ? cells.size() : new CellReference(reference).getCol();
			if (column >= MAX_COLUMNS || column < cells.size()) {
				return;
			}
			while (cells.size() < column) {
				cells.add(null);
			}
			if (value != null && !value.isEmpty() && value.charAt(0) == NUMBER) {
				numbers.set(column);
				cells.add(value.substring(1));
			}
			else if (value != null && EXPONENT.matcher(value).matches()) {
				// A number of a sheet without styles, as stored: no formatter saw it.
				numbers.set(column);
				cells.add(new BigDecimal(value).toPlainString());
			}
			else {
				cells.add(value);
			}
		}

		Table table(String name) {
			return Tables.table(name, rows);
		}

	}

	/**
	 * Dates as ISO dates, numbers as a double holds them to 15 significant digits (what a spreadsheet
	 * shows: a formula's 375001.05000000005 is 375001.05), never the display format's rounding; numbers
	 * marked as such.
	 */
	private static final class PlainFormatter extends DataFormatter {

		PlainFormatter() {
			super(java.util.Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value).toLocalDate().toString();
			}
			return NUMBER + new BigDecimal(Double.toString(value)).round(new java.math.MathContext(15))
				.stripTrailingZeros()
				.toPlainString();
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			return formatRawCellContents(value, formatIndex, formatString);
		}

	}

}
