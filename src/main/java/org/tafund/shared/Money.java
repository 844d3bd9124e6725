package org.tafund.shared;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An amount in one currency, at that currency's own minor units (ISO 4217: JPY 0, USD 2, KWD
 * 3). Input with more decimals than the currency has is refused, never rounded silently. The one
 * rounding rule of tafund, half-even to the currency's digits, lives in {@link #rounded}; every
 * computed amount goes through it.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency)
		implements Comparable<Money>, java.io.Serializable {

	public static final String USD = "USD";

	public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

	static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

	public Money {
		Objects.requireNonNull(amount, "amount");
		currency = checkedCurrency(currency);
		var digits = digits(currency);
		if (amount.stripTrailingZeros().scale() > digits) {
			throw new BusinessRuleViolation("money.tooManyDecimals", currency, digits);
		}
		// DECIMAL(19,4) holds 15 digits before the point; nothing the Fund handles comes near.
		if (amount.abs().compareTo(LIMIT) >= 0) {
			throw new BusinessRuleViolation("money.tooLarge", currency);
		}
		amount = amount.setScale(digits, ROUNDING);
	}

	public static Money of(String amount, String currency) {
		try {
			return new Money(new BigDecimal(amount.strip()), currency);
		}
		catch (NumberFormatException | NullPointerException e) {
			throw new BusinessRuleViolation("money.notANumber", amount);
		}
	}

	public static Money of(BigDecimal amount, String currency) {
		return new Money(amount, currency);
	}

	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public static Money usd(String amount) {
		return of(amount, USD);
	}

	/** The one place where tafund rounds: half-even to the currency's minor units. */
	public static Money rounded(BigDecimal exact, String currency) {
		var code = checkedCurrency(currency);
		return new Money(exact.setScale(digits(code), ROUNDING), code);
	}

	/** Minor units of a currency; refuses codes that are not ISO 4217 currencies (XAU, XDR...). */
	public static int digits(String currency) {
		return Currency.getInstance(checkedCurrency(currency)).getDefaultFractionDigits();
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.subtract(other.amount), currency);
	}

	public Money negated() {
		return new Money(amount.negate(), currency);
	}

	public Money times(BigDecimal factor) {
		return rounded(amount.multiply(factor), currency);
	}

	public Money dividedBy(BigDecimal divisor) {
		return rounded(amount.divide(divisor, MathContext.DECIMAL128), currency);
	}

	/** This amount in USD at a UN rate expressed as units of this currency per 1 USD. */
	public Money toUsd(BigDecimal unitsPerUsd) {
		return currency.equals(USD) ? this : rounded(amount.divide(unitsPerUsd, MathContext.DECIMAL128), USD);
	}

	/** This USD amount in another currency at a rate of units of that currency per 1 USD. */
	public Money fromUsd(BigDecimal unitsPerUsd, String target) {
		if (!currency.equals(USD)) {
			throw new BusinessRuleViolation("money.currencyMismatch", currency, USD);
		}
		return target.equals(USD) ? this : rounded(amount.multiply(unitsPerUsd), target);
	}

	public Money min(Money other) {
		return compareTo(other) <= 0 ? this : other;
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	public boolean isPositive() {
		return amount.signum() > 0;
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	public boolean isGreaterThan(Money other) {
		return compareTo(other) > 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount);
	}

	/** The amount with thousands separators, as finance officers read it: {@code 5,000,000.00}. */
	public String grouped() {
		var format = new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setMinimumFractionDigits(amount.scale());
		format.setMaximumFractionDigits(amount.scale());
		return format.format(amount);
	}

	/** {@code 5,000,000.00 NOK} */
	public String display() {
		return grouped() + " " + currency;
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency;
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new BusinessRuleViolation("money.currencyMismatch", currency, other.currency);
		}
	}

	private static String checkedCurrency(String currency) {
		if (currency == null) {
			throw new BusinessRuleViolation("money.currency.unknown", "");
		}
		var code = currency.strip().toUpperCase(Locale.ROOT);
		try {
			if (code.length() == 3 && Currency.getInstance(code).getDefaultFractionDigits() >= 0) {
				return code;
			}
		}
		catch (IllegalArgumentException e) {
			// falls through to the refusal below
		}
		throw new BusinessRuleViolation("money.currency.unknown", currency);
	}

}
