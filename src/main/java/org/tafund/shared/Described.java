package org.tafund.shared;

/**
 * A record that another names in a list (an agreement's instalments): what the History panel shows
 * of it, instead of an object reference nobody can read.
 */
public interface Described {

	String describe();

	/** The same in the reader's language where it holds figures (grouped as the reader groups). */
	default String describe(java.util.Locale locale) {
		return describe();
	}

	/** An amount grouped as the reader groups, with at least cents. */
	static String grouped(java.math.BigDecimal amount, java.util.Locale locale) {
		var format = java.text.NumberFormat.getNumberInstance(locale);
		var plain = amount.stripTrailingZeros();
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(Math.max(2, plain.scale()));
		return format.format(amount);
	}

}
