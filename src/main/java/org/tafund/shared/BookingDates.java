package org.tafund.shared;

import java.time.LocalDate;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The dates money moves on: not before the Fund's records begin, and not after today, since a
 * receipt, refund, signature or expenditure is booked when it has happened. A mistyped year
 * (20255, 1925) is refused here rather than converted at a rate nobody meant.
 */
public final class BookingDates {

	public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	private BookingDates() {
	}

	public static void require(LocalDate date, LocalDate today, String field) {
		var label = new DefaultMessageSourceResolvable(new String[] { "field." + field }, field);
		if (date.isBefore(EARLIEST)) {
			throw BusinessRuleViolation.ofField(field, "date.tooEarly", label, EARLIEST);
		}
		if (date.isAfter(today)) {
			throw BusinessRuleViolation.ofField(field, "date.future", label, date, today);
		}
	}

}
