package org.tafund.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tafund.shared.BusinessRuleViolation;

/** Participants counted by sex and by institution: plain values, no Spring, no database. */
class ParticipantsTests {

	// 12 women, 15 men, 3 not recorded = 30; by institution 4 + 6 + 5 + 9 + 2 + 4 = 30.
	static final Participants WORKSHOP = new Participants(12, 15, 3, 4, 6, 5, 9, 2, 4);

	@Test
	void addsUpEachCount() {
		assertThat(WORKSHOP.total()).isEqualTo(30);
		assertThat(WORKSHOP.byInstitution()).isEqualTo(30);
		WORKSHOP.checkBreakdowns();
		assertThat(Participants.NONE.total()).isZero();
		assertThat(Participants.NONE.byInstitution()).isZero();
		Participants.NONE.checkBreakdowns();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8 })
	void refusesANegativeCountInAnyPlace(int place) {
		assertRefused(() -> withCount(place, -1), "participants.negative");
		assertThat(withCount(place, 0)).isEqualTo(Participants.NONE);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8 })
	void refusesMoreThanAHundredThousandInAnyCount(int place) {
		// The same number on the other side, so that only the size is wrong.
		var other = place < 3 ? 3 : 0;
		var counts = new int[9];
		counts[place] = 100_001;
		counts[other] = 100_001;
		assertRefused(() -> of(counts).checkBreakdowns(), "participants.tooMany", 100_000);
		counts[place] = 100_000;
		counts[other] = 100_000;
		of(counts).checkBreakdowns();
	}

	@Test
	void refusesBreakdownsThatDoNotAddUpToTheSamePeople() {
		assertRefused(() -> new Participants(12, 15, 3, 4, 6, 5, 9, 2, 3).checkBreakdowns(), "participants.mismatch", 30,
				29);
		assertRefused(() -> new Participants(12, 15, 4, 4, 6, 5, 9, 2, 4).checkBreakdowns(), "participants.mismatch", 31,
				30);
	}

	@Test
	void sumsActivitiesCountByCount() {
		var sum = WORKSHOP.plus(new Participants(1, 2, 3, 4, 5, 6, 7, 8, 9));
		assertThat(sum).isEqualTo(new Participants(13, 17, 6, 8, 11, 11, 16, 10, 13));
		assertThat(sum.total()).isEqualTo(36);
		assertThat(sum.byInstitution()).isEqualTo(69);
	}

	@Test
	void failsLoudlyRatherThanWrapRound() {
		var huge = new Participants(Integer.MAX_VALUE, 0, 0, 0, 0, 0, 0, 0, 0);
		assertThatThrownBy(() -> huge.plus(new Participants(1, 0, 0, 0, 0, 0, 0, 0, 0)))
			.isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> new Participants(Integer.MAX_VALUE, 1, 0, 0, 0, 0, 0, 0, 0).total())
			.isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> new Participants(0, 0, 0, 0, 0, 0, 0, Integer.MAX_VALUE, 1).byInstitution())
			.isInstanceOf(ArithmeticException.class);
		// Each count on its own may overflow too.
		for (var place = 0; place < 9; place++) {
			var one = new int[9];
			one[place] = 1;
			var max = new int[9];
			max[place] = Integer.MAX_VALUE;
			assertThatThrownBy(() -> of(max).plus(of(one))).isInstanceOf(ArithmeticException.class);
		}
	}

	static Participants withCount(int place, int count) {
		return of(IntStream.range(0, 9).map(i -> i == place ? count : 0).toArray());
	}

	static Participants of(int[] c) {
		return new Participants(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
	}

	static void assertRefused(ThrowingCallable call, String code, Object... arguments) {
		assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
			assertThat(e.messageKey()).isEqualTo(code);
			assertThat(e.arguments()).containsExactly(arguments);
		});
	}

}
