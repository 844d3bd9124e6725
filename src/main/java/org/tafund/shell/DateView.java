package org.tafund.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.springframework.context.i18n.LocaleContextHolder;
import org.tafund.shared.Dates;

/**
 * Dates on pages, in the language of the current request: {@code ${@dates.day(a.signedOn)}},
 * {@code ${@dates.minute(e.postedAt)}}. A page never shows {@code 2026-06-15}; date inputs keep ISO
 * in their {@code value}, as the browser needs. Stored timestamps without a zone are UTC, as the
 * application writes them.
 */
public class DateView {

	/** {@code 15 Jun 2026}; a timestamp shows its UTC day; none for null. */
	public String day(Object date) {
		LocalDate day;
		if (date == null || date instanceof LocalDate) {
			day = (LocalDate) date;
		}
		else if (date instanceof LocalDateTime t) {
			day = t.toLocalDate();
		}
		else if (date instanceof java.sql.Date d) {
			day = d.toLocalDate();
		}
		else if (date instanceof CharSequence text) {
			// A label stored as ISO text (a revaluation's period end on an approval).
			day = LocalDate.parse(text);
		}
		else {
			var at = instant(date);
			day = at.atOffset(ZoneOffset.UTC).toLocalDate();
		}
		return Dates.day(day, LocaleContextHolder.getLocale());
	}

	/** {@code June 2026}; none for null. */
	public String month(Object month) {
		YearMonth shown = month == null || month instanceof YearMonth ? (YearMonth) month
				: month instanceof LocalDate d ? YearMonth.from(d) : YearMonth.parse(month.toString());
		return Dates.month(shown, LocaleContextHolder.getLocale());
	}

	/** {@code 15 Jun 2026, 14:03 UTC}; none for null. */
	public String minute(Object at) {
		return Dates.minute(instant(at), LocaleContextHolder.getLocale());
	}

	/** {@code 15 Jun 2026, 14:03:07 UTC}; none for null. */
	public String second(Object at) {
		return Dates.second(instant(at), LocaleContextHolder.getLocale());
	}

	private static Instant instant(Object at) {
		if (at == null || at instanceof Instant) {
			return (Instant) at;
		}
		if (at instanceof LocalDateTime t) {
			return t.toInstant(ZoneOffset.UTC);
		}
		if (at instanceof OffsetDateTime o) {
			return o.toInstant();
		}
		if (at instanceof java.util.Date d) {
			return d.toInstant();
		}
		return Instant.parse(at.toString());
	}

}
