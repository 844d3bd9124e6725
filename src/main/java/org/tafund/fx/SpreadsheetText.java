package org.tafund.fx;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;

import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.tafund.shared.BusinessRuleViolation;

/**
 * The first sheet of an XLSX file as CSV text, so that a spreadsheet is read by the same rules as
 * the CSV it could have been saved as: cells as they are shown, dates as ISO dates, numbers without
 * their display rounding.
 */
final class SpreadsheetText {

	/** A file this large would not be a list of rates. */
	static final int MAX_ROWS = 10_000;

	private SpreadsheetText() {
	}

	/** Whether these first bytes start a ZIP file, as every XLSX does. */
	static boolean isXlsx(byte[] start) {
		return start.length >= 2 && start[0] == 'P' && start[1] == 'K';
	}

	static String csvOf(InputStream xlsx) {
		var formatter = new DataFormatter(java.util.Locale.ROOT);
		var out = new StringWriter();
		try (var workbook = WorkbookFactory.create(xlsx); var printer = CSVFormat.DEFAULT.print(out)) {
			var sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw new BusinessRuleViolation("fx.import.unreadable");
			}
			for (var row : sheet) {
				var cells = new ArrayList<String>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					var cell = row.getCell(c);
					if (cell == null) {
						cells.add("");
					}
					else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
						cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
					}
					else if (cell.getCellType() == CellType.NUMERIC) {
						cells.add(new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros()
							.toPlainString());
					}
					else {
						cells.add(formatter.formatCellValue(cell));
					}
				}
				printer.printRecord(cells);
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof BusinessRuleViolation refusal) {
				throw refusal;
			}
			throw new BusinessRuleViolation("fx.import.unreadable");
		}
		return out.toString();
	}

}
