package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * How the reports split a period into whole years (kept totals) and the dates
 * outside them (lines and receipts). Between them every day of the period is read exactly once,
 * and the tail is the rest of the last year.
 */
class YearsTests {

	@Test
	void aCalendarYearIsOneWholeYearWithNothingElse() {
		var years = Years.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
		assertThat(years.firstYear()).isEqualTo(2025);
		assertThat(years.lastYear()).isEqualTo(2025);
		assertThat(years.edge1().empty()).isTrue();
		assertThat(years.edge2().empty()).isTrue();
		assertThat(years.tail().empty()).isTrue();
	}

	@Test
	void aPeriodFromMidYearToMidYearHasWholeYearsBetweenAndTwoEdges() {
		var years = Years.of(LocalDate.of(2011, 5, 1), LocalDate.of(2014, 2, 28));
		assertThat(years.firstYear()).isEqualTo(2012);
		assertThat(years.lastYear()).isEqualTo(2013);
		assertThat(years.edge1()).isEqualTo(new Years.Range(LocalDate.of(2011, 5, 1), LocalDate.of(2011, 12, 31)));
		assertThat(years.edge2()).isEqualTo(new Years.Range(LocalDate.of(2014, 1, 1), LocalDate.of(2014, 2, 28)));
		assertThat(years.tail()).isEqualTo(new Years.Range(LocalDate.of(2014, 3, 1), LocalDate.of(2014, 12, 31)));
		assertThat(days(years, LocalDate.of(2011, 5, 1), LocalDate.of(2014, 2, 28))).isTrue();
	}

	@Test
	void aPeriodInsideOneYearIsReadWholeFromItsLines() {
		var years = Years.of(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 9, 10));
		assertThat(years.firstYear()).isGreaterThan(years.lastYear());
		assertThat(years.edge1()).isEqualTo(new Years.Range(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 9, 10)));
		assertThat(years.edge2().empty()).isTrue();
		assertThat(years.tail()).isEqualTo(new Years.Range(LocalDate.of(2024, 9, 11), LocalDate.of(2024, 12, 31)));
	}

	@Test
	void aPeriodAcrossNewYearWithoutAWholeYearIsReadWholeFromItsLines() {
		var years = Years.of(LocalDate.of(2011, 5, 1), LocalDate.of(2012, 2, 29));
		assertThat(years.firstYear()).isGreaterThan(years.lastYear());
		assertThat(years.edge1()).isEqualTo(new Years.Range(LocalDate.of(2011, 5, 1), LocalDate.of(2012, 2, 29)));
		assertThat(years.tail()).isEqualTo(new Years.Range(LocalDate.of(2012, 3, 1), LocalDate.of(2012, 12, 31)));
		assertThat(days(years, LocalDate.of(2011, 5, 1), LocalDate.of(2012, 2, 29))).isTrue();
	}

	@Test
	void aPeriodFromNewYearToMidYearHasOnlyAnEndEdge() {
		var years = Years.of(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 30));
		assertThat(years.firstYear()).isEqualTo(2020);
		assertThat(years.lastYear()).isEqualTo(2020);
		assertThat(years.edge1().empty()).isTrue();
		assertThat(years.edge2()).isEqualTo(new Years.Range(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30)));
		assertThat(days(years, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 30))).isTrue();
	}

	@Test
	void aPeriodFromMidYearToTheEndOfThatYearHasOnlyAStartEdge() {
		var years = Years.of(LocalDate.of(2023, 7, 1), LocalDate.of(2023, 12, 31));
		assertThat(years.firstYear()).isGreaterThan(years.lastYear());
		assertThat(years.edge1()).isEqualTo(new Years.Range(LocalDate.of(2023, 7, 1), LocalDate.of(2023, 12, 31)));
		assertThat(years.edge2().empty()).isTrue();
		assertThat(years.tail().empty()).isTrue();
		assertThat(days(years, LocalDate.of(2023, 7, 1), LocalDate.of(2023, 12, 31))).isTrue();
	}

	/** Every day of the period is in exactly one whole year or edge, and no day outside it is. */
	private static boolean days(Years years, LocalDate from, LocalDate to) {
		for (var day = from.minusDays(400); day.isBefore(to.plusDays(400)); day = day.plusDays(1)) {
			int times = (years.whole(day) ? 1 : 0) + (years.edge1().holds(day) ? 1 : 0) + (years.edge2().holds(day) ? 1 : 0);
			boolean inside = !day.isBefore(from) && !day.isAfter(to);
			if (times != (inside ? 1 : 0)) {
				return false;
			}
		}
		return true;
	}

}
