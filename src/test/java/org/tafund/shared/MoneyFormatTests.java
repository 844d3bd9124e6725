package org.tafund.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyFormatTests {

	@Test
	void groupsThousandsAndKeepsTheCurrencysDecimals() {
		assertThat(Money.of("5000000", "NOK").display()).isEqualTo("5,000,000.00 NOK");
		assertThat(Money.of("30000000", "JPY").grouped()).isEqualTo("30,000,000");
		assertThat(Money.of("-5454.55", "USD").grouped()).isEqualTo("-5,454.55");
		assertThat(Money.of("1.125", "KWD").display()).isEqualTo("1.125 KWD");
		// ISO 4217 gives the Chilean unidad de fomento four decimals: all four are shown.
		assertThat(Money.of("1234.5678", "CLF").display()).isEqualTo("1,234.5678 CLF");
	}

}
