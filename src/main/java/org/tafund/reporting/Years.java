package org.tafund.reporting;

import java.time.LocalDate;

/**
 * A period as the calendar years it holds whole ({@code firstYear} to {@code lastYear}, none when
 * the first is after the last), read from the totals kept per agreement and year (V48), and the
 * dates it holds outside them ({@code edge1}, {@code edge2}), read from the journal's lines and the
 * receipts; {@code tail} is the rest of the period's last year, taken off what is summed to its end.
 */
record Years(int firstYear, int lastYear, Range edge1, Range edge2, Range tail) {

	/** Days from one date to another, both included; none when {@code from} is after {@code to}. */
	record Range(LocalDate from, LocalDate to) {

		/** No day: an SQL {@code between} over it is false, and the database reads nothing for it. */
		static final Range NONE = new Range(LocalDate.of(9999, 12, 31), LocalDate.of(1000, 1, 1));

		boolean empty() {
			return from.isAfter(to);
		}

		boolean holds(LocalDate day) {
			return !day.isBefore(from) && !day.isAfter(to);
		}

	}

	static Years of(LocalDate from, LocalDate to) {
		boolean wholeStart = from.getDayOfYear() == 1;
		boolean wholeEnd = to.getDayOfYear() == to.lengthOfYear();
		int first = wholeStart ? from.getYear() : from.getYear() + 1;
		int last = wholeEnd ? to.getYear() : to.getYear() - 1;
		var tail = wholeEnd ? Range.NONE : new Range(to.plusDays(1), to.withDayOfYear(to.lengthOfYear()));
		if (first > last) {
			return new Years(first, last, new Range(from, to), Range.NONE, tail);
		}
		return new Years(first, last, wholeStart ? Range.NONE : new Range(from, from.withDayOfYear(from.lengthOfYear())),
				wholeEnd ? Range.NONE : new Range(to.withDayOfYear(1), to), tail);
	}

	/** Whether a day is read from the kept year totals. */
	boolean whole(LocalDate day) {
		return day.getYear() >= firstYear && day.getYear() <= lastYear;
	}

	/** The parameters of the ranges, named {@code edge1From} ... {@code tailTo}. */
	java.util.Map<String, Object> parameters() {
		return java.util.Map.of("firstYear", firstYear, "lastYear", lastYear, "edge1From", edge1.from(), "edge1To",
				edge1.to(), "edge2From", edge2.from(), "edge2To", edge2.to(), "tailFrom", tail.from(), "tailTo", tail.to());
	}

}
