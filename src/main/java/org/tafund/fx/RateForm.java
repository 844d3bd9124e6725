package org.tafund.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** One rate, from the page form or {@code POST /api/v1/exchange-rates}. */
record RateForm(@NotBlank @Size(min = 3, max = 3) String currency,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
		@NotNull @Positive BigDecimal unitsPerUsd) implements java.io.Serializable {

	static RateForm empty() {
		return new RateForm("", null, null);
	}

}
