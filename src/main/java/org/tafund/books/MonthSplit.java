package org.tafund.books;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A date range cut for summing the journal: the whole months inside it, which
 * {@code journal_month_total} (V19) holds summed per month, account, segment, kind of event and
 * funding window, and the days before and after them, which only the lines hold. Both hold the
 * same lines, so months plus days give the lines' sums: a year of a journal with millions of lines
 * adds a few thousand monthly rows and at most two partial months of lines.
 *
 * @param firstMonth the first whole month ({@code YYYY-MM}), null for no lower bound
 * @param lastMonth the last whole month, null when the range holds no whole month
 * @param days the ranges of days outside the whole months, read from the lines
 */
public record MonthSplit(String firstMonth, String lastMonth, List<Days> days) {

	/** Days read from the lines, both ends included. */
	public record Days(LocalDate from, LocalDate to) {
	}

	/** The range {@code [from, to]}; {@code from} null means since the first line. */
	public static MonthSplit of(LocalDate from, LocalDate to) {
		if (from != null && to.isBefore(from)) {
			return new MonthSplit(null, null, List.of());
		}
		var firstWhole = from == null ? null : from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		var lastWhole = to.getDayOfMonth() == to.lengthOfMonth() ? to : to.withDayOfMonth(1).minusDays(1);
		if (firstWhole != null && firstWhole.isAfter(lastWhole)) {
			return new MonthSplit(null, null, List.of(new Days(from, to)));
		}
		var days = new ArrayList<Days>();
		if (from != null && from.isBefore(firstWhole)) {
			days.add(new Days(from, firstWhole.minusDays(1)));
		}
		if (to.isAfter(lastWhole)) {
			days.add(new Days(lastWhole.plusDays(1), to));
		}
		return new MonthSplit(firstWhole == null ? null : month(firstWhole), month(lastWhole), List.copyOf(days));
	}

	public boolean hasMonths() {
		return lastMonth != null;
	}

	/**
	 * The condition on {@code journal_month_total.period} for the whole months, with the parameters
	 * {@code :firstMonth} (when bounded) and {@code :lastMonth}.
	 */
	public String monthCondition() {
		return firstMonth == null ? "period <= :lastMonth" : "period BETWEEN :firstMonth AND :lastMonth";
	}

	private static String month(LocalDate date) {
		return date.toString().substring(0, 7);
	}

}
