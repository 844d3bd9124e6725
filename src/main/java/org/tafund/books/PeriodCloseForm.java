package org.tafund.books;

import java.time.YearMonth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * The two close forms of the periods page, which post to one address: a month (2025-03) or a
 * year (2025). Each form sends only its own field, so a null value is one that was not sent.
 */
record PeriodCloseForm(
		@Pattern(regexp = "\\s*(\\d{4}-(0[1-9]|1[0-2]))?\\s*", message = "{period.month.format}") String month,
		@Min(value = 1000, message = "{period.year.format}") @Max(value = 9999,
				message = "{period.year.format}") Integer year) implements java.io.Serializable {

	boolean closesMonth() {
		return month != null && !month.isBlank();
	}

	YearMonth yearMonth() {
		return YearMonth.parse(month.strip());
	}

}
