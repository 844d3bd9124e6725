package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.tafund.shared.Money;

/** A receipt or reversal as pages and the API show it, with the rates it was booked at. */
public record ReceiptView(Long id, Long agreementId, LocalDate receivedOn, Money amount, BigDecimal rate,
		LocalDate rateDate, Money usd, Money inAgreementCurrency, BigDecimal agreementRate, LocalDate agreementRateDate,
		String bankReference, String note, boolean overpayment, Long reversalOf, String reason, boolean reversed,
		String recordedBy, Instant recordedAt) {
}
