package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.tafund.shared.Dates;
import org.tafund.shared.Summary;

/**
 * Dates as each reader writes them, on pages and in messages: the day first and the month in
 * words in all three languages (English as UN documents write it, not the US order), times in UTC
 * and saying so.
 */
class DatesOnPagesTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final LocalDate DAY = LocalDate.of(2026, 6, 5);

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aDayIsWrittenDayMonthYearInEachLanguage() {
		assertThat(Dates.day(DAY, Locale.ENGLISH)).isEqualTo("5 Jun 2026");
		assertThat(Dates.day(DAY, Locale.FRENCH)).isEqualTo("5 juin 2026");
		assertThat(Dates.day(DAY, SPANISH)).isEqualTo("5 jun 2026");
		assertThat(Dates.day(null, Locale.ENGLISH)).isEmpty();
		// A reader who asked for American English gets the American order.
		assertThat(Dates.day(DAY, Locale.US)).isEqualTo("Jun 5, 2026");
	}

	@Test
	void aMonthAndAMomentAreInWordsAndMomentsSayUtc() {
		assertThat(Dates.month(YearMonth.of(2026, 3), Locale.ENGLISH)).isEqualTo("March 2026");
		assertThat(Dates.month(YearMonth.of(2026, 3), Locale.FRENCH)).isEqualTo("mars 2026");
		assertThat(Dates.month(YearMonth.of(2026, 3), SPANISH)).isEqualTo("marzo de 2026");
		var at = Instant.parse("2026-06-05T14:03:07Z");
		assertThat(Dates.minute(at, Locale.ENGLISH)).isEqualTo("5 Jun 2026, 14:03 UTC");
		assertThat(Dates.second(at, Locale.ENGLISH)).isEqualTo("5 Jun 2026, 14:03:07 UTC");
		assertThat(Dates.minute(at, Locale.FRENCH)).startsWith("5 juin 2026").endsWith("14:03 UTC");
	}

	@Test
	void templatesGetTheRequestsLanguageAndTimestampsWithoutAZoneAreUtc() {
		var dates = new DateView();
		LocaleContextHolder.setLocale(Locale.FRENCH);
		assertThat(dates.day(DAY)).isEqualTo("5 juin 2026");
		assertThat(dates.day(Instant.parse("2026-06-05T23:30:00Z"))).isEqualTo("5 juin 2026");
		assertThat(dates.month(DAY)).isEqualTo("juin 2026");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(dates.minute(LocalDateTime.of(2026, 6, 5, 9, 15))).isEqualTo("5 Jun 2026, 09:15 UTC");
		assertThat(dates.day(java.sql.Date.valueOf(DAY))).isEqualTo("5 Jun 2026");
		assertThat(dates.day(null)).isEmpty();
		assertThat(dates.minute(null)).isEmpty();
	}

	@Test
	void aDateGivenToAMessageIsWrittenAsTheReaderWritesIt() {
		var messages = new Messages();
		assertThat(messages.getMessage("receipt.beforeSignature", new Object[] { DAY }, Locale.FRENCH))
			.contains("5 juin 2026")
			.doesNotContain("2026-06-05");
		assertThat(messages.getMessage("books.periods.firstOpen", new Object[] { YearMonth.of(2026, 5) }, Locale.ENGLISH))
			.startsWith("May 2026 has entries");
		// A summary kept with a pending record (its date stored as ISO) is written the same way.
		var summary = Summary.of("approval.summary.receipt", org.tafund.shared.Money.usd("10"), DAY, "");
		assertThat(summary.in(messages, SPANISH, "?")).contains("5 jun 2026").doesNotContain("2026-06-05");
	}

}
