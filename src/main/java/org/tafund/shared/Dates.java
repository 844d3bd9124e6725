package org.tafund.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as a reader writes them: {@code 15 Jun 2026}, {@code 15 juin 2026}, {@code 15 jun 2026}.
 * English follows UN documents (day, short month, year), not the US order. Times are UTC and say
 * so: the Fund's offices sit in several time zones and its books keep one clock. Machine formats
 * (ISO dates in CSV, JSON and date inputs) never come through here.
 */
public final class Dates {

	private Dates() {
	}

	/** {@code 15 Jun 2026}; none for null. */
	public static String day(LocalDate date, Locale locale) {
		return date == null ? "" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(written(locale)));
	}

	/** {@code June 2026}, {@code juin 2026}, {@code junio de 2026}; none for null. */
	public static String month(YearMonth month, Locale locale) {
		// Spanish joins month and year with "de", as the period labels of the messages do.
		var pattern = locale.getLanguage().equals("es") ? "LLLL 'de' y" : "LLLL y";
		return month == null ? "" : month.format(DateTimeFormatter.ofPattern(pattern, written(locale)));
	}

	/** {@code 15 Jun 2026, 14:03 UTC}; none for null. */
	public static String minute(Instant at, Locale locale) {
		return at == null ? "" : moment(at, FormatStyle.SHORT, locale);
	}

	/** {@code 15 Jun 2026, 14:03:07 UTC}, where the order of events within a minute matters (audit); none for null. */
	public static String second(Instant at, Locale locale) {
		return at == null ? "" : moment(at, FormatStyle.MEDIUM, locale);
	}

	private static String moment(Instant at, FormatStyle time, Locale locale) {
		return at.atOffset(ZoneOffset.UTC)
			.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, time).withLocale(written(locale)))
			.replace('\u202F', '\u00A0') + " UTC";
	}

	/** The locale dates are written in: plain English writes them as the United Kingdom does. */
	public static Locale written(Locale locale) {
		return locale.getLanguage().equals("en") && locale.getCountry().isEmpty() ? Locale.UK : locale;
	}

}
