package org.tafund.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.tafund.shared.ConvertedAmount;
import org.tafund.shared.Money;

/**
 * The UN rate a transaction was booked at: kept with the transaction forever, so that history is
 * never recomputed with later rates.
 */
public record AppliedRate(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd) {

	public static AppliedRate usd(LocalDate date) {
		return new AppliedRate(Money.USD, date, BigDecimal.ONE);
	}

	public Money toUsd(Money amount) {
		return amount.toUsd(unitsPerUsd);
	}

	/** {@code amount} converted at this rate, kept with its origin. */
	public ConvertedAmount convert(Money amount) {
		return ConvertedAmount.of(amount, unitsPerUsd, effectiveDate);
	}

	public Money fromUsd(Money usd) {
		return usd.fromUsd(unitsPerUsd, currency);
	}

}
