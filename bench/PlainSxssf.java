import java.io.FileOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.ZoneOffset;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The baseline of the XLSX benchmark: the ledger query read over JDBC with the same fetch size
 * and written with SXSSF as directly as possible, with the cell types and styles of the app's
 * export (Exports.xlsx) but none of the application around it: no HTTP, no row objects.
 *
 * java -Xmx256m -cp 'lib/*' bench/PlainSxssf.java URL USER PASSWORD QUERY_FILE OUT.xlsx
 * Prints "rows millis_to_first_row millis_total".
 */
public class PlainSxssf {

	public static void main(String[] args) throws Exception {
		var sql = Files.readString(Path.of(args[3]));
		long start = System.nanoTime();
		long first = -1;
		long rows = 0;
		try (var connection = DriverManager.getConnection(args[0], args[1], args[2]);
				var statement = connection.prepareStatement(sql);
				var out = new FileOutputStream(args[4])) {
			connection.setReadOnly(true);
			statement.setFetchSize(1000);
			var workbook = new SXSSFWorkbook(200);
			var sheet = workbook.createSheet("Report");
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
			var names = new String[] { "date", "type", "donor", "agreement", "project", "window", "conditional", "amount",
					"currency", "rate", "rate_date", "usd", "reference", "recorded_by", "recorded_at" };
			var top = sheet.createRow(0);
			for (int i = 0; i < names.length; i++) {
				var cell = top.createCell(i);
				cell.setCellValue(names[i]);
				cell.setCellStyle(header);
			}
			sheet.createFreezePane(0, 1);
			var total = BigDecimal.ZERO;
			try (var rs = statement.executeQuery()) {
				while (rs.next()) {
					if (first < 0) {
						first = System.nanoTime();
					}
					var row = sheet.createRow((int) ++rows);
					row.createCell(0).setCellValue(rs.getDate(1).toLocalDate());
					row.getCell(0).setCellStyle(date);
					for (int i : new int[] { 2, 3, 4, 5, 6, 9, 13, 14 }) {
						var text = rs.getString(i);
						if (text != null) {
							row.createCell(i - 1).setCellValue(text);
						}
					}
					var conditional = rs.getObject(7, Boolean.class);
					if (conditional != null) {
						row.createCell(6).setCellValue(conditional ? "yes" : "no");
					}
					for (int i : new int[] { 8, 10, 12 }) {
						var number = rs.getBigDecimal(i);
						if (number != null) {
							var cell = row.createCell(i - 1);
							cell.setCellValue(number.doubleValue());
							cell.setCellStyle(i == 10 ? rate : amount);
						}
					}
					var rateDate = rs.getDate(11);
					if (rateDate != null) {
						var cell = row.createCell(10);
						cell.setCellValue(rateDate.toLocalDate());
						cell.setCellStyle(date);
					}
					var recordedAt = rs.getTimestamp(15);
					if (recordedAt != null) {
						var cell = row.createCell(14);
						cell.setCellValue(recordedAt.toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime());
						cell.setCellStyle(timestamp);
					}
					var usd = rs.getBigDecimal(12);
					if (usd != null) {
						total = total.add(usd);
					}
				}
			}
			var totals = sheet.createRow((int) rows + 1);
			totals.createCell(0).setCellValue("Total");
			totals.createCell(11).setCellValue(total.doubleValue());
			workbook.write(out);
			workbook.close();
		}
		long end = System.nanoTime();
		System.out.println(rows + " " + (first < 0 ? -1 : (first - start) / 1_000_000) + " " + (end - start) / 1_000_000);
	}

}
