package org.tafund.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ConvertedAmountTests {

	private static final LocalDate RATE_DATE = LocalDate.of(2026, 6, 1);

	@Test
	void convertsToUsdAtUnitsPerUsdRoundedHalfEvenToTheCent() {
		// 1,000.00 EUR at 0.92 EUR per USD = 1,086.9565... USD
		var converted = ConvertedAmount.of(Money.of("1000.00", "EUR"), new BigDecimal("0.92"), RATE_DATE);
		assertThat(converted.usd()).isEqualTo(Money.usd("1086.96"));
		assertThat(converted.original()).isEqualTo(Money.of("1000.00", "EUR"));
		assertThat(converted.currency()).isEqualTo("EUR");
		assertThat(converted.rate()).isEqualByComparingTo("0.92");
		assertThat(converted.rateDate()).isEqualTo(RATE_DATE);
		// 0.125 USD lies half-way: half-even keeps the even cent, where half-up would give 0.13.
		assertThat(ConvertedAmount.of(Money.of("1", "JPY"), new BigDecimal("8"), RATE_DATE).usd())
			.isEqualTo(Money.usd("0.12"));
		assertThat(ConvertedAmount.of(Money.of("3", "JPY"), new BigDecimal("8"), RATE_DATE).usd())
			.isEqualTo(Money.usd("0.38"));
	}

	@Test
	void keepsAUsdAmountAsItsOwnEquivalent() {
		var converted = ConvertedAmount.of(Money.usd("250.10"), BigDecimal.ONE, RATE_DATE);
		assertThat(converted.usd()).isEqualTo(Money.usd("250.10"));
		assertThat(converted.original()).isEqualTo(Money.usd("250.10"));
	}

	@Test
	void readsStoredColumnsAtTheCurrencysOwnDigits() {
		// DECIMAL(19,4) columns come back with four decimals; the money has the currency's own.
		var stored = new ConvertedAmount(new BigDecimal("12500.0000"), "JPY", new BigDecimal("155.25000000"), RATE_DATE,
				new BigDecimal("80.5200"));
		assertThat(stored.original().amount()).isEqualTo(new BigDecimal("12500"));
		assertThat(stored.usd().amount()).isEqualTo(new BigDecimal("80.52"));
		assertThat(stored.usd().currency()).isEqualTo(Money.USD);
	}

	@Test
	void negatesBothAmountsAndKeepsTheRateAndItsDate() {
		var converted = ConvertedAmount.of(Money.of("500.00", "GBP"), new BigDecimal("0.80"), RATE_DATE);
		var reversal = converted.negated();
		assertThat(reversal.original()).isEqualTo(Money.of("-500.00", "GBP"));
		assertThat(reversal.usd()).isEqualTo(Money.usd("-625.00"));
		assertThat(reversal.rate()).isEqualByComparingTo("0.80");
		assertThat(reversal.rateDate()).isEqualTo(RATE_DATE);
		assertThat(reversal.negated()).isEqualTo(converted);
	}

}
