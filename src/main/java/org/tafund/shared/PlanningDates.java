package org.tafund.shared;

import java.time.LocalDate;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The dates of plans (instalments due, budget years, project and activity dates, rates announced
 * ahead): from when the Fund's records begin to the end of the century. A mistyped year (0001,
 * 9999) is refused here rather than stored, sorted first or last, or looked up as a rate.
 */
public final class PlanningDates {

	public static final LocalDate EARLIEST = BookingDates.EARLIEST;

	public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private PlanningDates() {
	}

	/** Refuses a date outside 1990-01-01 to 2100-12-31 (none: nothing to check), naming the field. */
	public static void require(LocalDate date, String field) {
		if (date == null) {
			return;
		}
		var label = new DefaultMessageSourceResolvable(new String[] { "field." + field }, field);
		if (date.isBefore(EARLIEST)) {
			throw BusinessRuleViolation.ofField(field, "date.tooEarly", label, EARLIEST);
		}
		if (date.isAfter(LATEST)) {
			throw BusinessRuleViolation.ofField(field, "date.tooLate", label, LATEST);
		}
	}

	/** Refuses a year outside 1990 to 2100, naming the field. */
	public static void requireYear(int year, String field) {
		if (year < EARLIEST.getYear() || year > LATEST.getYear()) {
			throw BusinessRuleViolation.ofField(field, "year.outOfRange", String.valueOf(year),
					String.valueOf(EARLIEST.getYear()), String.valueOf(LATEST.getYear()));
		}
	}

}
