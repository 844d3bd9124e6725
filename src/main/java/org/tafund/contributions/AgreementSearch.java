package org.tafund.contributions;

import java.util.Locale;

/**
 * What the Contributions list is narrowed to: text found in the reference or the donor's name, a
 * funding window, a currency, the year of signature; and its order. Every part may be empty.
 */
record AgreementSearch(String q, FundingWindow window, String currency, Integer year, String sort)
		implements java.io.Serializable {

	/** The orders a user can choose, by their parameter. */
	enum Order {
		NEWEST, REFERENCE, SIGNED, TOTAL
	}

	public Order order() {
		if (sort == null || sort.isBlank()) {
			return Order.NEWEST;
		}
		try {
			return Order.valueOf(sort.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return Order.NEWEST;
		}
	}

	/** A window's code as a filter gives it, or none when it names no window. */
	static FundingWindow window(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		try {
			return FundingWindow.valueOf(code.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** A year as a filter gives it, or none when it is not a year the Fund could have signed in. */
	static Integer year(String text) {
		try {
			int year = Integer.parseInt(text == null ? "" : text.strip());
			return year >= 1990 && year <= 2100 ? year : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	String text() {
		return q == null || q.isBlank() ? null : q.strip();
	}

	String currencyCode() {
		return currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
	}

}
