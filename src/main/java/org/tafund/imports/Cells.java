package org.tafund.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.tafund.shared.AmountText;
import org.tafund.shared.BusinessRuleViolation;

/**
 * Reads the cells of one table's rows by their headers, and writes down every cell it cannot read
 * (with its sheet, row, column letter and header) instead of stopping at the first.
 */
final class Cells {

	/** A refused cell (or row, when {@code cell} is null), with the message a reader is shown. */
	record Problem(String sheet, int row, String cell, String column, MessageSourceResolvable message) {
	}

	private static final Set<String> YES = Set.of("yes", "y", "true", "1", "x", "oui", "si", "sí");

	private static final Set<String> NO = Set.of("no", "n", "false", "0", "non");

	private final Tables.Table table;

	private final Map<String, Integer> index = new HashMap<>();

	private final List<Problem> problems;

	private final Locale locale;

	private int refusedRow = -1;

	Cells(Tables.Table table, Layout layout, List<Problem> problems, Locale locale) {
		this.table = table;
		this.problems = problems;
		this.locale = locale;
		for (int i = 0; i < table.header().size(); i++) {
			index.putIfAbsent(Layout.key(table.header().get(i)), i);
		}
		for (var column : layout.columns()) {
			if (column.required() && !index.containsKey(Layout.key(column.header()))) {
				problems.add(new Problem(table.name(), 1, null, column.header(), message("import.column.missing", column.header())));
			}
		}
	}

	/** Headers of the table that no column of its layout reads. */
	static List<String> unread(Tables.Table table, Layout layout) {
		var known = layout.columns().stream().map(c -> Layout.key(c.header())).toList();
		return table.header().stream().filter(h -> !h.isBlank() && !known.contains(Layout.key(h))).toList();
	}

	String text(Tables.Row row, String header, int max) {
		var value = raw(row, header);
		if (value != null && value.length() > max) {
			refuse(row, header, "import.cell.tooLong", max);
			return null;
		}
		return value;
	}

	String required(Tables.Row row, String header, int max) {
		var value = text(row, header, max);
		if (value == null && raw(row, header) == null) {
			refuse(row, header, "import.cell.required");
		}
		return value;
	}

	LocalDate date(Tables.Row row, String header, boolean required) {
		var value = raw(row, header);
		if (value == null) {
			if (required) {
				refuse(row, header, "import.cell.required");
			}
			return null;
		}
		try {
			// A date cell reads as an ISO date with a time of midnight in some tools.
			return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
		}
		catch (DateTimeParseException e) {
			refuse(row, header, "import.cell.date", value);
			return null;
		}
	}

	BigDecimal amount(Tables.Row row, String header, boolean required) {
		var value = raw(row, header);
		if (value == null) {
			if (required) {
				refuse(row, header, "import.cell.required");
			}
			return null;
		}
		var amount = number(row, header, value);
		if (amount.isEmpty()) {
			refuse(row, header, "import.cell.amount", value);
			return null;
		}
		return amount.get();
	}

	/** A rate written as a share (0.13) or a percentage (13%). */
	BigDecimal rate(Tables.Row row, String header) {
		var value = raw(row, header);
		if (value == null) {
			return null;
		}
		boolean percent = value.endsWith("%");
		var number = percent ? AmountText.parse(value.substring(0, value.length() - 1), locale) : number(row, header, value);
		if (number.isEmpty()) {
			refuse(row, header, "import.cell.rate", value);
			return null;
		}
		return percent ? number.get().movePointLeft(2) : number.get();
	}

	Integer whole(Tables.Row row, String header) {
		var value = raw(row, header);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			refuse(row, header, "import.cell.whole", value);
			return null;
		}
	}

	Boolean yesNo(Tables.Row row, String header) {
		var value = raw(row, header);
		if (value == null) {
			return null;
		}
		var key = value.toLowerCase(Locale.ROOT);
		if (YES.contains(key)) {
			return true;
		}
		if (NO.contains(key)) {
			return false;
		}
		refuse(row, header, "import.cell.yesNo", value);
		return null;
	}

	/** One of an enumeration's codes, written as the code or with spaces for underscores, in any case. */
	<E extends Enum<E>> E code(Tables.Row row, String header, Class<E> type, boolean required) {
		var value = raw(row, header);
		if (value == null) {
			if (required) {
				refuse(row, header, "import.cell.required");
			}
			return null;
		}
		for (var constant : type.getEnumConstants()) {
			if (Layout.key(constant.name()).equals(Layout.key(value))) {
				return constant;
			}
		}
		refuse(row, header, "import.cell.code", value,
				String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
		return null;
	}

	void refuse(Tables.Row row, String header, String code, Object... arguments) {
		refuse(row, header, message(code, arguments));
	}

	void refuse(Tables.Row row, String header, MessageSourceResolvable message) {
		refusedRow = row.number();
		var column = header == null ? null : index.get(Layout.key(header));
		problems.add(new Problem(table.name(), row.number(), column == null ? null : Tables.letter(column) + row.number(),
				header, message));
	}

	/** A rule of the domain refused the row: beside the column it concerns, or on the row. */
	void refuse(Tables.Row row, String header, BusinessRuleViolation refusal) {
		refuse(row, header, new DefaultMessageSourceResolvable(new String[] { refusal.messageKey() }, refusal.arguments(),
				refusal.messageKey()));
	}

	/** Whether this row has been refused so far (rows are read one after another). */
	boolean refused(Tables.Row row) {
		return refusedRow == row.number();
	}

	/** A number cell as it is; text as the reader's language writes numbers. */
	private java.util.Optional<BigDecimal> number(Tables.Row row, String header, String value) {
		var column = index.get(Layout.key(header));
		if (column != null && row.isNumber(column)) {
			try {
				return java.util.Optional.of(new BigDecimal(value));
			}
			catch (NumberFormatException e) {
				return java.util.Optional.empty();
			}
		}
		return AmountText.parse(value, locale);
	}

	private String raw(Tables.Row row, String header) {
		var column = index.get(Layout.key(header));
		return column == null ? null : row.cell(column);
	}

	static MessageSourceResolvable message(String code, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { code }, arguments, code);
	}

}
