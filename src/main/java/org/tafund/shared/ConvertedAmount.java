package org.tafund.shared;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An amount converted to USD at a UN rate, kept with its origin: the original amount and
 * currency, the rate (units of that currency per 1 USD), the rate's effective date and the USD
 * equivalent. Fixed when recorded; history is never recomputed with later rates. Stored in the
 * columns {@code amount}, {@code currency}, {@code rate}, {@code rate_date} and
 * {@code usd_amount} of the entity that embeds it.
 */
@Embeddable
public record ConvertedAmount(
		@Column(name = "amount", nullable = false, updatable = false, precision = 19, scale = 4) BigDecimal amount,
		@Column(name = "currency", nullable = false, updatable = false, length = 3) String currency,
		@Column(name = "rate", nullable = false, updatable = false, precision = 19, scale = 8) BigDecimal rate,
		@Column(name = "rate_date", nullable = false, updatable = false) LocalDate rateDate,
		@Column(name = "usd_amount", nullable = false, updatable = false, precision = 19,
				scale = 4) BigDecimal usdAmount) {

	/**
	 * {@code original} converted to USD at {@code unitsPerUsd} (of the original's currency per 1
	 * USD), rounded by the one rule of {@link Money}; a USD amount is its own equivalent.
	 */
	public static ConvertedAmount of(Money original, BigDecimal unitsPerUsd, LocalDate rateDate) {
		return new ConvertedAmount(original.amount(), original.currency(), unitsPerUsd, rateDate,
				original.toUsd(unitsPerUsd).amount());
	}

	/** The amount as received, paid or pledged, in its own currency. */
	public Money original() {
		return new Money(amount, currency);
	}

	/** The USD equivalent at {@link #rate()}. */
	public Money usd() {
		return new Money(usdAmount, Money.USD);
	}

	/** The same conversion with opposite amounts, at the same rate and rate date: a reversal's. */
	public ConvertedAmount negated() {
		return new ConvertedAmount(amount.negate(), currency, rate, rateDate, usdAmount.negate());
	}

}
