package org.tafund.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PscRateTests {

	@Test
	void noRateIsTheStandardThirteenPercent() {
		assertThat(PscRate.orStandard(null)).isEqualTo(PscRate.STANDARD);
		assertThat(PscRate.STANDARD.value()).isEqualByComparingTo("0.13");
		assertThat(PscRate.orStandard(null).isStandard()).isTrue();
		// 0.1300 is 13% written with the column's four decimals: still the standard rate.
		assertThat(PscRate.orStandard(new BigDecimal("0.1300")).isStandard()).isTrue();
		assertThat(PscRate.orStandard(new BigDecimal("0.07")).isStandard()).isFalse();
	}

	@Test
	void takesZeroToJustBelowOneWithAtMostFourDecimals() {
		assertThat(PscRate.orStandard(BigDecimal.ZERO).value()).isEqualByComparingTo("0");
		assertThat(PscRate.orStandard(new BigDecimal("0.9999")).value()).isEqualByComparingTo("0.9999");
		// Trailing zeros are not decimals that count.
		assertThat(PscRate.orStandard(new BigDecimal("0.050000")).value()).isEqualByComparingTo("0.05");
		for (var refused : new String[] { "-0.0001", "1", "1.00", "0.00001", "2.5" }) {
			assertThatThrownBy(() -> PscRate.orStandard(new BigDecimal(refused))).as(refused)
				.isInstanceOfSatisfying(BusinessRuleViolation.class,
						e -> assertThat(e.messageKey()).isEqualTo("agreement.psc.range"));
		}
		assertThatThrownBy(() -> new PscRate(null)).isInstanceOf(BusinessRuleViolation.class);
	}

}
