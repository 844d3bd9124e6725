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

	String text() {
		return q == null || q.isBlank() ? null : q.strip();
	}

	String currencyCode() {
		return currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
	}

}
