package org.tafund.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;

/**
 * One line of an entry to be posted: an account of a segment, debited or credited in USD (at
 * most 2 decimals, never negative, exactly one side above zero), optionally the original amount
 * with the rate (units per 1 USD) and the rate's effective date, and the dimensions.
 *
 * <pre>{@code
 * Posting.debit(Account.RECEIVABLE, Segment.SPECIAL, usd, dims).converted(original, rate, rateDate)
 * }</pre>
 */
public record Posting(Account account, Segment segment, BigDecimal debitUsd, BigDecimal creditUsd, Money original,
		BigDecimal rate, LocalDate rateDate, Dimensions dimensions) {

	static final BigDecimal LIMIT_USD = new BigDecimal("1000000000000000");

	static final BigDecimal MAX_RATE = new BigDecimal("99999999999.99999999");

	public Posting {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(segment, "segment");
		debitUsd = usd(debitUsd, account);
		creditUsd = usd(creditUsd, account);
		if ((debitUsd.signum() == 0) == (creditUsd.signum() == 0)) {
			throw new BusinessRuleViolation("journal.line.oneSide", account.code(), debitUsd.toPlainString(),
					creditUsd.toPlainString());
		}
		if (original != null && original.isNegative()) {
			throw new BusinessRuleViolation("journal.line.negative", account.code());
		}
		if (rate != null) {
			if (original == null) {
				throw new BusinessRuleViolation("journal.line.rateWithoutOriginal", account.code());
			}
			if (rate.signum() <= 0 || rate.stripTrailingZeros().scale() > 8 || rate.compareTo(MAX_RATE) > 0) {
				throw new BusinessRuleViolation("fx.rate.precision");
			}
		}
		if (rateDate != null && rate == null) {
			throw new BusinessRuleViolation("journal.line.rateWithoutOriginal", account.code());
		}
		dimensions = dimensions == null ? Dimensions.NONE : dimensions;
	}

	public static Posting debit(Account account, Segment segment, Money usd, Dimensions dimensions) {
		return new Posting(account, segment, usd(usd), BigDecimal.ZERO, null, null, null, dimensions);
	}

	public static Posting credit(Account account, Segment segment, Money usd, Dimensions dimensions) {
		return new Posting(account, segment, BigDecimal.ZERO, usd(usd), null, null, null, dimensions);
	}

	public static Posting debit(Account account, Segment segment, BigDecimal usd, Dimensions dimensions) {
		return new Posting(account, segment, usd, BigDecimal.ZERO, null, null, null, dimensions);
	}

	public static Posting credit(Account account, Segment segment, BigDecimal usd, Dimensions dimensions) {
		return new Posting(account, segment, BigDecimal.ZERO, usd, null, null, null, dimensions);
	}

	/** This line with the amount it was converted from, at {@code rate} units per 1 USD effective {@code rateDate}. */
	public Posting converted(Money original, BigDecimal rate, LocalDate rateDate) {
		return new Posting(account, segment, debitUsd, creditUsd, original, rate, rateDate, dimensions);
	}

	public Posting with(Dimensions dimensions) {
		return new Posting(account, segment, debitUsd, creditUsd, original, rate, rateDate, dimensions);
	}

	/** The same line on the other side: how a reversal mirrors an entry. */
	public Posting mirrored() {
		return new Posting(account, segment, creditUsd, debitUsd, original, rate, rateDate, dimensions);
	}

	public boolean isDebit() {
		return debitUsd.signum() > 0;
	}

	/** The amount of the side that is not zero. */
	public BigDecimal amountUsd() {
		return isDebit() ? debitUsd : creditUsd;
	}

	private static BigDecimal usd(Money usd) {
		Objects.requireNonNull(usd, "usd");
		if (!usd.currency().equals(Money.USD)) {
			throw new BusinessRuleViolation("journal.line.notUsd", usd.currency());
		}
		return usd.amount();
	}

	private static BigDecimal usd(BigDecimal amount, Account account) {
		if (amount == null) {
			return BigDecimal.ZERO.setScale(2);
		}
		if (amount.signum() < 0) {
			throw new BusinessRuleViolation("journal.line.negative", account.code());
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new BusinessRuleViolation("money.tooManyDecimals", Money.USD, 2);
		}
		if (amount.compareTo(LIMIT_USD) >= 0) {
			throw new BusinessRuleViolation("money.tooLarge", Money.USD);
		}
		return amount.setScale(2);
	}

}
