package org.tafund.shell;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParseException;
import java.text.ParsePosition;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.Formatter;
import org.tafund.shared.Money;

/**
 * How pages show money: the amount grouped as the reader's language groups it, at its currency's
 * minor units ({@code 1,234.56} in English, {@code 1 234,56} in French, {@code 1.234,56} in
 * Spanish, {@code 30,000,000} for yen). Templates write {@code ${{money}}} and add the currency
 * code where the page shows it. Report views that carry USD as a {@code BigDecimal} (their JSON
 * is an export and keeps its shape) go through {@link #usd} as {@code ${@money.usd(x)}}. Exports
 * never use this: they have their own formats, which reconcile to the cent.
 */
public class MoneyFormatter implements Formatter<Money> {

	@Override
	public String print(Money money, Locale locale) {
		return grouped(money.amount(), locale);
	}

	/** {@code 1,234.56 EUR}: an amount and its currency code, as the formatter prints them. */
	@Override
	public Money parse(String text, Locale locale) throws ParseException {
		var value = text.strip();
		int space = value.lastIndexOf(' ');
		if (space < 0) {
			throw new ParseException("An amount and its currency: " + text, 0);
		}
		var format = format(locale, 0);
		format.setParseBigDecimal(true);
		var number = value.substring(0, space).strip();
		var position = new ParsePosition(0);
		var amount = (BigDecimal) format.parse(number, position);
		if (amount == null || position.getIndex() != number.length()) {
			throw new ParseException("Not an amount: " + text, position.getErrorIndex());
		}
		return Money.of(amount, value.substring(space + 1));
	}

	/** A USD figure at cents, half-even, in the language of the current request; none for null. */
	public String usd(BigDecimal usd) {
		return of(usd, Money.USD);
	}

	/**
	 * An amount of {@code currency} at that currency's digits, half-even, in the language of the
	 * current request; none for null.
	 */
	public String of(BigDecimal amount, String currency) {
		return amount == null ? "" : print(Money.rounded(amount, currency), LocaleContextHolder.getLocale());
	}

	/**
	 * A rate (units per USD) as published, every digit kept and none added, with the reader's marks:
	 * {@code 10.9695} in English, {@code 10,9695} in French; none for null.
	 */
	public String rate(BigDecimal rate) {
		if (rate == null) {
			return "";
		}
		var plain = rate.stripTrailingZeros();
		return format(LocaleContextHolder.getLocale(), Math.max(0, plain.scale())).format(plain);
	}

	private static String grouped(BigDecimal amount, Locale locale) {
		return format(locale, amount.scale()).format(amount);
	}

	private static DecimalFormat format(Locale locale, int digits) {
		var format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		format.setRoundingMode(Money.ROUNDING);
		return format;
	}

}
