package org.tafund.shell;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.tafund.shared.Dates;

/**
 * The application's messages ({@code messages*.properties}, UTF-8, no fallback to the server's
 * language). A date, month or moment given as an argument is written as the reader writes it
 * ({@code pledged on 6 May 2026}, {@code annoncés le 6 mai 2026}), wherever the message is built:
 * a template, a worklist, a refusal. {@code MessageFormat} alone would print {@code 2026-05-06}.
 */
class Messages extends ResourceBundleMessageSource {

	Messages() {
		setBasename("messages");
		setDefaultEncoding(StandardCharsets.UTF_8.name());
		setFallbackToSystemLocale(false);
	}

	@Override
	protected Object[] resolveArguments(Object[] args, Locale locale) {
		var resolved = super.resolveArguments(args, locale).clone();
		for (int i = 0; i < resolved.length; i++) {
			if (resolved[i] instanceof LocalDate date) {
				resolved[i] = Dates.day(date, locale);
			}
			else if (resolved[i] instanceof YearMonth month) {
				resolved[i] = Dates.month(month, locale);
			}
			else if (resolved[i] instanceof Instant at) {
				resolved[i] = Dates.minute(at, locale);
			}
		}
		return resolved;
	}

}
