package org.tafund.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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

	@Test
	void roundsEveryComputedAmountHalfEvenInTheOnePlaceThatRounds() {
		assertThat(Money.rounded(new BigDecimal("2.345"), "usd")).isEqualTo(Money.usd("2.34"));
		assertThat(Money.rounded(new BigDecimal("2.355"), "USD")).isEqualTo(Money.usd("2.36"));
		assertThat(Money.rounded(new BigDecimal("2.3450001"), "USD")).isEqualTo(Money.usd("2.35"));
		assertThat(Money.rounded(new BigDecimal("-2.345"), "USD")).isEqualTo(Money.usd("-2.34"));
		assertThat(Money.rounded(new BigDecimal("2.5"), "JPY")).isEqualTo(Money.of("2", "JPY"));
		assertThat(Money.rounded(new BigDecimal("3.5"), "JPY")).isEqualTo(Money.of("4", "JPY"));
		assertThat(Money.rounded(new BigDecimal("1.0005"), "KWD")).isEqualTo(Money.of("1.000", "KWD"));
		assertThat(Money.rounded(new BigDecimal("1.0015"), "KWD")).isEqualTo(Money.of("1.002", "KWD"));
		assertThat(Money.ROUNDING).isEqualTo(java.math.RoundingMode.HALF_EVEN);
		// 10.00 / 3 = 3.333...: 3.33; 20.00 / 3 = 6.666...: 6.67
		assertThat(Money.usd("10.00").dividedBy(new BigDecimal("3"))).isEqualTo(Money.usd("3.33"));
		assertThat(Money.usd("20.00").dividedBy(new BigDecimal("3"))).isEqualTo(Money.usd("6.67"));
		assertThat(Money.usd("-10.00").times(new BigDecimal("0.1225"))).isEqualTo(Money.usd("-1.22"));
	}

	@Test
	void refusesAmountsOfAQuadrillionOrMoreEitherWay() {
		assertThat(Money.usd("999999999999999.99").amount()).isEqualByComparingTo("999999999999999.99");
		assertThat(Money.usd("-999999999999999.99").amount()).isEqualByComparingTo("-999999999999999.99");
		assertThatThrownBy(() -> Money.usd("1000000000000000")).isInstanceOfSatisfying(BusinessRuleViolation.class,
				e -> assertThat(e.messageKey()).isEqualTo("money.tooLarge"));
		assertThatThrownBy(() -> Money.usd("-1000000000000000")).isInstanceOfSatisfying(BusinessRuleViolation.class,
				e -> assertThat(e.messageKey()).isEqualTo("money.tooLarge"));
	}

	@Test
	void readsCurrencyCodesInAnyCaseAndAmountsWithSpaces() {
		assertThat(Money.of(" 12.5 ", " usd ")).isEqualTo(Money.usd("12.50"));
		assertThat(Money.of(new BigDecimal("12.5"), "eur")).isEqualTo(Money.of("12.50", "EUR"));
		assertThat(Money.digits("KWD")).isEqualTo(3);
		assertThat(Money.digits("jpy")).isZero();
		assertThat(Money.digits("USD")).isEqualTo(2);
		for (var code : new String[] { null, "US", "USDX", "XAU", "" }) {
			assertThatThrownBy(() -> Money.of("1", code)).isInstanceOfSatisfying(BusinessRuleViolation.class,
					e -> assertThat(e.messageKey()).isEqualTo("money.currency.unknown"));
		}
		assertThatThrownBy(() -> Money.of((String) null, "USD")).isInstanceOfSatisfying(BusinessRuleViolation.class,
				e -> assertThat(e.messageKey()).isEqualTo("money.notANumber"));
		assertThatThrownBy(() -> new Money(null, "USD")).isInstanceOf(NullPointerException.class);
	}

	@Test
	void subtractsNegatesAndComparesWithinOneCurrency() {
		assertThat(Money.usd("5.00").minus(Money.usd("7.50"))).isEqualTo(Money.usd("-2.50"));
		assertThat(Money.usd("5.00").negated()).isEqualTo(Money.usd("-5.00"));
		assertThat(Money.zero("JPY")).isEqualTo(Money.of("0", "JPY"));
		assertThat(Money.zero("JPY").amount().scale()).isZero();
		assertThat(Money.usd("1.01").isGreaterThan(Money.usd("1.00"))).isTrue();
		assertThat(Money.usd("1.00").isGreaterThan(Money.usd("1.00"))).isFalse();
		assertThat(Money.usd("0.99").isGreaterThan(Money.usd("1.00"))).isFalse();
		assertThat(Money.usd("0.99").min(Money.usd("1.00"))).isEqualTo(Money.usd("0.99"));
		assertThat(Money.usd("1.01").min(Money.usd("1.00"))).isEqualTo(Money.usd("1.00"));
		assertThat(Money.usd("1.00").compareTo(Money.usd("1.00"))).isZero();
		for (ThrowingCallable mixed : new ThrowingCallable[] { () -> Money.usd("1").minus(Money.of("1", "EUR")),
				() -> Money.usd("1").compareTo(Money.of("1", "EUR")), () -> Money.usd("1").min(Money.of("1", "EUR")),
				() -> Money.usd("1").isGreaterThan(Money.of("1", "EUR")) }) {
			assertThatThrownBy(mixed).isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
				assertThat(e.messageKey()).isEqualTo("money.currencyMismatch");
				assertThat(e.arguments()).containsExactly("USD", "EUR");
			});
		}
	}

	@Test
	void tellsTheSignOfAnAmount() {
		assertThat(Money.usd("0.01").isPositive()).isTrue();
		assertThat(Money.usd("0.00").isPositive()).isFalse();
		assertThat(Money.usd("-0.01").isPositive()).isFalse();
		assertThat(Money.usd("-0.01").isNegative()).isTrue();
		assertThat(Money.usd("0.00").isNegative()).isFalse();
		assertThat(Money.usd("0.01").isNegative()).isFalse();
		assertThat(Money.usd("0.00").isZero()).isTrue();
		assertThat(Money.usd("0.01").isZero()).isFalse();
		assertThat(Money.usd("-0.01").isZero()).isFalse();
	}

	@Test
	void aUsdAmountStaysAsItIsWhenConvertedToOrFromUsd() {
		assertThat(Money.usd("10.00").toUsd(new BigDecimal("2"))).isEqualTo(Money.usd("10.00"));
		assertThat(Money.usd("10.00").fromUsd(new BigDecimal("2"), "USD")).isEqualTo(Money.usd("10.00"));
		// 10.00 USD at 0.9255 EUR per USD = 9.255 EUR: half-even goes to the even neighbour, 9.26
		assertThat(Money.usd("10.00").fromUsd(new BigDecimal("0.9255"), "EUR")).isEqualTo(Money.of("9.26", "EUR"));
	}

	@Test
	void writesItselfPlainlyWithItsCurrency() {
		assertThat(Money.usd("1E+3")).hasToString("1000.00 USD");
		assertThat(Money.of("-5", "JPY")).hasToString("-5 JPY");
	}

}
