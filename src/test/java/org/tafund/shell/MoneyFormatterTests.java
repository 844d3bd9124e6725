package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.tafund.shared.Money;

class MoneyFormatterTests {

	private static final Locale FRENCH = Locale.FRENCH;

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private final MoneyFormatter formatter = new MoneyFormatter();

	@Test
	void printsEnglishAmountsAsFinanceReadsThemAtTheCurrencysDigits() {
		assertThat(formatter.print(Money.usd("1234.56"), Locale.ENGLISH)).isEqualTo("1,234.56");
		assertThat(formatter.print(Money.of("5000000", "NOK"), Locale.ENGLISH)).isEqualTo("5,000,000.00");
		assertThat(formatter.print(Money.of("30000000", "JPY"), Locale.ENGLISH)).isEqualTo("30,000,000");
		assertThat(formatter.print(Money.of("1.125", "KWD"), Locale.ENGLISH)).isEqualTo("1.125");
		assertThat(formatter.print(Money.usd("-5454.5"), Locale.ENGLISH)).isEqualTo("-5,454.50");
		assertThat(formatter.print(Money.usd("0"), Locale.ENGLISH)).isEqualTo("0.00");
		// The same text as the grouping pages showed before the formatter.
		assertThat(formatter.print(Money.of("987654321.99", "EUR"), Locale.ENGLISH))
			.isEqualTo(Money.of("987654321.99", "EUR").grouped());
	}

	@Test
	void printsFrenchAmountsWithNoBreakSpacesBetweenGroupsAndADecimalComma() {
		var printed = formatter.print(Money.usd("1234567.89"), FRENCH);
		// French groups with a no-break space (narrow, U+202F, in current CLDR data), never a plain one.
		assertThat(printed.replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("1 234 567,89");
		assertThat(printed).doesNotContain(" ");
		assertThat(formatter.print(Money.of("30000000", "JPY"), FRENCH).replaceAll("\\h", " ")).isEqualTo("30 000 000");
		assertThat(formatter.print(Money.usd("-0.5"), FRENCH)).endsWith("0,50").hasSize(5);
	}

	@Test
	void printsSpanishAmountsWithADecimalComma() {
		assertThat(formatter.print(Money.usd("1234567.56"), SPANISH)).endsWith("234.567,56");
	}

	@Test
	void roundsUsdFiguresOfReportsHalfEvenToTheCentInTheRequestLanguage() {
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(formatter.usd(new BigDecimal("1234.565"))).isEqualTo("1,234.56");
			assertThat(formatter.usd(new BigDecimal("1234.575"))).isEqualTo("1,234.58");
			assertThat(formatter.usd(new BigDecimal("12"))).isEqualTo("12.00");
			assertThat(formatter.of(new BigDecimal("1500.0000"), "JPY")).isEqualTo("1,500");
			assertThat(formatter.usd(null)).isEmpty();
			LocaleContextHolder.setLocale(FRENCH);
			assertThat(formatter.usd(new BigDecimal("1234.5")).replaceAll("\\h", " ")).isEqualTo("1 234,50");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void parsesWhatItPrintsWithTheCurrencyCode() throws ParseException {
		assertThat(formatter.parse("1,234.56 EUR", Locale.ENGLISH)).isEqualTo(Money.of("1234.56", "EUR"));
		var french = formatter.print(Money.of("1234.56", "EUR"), FRENCH) + " EUR";
		assertThat(formatter.parse(french, FRENCH)).isEqualTo(Money.of("1234.56", "EUR"));
		assertThatThrownBy(() -> formatter.parse("1,234.56", Locale.ENGLISH)).isInstanceOf(ParseException.class);
		assertThatThrownBy(() -> formatter.parse("12x EUR", Locale.ENGLISH)).isInstanceOf(ParseException.class);
	}

	@Test
	void ratesKeepTheirPublishedDigitsWithTheReadersMarks() {
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(formatter.rate(new BigDecimal("10.96950000"))).isEqualTo("10.9695");
			assertThat(formatter.rate(new BigDecimal("42000.00000000"))).isEqualTo("42,000");
			assertThat(formatter.rate(new BigDecimal("1.00000000"))).isEqualTo("1");
			LocaleContextHolder.setLocale(FRENCH);
			assertThat(formatter.rate(new BigDecimal("10.96950000"))).isEqualTo("10,9695");
			assertThat(formatter.rate(null)).isEmpty();
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

}
