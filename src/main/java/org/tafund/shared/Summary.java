package org.tafund.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;


/**
 * A message in words each reader's language can say (what a pending record asks for, what a
 * notification tells): a message key and its arguments, each kept with its kind ({@code m:} an
 * amount and its currency, {@code d:} a date, {@code y:} a month, {@code c:} a count, {@code n:}
 * another number, {@code t:} text as typed, {@code x:} text that holds ISO dates), so that an
 * amount is written with the reader's separators and a date in the reader's words.
 */
public record Summary(String key, List<String> args) {

	public Summary {
		Objects.requireNonNull(key, "key");
		args = List.copyOf(args);
	}

	/** A summary from {@link Money}, {@link LocalDate}, numbers and text (null: empty text). */
	public static Summary of(String key, Object... values) {
		var args = new ArrayList<String>();
		for (var value : values) {
			if (value instanceof Money money) {
				args.add("m:" + money.amount().toPlainString() + " " + money.currency());
			}
			else if (value instanceof LocalDate date) {
				args.add("d:" + date);
			}
			else if (value instanceof java.time.YearMonth month) {
				args.add("y:" + month);
			}
			else if (value instanceof Dated dated) {
				args.add("x:" + dated.text());
			}
			else if (value instanceof Integer || value instanceof Long) {
				args.add("c:" + value);
			}
			else if (value instanceof Number number) {
				args.add("n:" + new BigDecimal(number.toString()).toPlainString());
			}
			else {
				args.add("t:" + (value == null ? "" : value.toString()));
			}
		}
		return new Summary(key, args);
	}

	/**
	 * Text made by the application that holds dates, written ISO ({@code ISK 58.5 (1991-09-23)}): each
	 * date in it is shown in the reader's words.
	 */
	public record Dated(String text) {
	}

	private static final java.util.regex.Pattern ISO_DAY = java.util.regex.Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

	/**
	 * The words in {@code locale}. A stored summary whose arguments no longer fit its message (a
	 * message reworded in a later release, a count where text now stands) gives {@code fallback},
	 * and a warning naming the key and arguments, rather than failing the page that lists it.
	 */
	public String in(org.springframework.context.MessageSource messages, Locale locale, String fallback) {
		try {
			return messages.getMessage(key, rendered(locale), fallback, locale);
		}
		catch (IllegalArgumentException e) {
			org.slf4j.LoggerFactory.getLogger(Summary.class)
				.warn("Message {} does not fit its arguments {} in {}: {}", key, args, locale, e.getMessage());
			return fallback;
		}
	}

	/** The arguments as the reader sees them: amounts with the locale's separators, dates in its words. */
	public Object[] rendered(Locale locale) {
		return args.stream().map(arg -> render(arg, locale)).toArray();
	}

	private static Object render(String arg, Locale locale) {
		if (arg.length() < 2 || arg.charAt(1) != ':') {
			return arg;
		}
		var value = arg.substring(2);
		switch (arg.charAt(0)) {
			case 'm': {
				int space = value.lastIndexOf(' ');
				var currency = value.substring(space + 1);
				var amount = new BigDecimal(value.substring(0, space));
				int digits = Money.digits(currency);
				var format = NumberFormat.getNumberInstance(locale);
				format.setMinimumFractionDigits(digits);
				format.setMaximumFractionDigits(digits);
				return format.format(amount) + " " + currency;
			}
			case 'c': {
				// A count stays a number, so that a message can choose its words by it
				// ({0,choice,1#1 donor|1<{0} donors}); it is written with the reader's separators.
				return Long.valueOf(value);
			}
			case 'n': {
				// Every digit kept (a rate of 8.29215), not the format's default three.
				var number = new BigDecimal(value);
				var format = NumberFormat.getNumberInstance(locale);
				format.setMaximumFractionDigits(Math.max(0, number.scale()));
				return format.format(number);
			}
			case 'd': {
				return Dates.day(LocalDate.parse(value), locale);
			}
			case 'y': {
				return Dates.month(java.time.YearMonth.parse(value), locale);
			}
			case 'x': {
				return ISO_DAY.matcher(value)
					.replaceAll(day -> java.util.regex.Matcher.quoteReplacement(Dates.day(LocalDate.parse(day.group()), locale)));
			}
			default:
				return value;
		}
	}

}
