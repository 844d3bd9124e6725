package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The refund form of the agreement page: the amount is in the agreement's currency. */
record RefundForm(LocalDate refundedOn, BigDecimal amount, String reason) {

	static RefundForm empty(LocalDate today) {
		return new RefundForm(today, null, "");
	}

}
