package org.tafund.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts as people type them, read by the reader's language where a lone separator leaves a doubt. */
class AmountTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "1,000,000.00", "1000000", "1 000 000,00", "1.000.000,00", "1'000'000.00", "1\u202F000\u202F000,00",
			" 1000000.0 " })
	void everyWayOfWritingAMillionReadsAsAMillion(String typed) {
		assertThat(AmountText.parse(typed, Locale.ENGLISH)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1000000"));
		assertThat(AmountText.parse(typed, Locale.FRENCH)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1000000"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1,000|en|1000", "1,000|fr|1.000", "1.000|en|1.000", "1.000|fr|1000",
			"1,5|en|1.5", "12.345,6|es|12345.6", "-250.75|en|-250.75" })
	void aLoneSeparatorBeforeThreeDigitsIsReadInTheReadersLanguage(String typed, String language, String expected) {
		assertThat(AmountText.parse(typed, Locale.forLanguageTag(language))).contains(new BigDecimal(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1,0,0", "1.000,000.5", "12,34,5", "abc", "", "1..0", "1,00,000.00", "-", "1.2.3",
			"1 000 00", "1 5", "1'2'3", "1 000.000,00" })
	void anythingElseIsNotAnAmount(String typed) {
		assertThat(AmountText.parse(typed, Locale.ENGLISH)).isEmpty();
	}

}
