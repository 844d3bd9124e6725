package org.tafund.imports;

import java.io.ByteArrayInputStream;
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

	private static final Pattern EXPONENT = Pattern.compile("-?\\d+(\\.\\d+)?[eE][-+]?\\d+");

	record Table(String name, List<String> header, List<Row> rows) {
	}

	/** A row as the spreadsheet numbers it (the header is row 1), its cells by column from A. */
	record Row(int number, List<String> cells) {

		String cell(int column) {
			return column < 0 || column >= cells.size() ? null : cells.get(column);
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
		try (var pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
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
		try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
			for (var record : parser) {
				if (record.getRecordNumber() > MAX_ROWS) {
					throw new BusinessRuleViolation("import.tooLarge", MAX_ROWS);
				}
				rows.add(new Row((int) record.getRecordNumber(), trimmed(record.toList())));
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

		@Override
		public void startRow(int rowNum) {
			if (rowNum >= MAX_ROWS) {
				throw new BusinessRuleViolation("import.tooLarge", MAX_ROWS);
			}
			cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			rows.add(new Row(rowNum + 1, trimmed(cells)));
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = new CellReference(reference).getCol();
			while (cells.size() < column) {
				cells.add(null);
			}
			cells.add(value != null && EXPONENT.matcher(value).matches() ? new BigDecimal(value).toPlainString() : value);
		}

		Table table(String name) {
			return Tables.table(name, rows);
		}

	}

	/** Dates as ISO dates, numbers at their full precision: never the display format's rounding. */
	private static final class PlainFormatter extends DataFormatter {

		PlainFormatter() {
			super(java.util.Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value).toLocalDate().toString();
			}
			return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			return formatRawCellContents(value, formatIndex, formatString);
		}

	}

}
