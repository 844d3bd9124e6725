package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The refund form of the agreement page: the amount is in the agreement's currency. */
record RefundForm(LocalDate refundedOn,
		@NotNull(message = "{refund.amount.positive}") @Positive(message = "{refund.amount.positive}") BigDecimal amount,
		String reason) implements java.io.Serializable {

	static RefundForm empty(LocalDate today) {
		return new RefundForm(today, null, "");
	}

}
