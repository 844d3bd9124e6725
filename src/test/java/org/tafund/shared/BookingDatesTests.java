package org.tafund.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

/** The dates money moves on, from 1990-01-01 to today: no Spring, no database. */
class BookingDatesTests {

	static final LocalDate TODAY = LocalDate.parse("2026-06-15");

	@Test
	void takesEveryDayFromTheFirstOfTheRecordsToToday() {
		BookingDates.require(LocalDate.parse("1990-01-01"), TODAY, "receivedOn");
		BookingDates.require(TODAY, TODAY, "receivedOn");
		assertThat(BookingDates.EARLIEST).isEqualTo(LocalDate.parse("1990-01-01"));
	}

	@Test
	void refusesADayBeforeTheRecordsBeginNamingTheField() {
		assertThatThrownBy(() -> BookingDates.require(LocalDate.parse("1989-12-31"), TODAY, "receivedOn"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
				assertThat(e.messageKey()).isEqualTo("date.tooEarly");
				assertThat(e.field()).isEqualTo("receivedOn");
				assertThat(label(e)).containsExactly("field.receivedOn");
				assertThat(e.arguments()[1]).isEqualTo(LocalDate.parse("1990-01-01"));
			});
	}

	@Test
	void refusesADayAfterTodayNamingTheField() {
		assertThatThrownBy(() -> BookingDates.require(LocalDate.parse("2026-06-16"), TODAY, "spentOn"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
				assertThat(e.messageKey()).isEqualTo("date.future");
				assertThat(e.field()).isEqualTo("spentOn");
				assertThat(label(e)).containsExactly("field.spentOn");
				assertThat(e.arguments()).hasSize(3);
				assertThat(e.arguments()[1]).isEqualTo(LocalDate.parse("2026-06-16"));
				assertThat(e.arguments()[2]).isEqualTo(TODAY);
			});
	}

	static String[] label(BusinessRuleViolation e) {
		return ((MessageSourceResolvable) e.arguments()[0]).getCodes();
	}

}
