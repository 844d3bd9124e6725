package org.tafund.books;

import java.time.Instant;
import java.time.LocalDate;

/** A period close as the pages and the API show it (without its snapshot, which has its own route). */
public record PeriodCloseView(long id, PeriodKind kind, LocalDate periodStart, LocalDate periodEnd, Instant closedAt,
		String closedBy, Instant reopenedAt, String reopenedBy, String reopenReason, String fingerprint)
		implements java.io.Serializable {

	public boolean active() {
		return reopenedAt == null;
	}

	/** {@code 2025-03} for a month, {@code 2025} for a year. */
	public String period() {
		return kind == PeriodKind.YEAR ? String.valueOf(periodStart.getYear()) : periodStart.toString().substring(0, 7);
	}

}
