package org.tafund.books;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Months no test has used, for tests that close periods (global state) on a shared database that
 * may keep earlier runs' data: they come after every entry and close dated before
 * {@link #ERA_END}, one after the other, from 1800 on. Tests that close a month first close the
 * earlier months of this era that still have open entries (earlier tests' leftovers), as a
 * finance officer would; nothing outside the era is ever touched.
 */
final class TestMonths {

	static final LocalDate ERA_END = LocalDate.of(1990, 1, 1);

	private static YearMonth cursor;

	private TestMonths() {
	}

	/** The first of {@code count} consecutive fresh months. */
	static synchronized YearMonth next(JdbcTemplate jdbc, int count) {
		start(jdbc);
		var first = cursor;
		cursor = cursor.plusMonths(count);
		return checked(first);
	}

	/** A fresh whole year. */
	static synchronized int nextYear(JdbcTemplate jdbc) {
		start(jdbc);
		if (cursor.getMonthValue() != 1) {
			cursor = YearMonth.of(cursor.getYear() + 1, 1);
		}
		var year = cursor.getYear();
		cursor = cursor.plusYears(1);
		checked(cursor);
		return year;
	}

	/** Closes, in order, every month of the era before {@code month} that has open entries. */
	static void closeOpenMonthsBefore(PeriodClosing closing, YearMonth month) {
		for (var open = closing.firstOpenMonthWithEntriesBefore(month.atDay(1)); open.isPresent(); open = closing
			.firstOpenMonthWithEntriesBefore(month.atDay(1))) {
			closing.closeMonth(open.get());
		}
	}

	/** Closes every month of the era that has open entries (what tests leave behind). */
	static void closeAllOpen(PeriodClosing closing) {
		closeOpenMonthsBefore(closing, YearMonth.from(ERA_END));
	}

	private static void start(JdbcTemplate jdbc) {
		if (cursor != null) {
			return;
		}
		var lastEntry = jdbc.queryForObject("SELECT MAX(accounting_date) FROM journal_entry WHERE accounting_date < ?",
				LocalDate.class, ERA_END);
		var lastClose = jdbc.queryForObject("SELECT MAX(period_end) FROM period_close WHERE period_end < ?",
				LocalDate.class, ERA_END);
		var last = lastEntry == null ? lastClose : lastClose == null || lastEntry.isAfter(lastClose) ? lastEntry : lastClose;
		cursor = last == null ? YearMonth.of(1800, 1) : YearMonth.from(last).plusMonths(1);
	}

	private static YearMonth checked(YearMonth month) {
		if (!month.atDay(1).isBefore(ERA_END)) {
			throw new IllegalStateException("The test months before 1990 are used up: clean the test database.");
		}
		return month;
	}

}
