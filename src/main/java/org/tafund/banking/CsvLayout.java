package org.tafund.banking;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.tafund.shared.BusinessRuleViolation;

/**
 * A bank's CSV statement layout, saved per account: which column (by its header) holds the booking
 * date, the amount, and optionally the currency, the bank's reference, the sender and the
 * remittance text; the date's pattern, the delimiter and whether amounts use a decimal comma.
 * Credits are the positive amounts; a statement is known by the file's SHA-256, and an entry
 * without a reference column by the file and its line.
 */
record CsvLayout(String date, String amount, String currency, String reference, String debtor, String remittance,
		String datePattern, char delimiter, boolean decimalComma) {

	static final String FORMAT = "csv";

	CsvLayout {
		if (blank(date)) {
			throw BusinessRuleViolation.ofField("date", "bank.csv.column.required", "date");
		}
		if (blank(amount)) {
			throw BusinessRuleViolation.ofField("amount", "bank.csv.column.required", "amount");
		}
		datePattern = blank(datePattern) ? "yyyy-MM-dd" : datePattern.strip();
		try {
			DateTimeFormatter.ofPattern(datePattern);
		}
		catch (IllegalArgumentException e) {
			throw BusinessRuleViolation.ofField("datePattern", "bank.csv.datePattern", datePattern);
		}
		if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
			throw BusinessRuleViolation.ofField("delimiter", "bank.csv.delimiter");
		}
		date = date.strip();
		amount = amount.strip();
		currency = strip(currency);
		reference = strip(reference);
		debtor = strip(debtor);
		remittance = strip(remittance);
	}

	/** As stored on the account: one {@code key=value} line per setting. */
	String stored() {
		var lines = new LinkedHashMap<String, String>();
		lines.put("date", date);
		lines.put("amount", amount);
		lines.put("currency", currency);
		lines.put("reference", reference);
		lines.put("debtor", debtor);
		lines.put("remittance", remittance);
		lines.put("datePattern", datePattern);
		lines.put("delimiter", delimiter == '\t' ? "TAB" : String.valueOf(delimiter));
		lines.put("decimalComma", String.valueOf(decimalComma));
		var text = new StringBuilder();
		lines.forEach((key, value) -> {
			if (value != null) {
				text.append(key).append('=').append(value.replace("\n", " ")).append('\n');
			}
		});
		return text.toString();
	}

	static CsvLayout of(String stored) {
		if (stored == null || stored.isBlank()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		stored.lines().forEach(line -> {
			int equals = line.indexOf('=');
			if (equals > 0) {
				values.put(line.substring(0, equals), line.substring(equals + 1));
			}
		});
		var delimiter = values.getOrDefault("delimiter", ",");
		return new CsvLayout(values.get("date"), values.get("amount"), values.get("currency"), values.get("reference"),
				values.get("debtor"), values.get("remittance"), values.get("datePattern"),
				"TAB".equals(delimiter) ? '\t' : delimiter.charAt(0), Boolean.parseBoolean(values.get("decimalComma")));
	}

	/** Reads a statement in this layout; {@code accountCurrency} where the file names none. */
	Camt053.Statement read(byte[] file, String accountCurrency) {
		var hash = sha256(file);
		var entries = new ArrayList<Camt053.Entry>();
		LocalDate from = null;
		LocalDate to = null;
		var dates = DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
		var format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		int bom = bomLength(file);
		try (InputStream in = new java.io.ByteArrayInputStream(file, bom, file.length - bom);
				var parser = format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			var header = parser.getHeaderMap();
			for (var column : new String[] { date, amount, currency, reference, debtor, remittance }) {
				if (column != null && !header.containsKey(column)) {
					throw new BusinessRuleViolation("bank.csv.noColumn", column);
				}
			}
			for (var row : parser) {
				long line = parser.getCurrentLineNumber();
				var amountText = row.get(amount);
				BigDecimal value;
				try {
					value = new BigDecimal(decimalComma ? amountText.replace(".", "").replace(" ", "").replace(',', '.')
							: amountText.replace(",", "").replace(" ", ""));
				}
				catch (NumberFormatException e) {
					throw new BusinessRuleViolation("bank.csv.value", line, amount, amountText);
				}
				LocalDate booked;
				try {
					booked = LocalDate.parse(row.get(date), dates);
				}
				catch (DateTimeParseException e) {
					throw new BusinessRuleViolation("bank.csv.value", line, date, row.get(date));
				}
				from = from == null || booked.isBefore(from) ? booked : from;
				to = to == null || booked.isAfter(to) ? booked : to;
				var ref = reference == null || row.get(reference).isBlank() ? "CSV-" + hash.substring(0, 16) + "#" + line
						: row.get(reference);
				entries.add(new Camt053.Entry(ref, booked, value.abs(), currency == null ? accountCurrency : row.get(currency),
						value.signum() > 0, true, debtor == null ? null : row.get(debtor),
						remittance == null ? "" : row.get(remittance)));
			}
		}
		catch (IOException | java.io.UncheckedIOException e) {
			throw new BusinessRuleViolation("bank.statement.unreadable", 0);
		}
		return new Camt053.Statement(FORMAT, null, "CSV-" + hash.substring(0, 32), null, accountCurrency, from, to,
				java.util.List.copyOf(entries));
	}

	/** 3 when the file starts with UTF-8's byte-order mark (as spreadsheets write it), else 0. */
	static int bomLength(byte[] file) {
		return file.length >= 3 && (file[0] & 0xff) == 0xef && (file[1] & 0xff) == 0xbb && (file[2] & 0xff) == 0xbf ? 3 : 0;
	}

	private static String sha256(byte[] file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String strip(String text) {
		return blank(text) ? null : text.strip();
	}

}
