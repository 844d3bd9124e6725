package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A receipt from the page form or {@code POST /api/v1/agreements/{id}/receipts}. */
record ReceiptRequest(@NotNull LocalDate receivedOn, @NotNull @Positive BigDecimal amount,
		@NotBlank @Size(min = 3, max = 3) String currency, @Size(max = 100) String bankReference,
		@Size(max = 500) String note, Boolean overpayment) implements java.io.Serializable {

	ReceiptCommand toCommand() {
		return new ReceiptCommand(receivedOn, amount, currency, bankReference, note,
				overpayment != null && overpayment);
	}

}
