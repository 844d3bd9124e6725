package org.tafund.books;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a date range is cut into whole months (monthly totals) and the days around them (lines). */
class MonthSplitTests {

	static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	static MonthSplit.Days days(String from, String to) {
		return new MonthSplit.Days(d(from), d(to));
	}

	@Test
	void aYearIsTwelveWholeMonths() {
		var split = MonthSplit.of(d("2025-01-01"), d("2025-12-31"));
		assertThat(split).isEqualTo(new MonthSplit("2025-01", "2025-12", List.of()));
		assertThat(split.hasMonths()).isTrue();
		assertThat(split.monthCondition()).isEqualTo("period BETWEEN :firstMonth AND :lastMonth");
	}

	@Test
	void partMonthsAtBothEndsAreReadFromTheLines() {
		assertThat(MonthSplit.of(d("2025-01-10"), d("2025-04-20"))).isEqualTo(new MonthSplit("2025-02", "2025-03",
				List.of(days("2025-01-10", "2025-01-31"), days("2025-04-01", "2025-04-20"))));
		// The last day of a month ends a whole month; the 2nd does not start one.
		assertThat(MonthSplit.of(d("2025-01-02"), d("2025-02-28")))
			.isEqualTo(new MonthSplit("2025-02", "2025-02", List.of(days("2025-01-02", "2025-01-31"))));
		assertThat(MonthSplit.of(d("2024-02-01"), d("2024-02-29")))
			.isEqualTo(new MonthSplit("2024-02", "2024-02", List.of()));
		assertThat(MonthSplit.of(d("2024-02-01"), d("2024-02-28")))
			.isEqualTo(new MonthSplit(null, null, List.of(days("2024-02-01", "2024-02-28"))));
	}

	@Test
	void aRangeWithoutAWholeMonthIsOnlyDays() {
		assertThat(MonthSplit.of(d("2025-03-02"), d("2025-03-30")))
			.isEqualTo(new MonthSplit(null, null, List.of(days("2025-03-02", "2025-03-30"))));
		assertThat(MonthSplit.of(d("2025-03-15"), d("2025-04-14")))
			.isEqualTo(new MonthSplit(null, null, List.of(days("2025-03-15", "2025-04-14"))));
		assertThat(MonthSplit.of(d("2025-03-31"), d("2025-03-31")).hasMonths()).isFalse();
		assertThat(MonthSplit.of(d("2025-03-01"), d("2025-03-01")).days()).containsExactly(days("2025-03-01", "2025-03-01"));
	}

	@Test
	void withoutAStartEverythingUpToTheEndCounts() {
		var split = MonthSplit.of(null, d("2025-06-15"));
		assertThat(split).isEqualTo(new MonthSplit(null, "2025-05", List.of(days("2025-06-01", "2025-06-15"))));
		assertThat(split.monthCondition()).isEqualTo("period <= :lastMonth");
		assertThat(MonthSplit.of(null, d("2025-06-30"))).isEqualTo(new MonthSplit(null, "2025-06", List.of()));
	}

	@Test
	void anEndBeforeTheStartIsNothing() {
		var split = MonthSplit.of(d("2025-03-02"), d("2025-03-01"));
		assertThat(split.hasMonths()).isFalse();
		assertThat(split.days()).isEmpty();
	}

}
