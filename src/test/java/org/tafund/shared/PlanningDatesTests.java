package org.tafund.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PlanningDatesTests {

	static String code(Throwable e) {
		return ((BusinessRuleViolation) e).messageKey();
	}

	@Test
	void takesNineteenNinetyToTwentyOneHundredAndNothingOutside() {
		assertThatCode(() -> PlanningDates.require(LocalDate.parse("1990-01-01"), "dueOn")).doesNotThrowAnyException();
		assertThatCode(() -> PlanningDates.require(LocalDate.parse("2100-12-31"), "dueOn")).doesNotThrowAnyException();
		assertThatCode(() -> PlanningDates.require(null, "dueOn")).doesNotThrowAnyException();
		assertThatThrownBy(() -> PlanningDates.require(LocalDate.parse("1989-12-31"), "dueOn"))
			.satisfies(e -> assertThat(code(e)).isEqualTo("date.tooEarly"))
			.satisfies(e -> assertThat(((BusinessRuleViolation) e).field()).isEqualTo("dueOn"));
		assertThatThrownBy(() -> PlanningDates.require(LocalDate.parse("2101-01-01"), "dueOn"))
			.satisfies(e -> assertThat(code(e)).isEqualTo("date.tooLate"));
		assertThatCode(() -> PlanningDates.requireYear(1990, "budget")).doesNotThrowAnyException();
		assertThatCode(() -> PlanningDates.requireYear(2100, "budget")).doesNotThrowAnyException();
		assertThatThrownBy(() -> PlanningDates.requireYear(1989, "budget"))
			.satisfies(e -> assertThat(code(e)).isEqualTo("year.outOfRange"));
		assertThatThrownBy(() -> PlanningDates.requireYear(2101, "budget"))
			.satisfies(e -> assertThat(code(e)).isEqualTo("year.outOfRange"));
	}

}
