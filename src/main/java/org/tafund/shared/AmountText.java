package org.tafund.shared;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount as people write it: {@code 1,000,000.00}, {@code 1000000}, {@code 1 000 000,00},
 * {@code 1.000.000,00} and {@code 1'000'000.00} are the same number. Group separators must group
 * by three; a lone separator followed by exactly three digits ({@code 1,000}) is read by the
 * reader's language (a thousand in English, one in French). Anything else is not an amount.
 */
public final class AmountText {

	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:[.,]\\d{3})+");

	private static final Pattern PLAIN = Pattern.compile("\\d+");

	private static final Pattern SPACED = Pattern.compile("[\\s\\u00A0\\u202F'’]");

	private static final Pattern SPACE_GROUPED = Pattern.compile("\\d{1,3}(?:[\\s\\u00A0\\u202F'’]\\d{3})+(?:[.,]\\d+)?");

	private AmountText() {
	}

	public static Optional<BigDecimal> parse(String text, Locale locale) {
		if (text == null) {
			return Optional.empty();
		}
		var s = text.strip();
		boolean negative = s.startsWith("-");
		if (negative) {
			s = s.substring(1);
		}
		// Spaces of every kind and apostrophes only ever group digits, by three, before the decimals.
		if (SPACED.matcher(s).find()) {
			if (!SPACE_GROUPED.matcher(s).matches()) {
				return Optional.empty();
			}
			s = SPACED.matcher(s).replaceAll("");
			int mark = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
			if (mark >= 0) {
				s = s.substring(0, mark) + "." + s.substring(mark + 1);
			}
			var value = new BigDecimal(s);
			return Optional.of(negative ? value.negate() : value);
		}
		if (s.isEmpty()) {
			return Optional.empty();
		}
		int lastComma = s.lastIndexOf(',');
		int lastDot = s.lastIndexOf('.');
		String integer;
		String fraction;
		if (lastComma >= 0 && lastDot >= 0) {
			// Both: the last one is the decimal mark, the other groups.
			int mark = Math.max(lastComma, lastDot);
			char group = mark == lastComma ? '.' : ',';
			integer = s.substring(0, mark);
			fraction = s.substring(mark + 1);
			if (integer.indexOf(s.charAt(mark)) >= 0 || !grouped(integer, group)) {
				return Optional.empty();
			}
			integer = integer.replace(String.valueOf(group), "");
		}
		else if (lastComma >= 0 || lastDot >= 0) {
			char sign = lastComma >= 0 ? ',' : '.';
			int first = s.indexOf(sign);
			int last = s.lastIndexOf(sign);
			String after = s.substring(last + 1);
			char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
			boolean groups = first != last || (after.length() == 3 && sign != decimal);
			if (groups) {
				if (!grouped(s, sign)) {
					return Optional.empty();
				}
				integer = s.replace(String.valueOf(sign), "");
				fraction = "";
			}
			else {
				integer = s.substring(0, last);
				fraction = after;
			}
		}
		else {
			integer = s;
			fraction = "";
		}
		if (!PLAIN.matcher(integer).matches() || !fraction.isEmpty() && !PLAIN.matcher(fraction).matches()) {
			return Optional.empty();
		}
		var value = new BigDecimal(fraction.isEmpty() ? integer : integer + "." + fraction);
		return Optional.of(negative ? value.negate() : value);
	}

	private static boolean grouped(String digits, char group) {
		return digits.indexOf(group) < 0 ? PLAIN.matcher(digits).matches()
				: GROUPED.matcher(digits).matches() && digits.indexOf(group == ',' ? '.' : ',') < 0;
	}

}
