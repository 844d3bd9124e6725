package org.tafund.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTests {

	@Test
	void keepsEachCurrencysOwnMinorUnits() {
		assertThat(Money.of("100", "USD").amount().scale()).isEqualTo(2);
		assertThat(Money.of("100", "JPY").amount().scale()).isZero();
		assertThat(Money.of("1.125", "KWD").amount().scale()).isEqualTo(3);
	}

	@Test
	void refusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding() {
		assertThatThrownBy(() -> Money.of("10.005", "USD")).isInstanceOf(BusinessRuleViolation.class)
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("money.tooManyDecimals");
		assertThatThrownBy(() -> Money.of("10.5", "JPY")).isInstanceOf(BusinessRuleViolation.class);
		assertThat(Money.of("10.500", "USD").amount()).isEqualByComparingTo("10.50");
	}

	@Test
	void refusesUnknownCurrenciesAndNonNumbers() {
		assertThatThrownBy(() -> Money.of("1", "ABC")).isInstanceOf(BusinessRuleViolation.class)
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("money.currency.unknown");
		assertThatThrownBy(() -> Money.of("1", "XAU")).isInstanceOf(BusinessRuleViolation.class);
		assertThatThrownBy(() -> Money.of("one", "USD")).isInstanceOf(BusinessRuleViolation.class)
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("money.notANumber");
	}

	@Test
	void roundsHalfEvenToCurrencyDigits() {
		assertThat(Money.usd("10.00").times(new BigDecimal("0.1225")).amount()).isEqualByComparingTo("1.22");
		assertThat(Money.usd("10.00").times(new BigDecimal("0.1235")).amount()).isEqualByComparingTo("1.24");
		assertThat(Money.of("3", "JPY").dividedBy(new BigDecimal("2")).amount()).isEqualByComparingTo("2");
		assertThat(Money.of("5", "JPY").dividedBy(new BigDecimal("2")).amount()).isEqualByComparingTo("2");
	}

	@Test
	void convertsThroughUsdAtUnitsPerDollar() {
		// 100,000.00 EUR at 0.92 EUR per USD = 108,695.652... USD -> 108,695.65
		assertThat(Money.of("100000.00", "EUR").toUsd(new BigDecimal("0.92"))).isEqualTo(Money.usd("108695.65"));
		// 1,000.00 USD at 151.5 JPY per USD = 151,500 JPY
		assertThat(Money.usd("1000.00").fromUsd(new BigDecimal("151.5"), "JPY")).isEqualTo(Money.of("151500", "JPY"));
	}

	@Test
	void addsOnlyWithinOneCurrency() {
		assertThat(Money.usd("1.10").plus(Money.usd("2.20"))).isEqualTo(Money.usd("3.30"));
		assertThatThrownBy(() -> Money.usd("1").plus(Money.of("1", "EUR"))).isInstanceOf(BusinessRuleViolation.class)
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("money.currencyMismatch");
		// Only a USD amount converts out of USD.
		assertThatThrownBy(() -> Money.of("1.00", "EUR").fromUsd(new BigDecimal("151.5"), "JPY"))
			.isInstanceOf(BusinessRuleViolation.class)
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("money.currencyMismatch");
	}

}
