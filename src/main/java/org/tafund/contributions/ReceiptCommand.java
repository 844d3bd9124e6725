package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A receipt as a finance officer records it; {@code overpayment} accepts more than is due. */
public record ReceiptCommand(LocalDate receivedOn, BigDecimal amount, String currency, String bankReference,
		String note, boolean overpayment) {
}
