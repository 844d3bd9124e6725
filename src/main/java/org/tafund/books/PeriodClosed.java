package org.tafund.books;

import org.tafund.shared.BusinessRuleViolation;

/**
 * A date falls in a closed period. The message names the period, when and by whom it was closed,
 * and the first open date after it ({@code period.closed}); {@link #field()} names the form field
 * the page shows it beside, {@link #firstOpenDate()} what the user may re-date to.
 */
public class PeriodClosed extends BusinessRuleViolation {

	private final String field;

	private final java.time.LocalDate firstOpenDate;

	PeriodClosed(String field, java.time.LocalDate firstOpenDate, Object... arguments) {
		super("period.closed", arguments);
		this.field = field;
		this.firstOpenDate = firstOpenDate;
	}

	public String field() {
		return field;
	}

	public java.time.LocalDate firstOpenDate() {
		return firstOpenDate;
	}

}
