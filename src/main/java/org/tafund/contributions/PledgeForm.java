package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The pledge form of the donor page's contributions panel. */
record PledgeForm(@NotNull(message = "{pledge.date.required}") LocalDate pledgedOn,
		@NotNull(message = "{pledge.amount.required}") @Positive(message = "{pledge.amount.positive}") BigDecimal amount,
		@NotBlank(message = "{pledge.currency.required}") @Size(min = 3, max = 3,
				message = "{pledge.currency.required}") String currency,
		FundingWindow window, @Size(max = 500) String note) implements java.io.Serializable {

	static PledgeForm empty() {
		return new PledgeForm(null, null, "USD", null, "");
	}

}
