package org.tafund.fx;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

public record RateView(Long id, String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd, String recordedBy,
		Instant recordedAt, BigDecimal previousUnitsPerUsd, String correctionReason, String correctedBy, long version) {

	public boolean corrected() {
		return previousUnitsPerUsd != null;
	}
}
