package org.tafund.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One money movement: what, when, for whom, in its own currency and in USD at the rate it was
 * booked at, and who recorded it. USD carries the sign of the movement for the Fund: receipts,
 * recognised agreements and exchange gains are positive; reversals, refunds, exchange losses,
 * expenditure and PSC are negative; allocations move money inside the Fund and are shown positive.
 */
record LedgerLine(LocalDate date, String type, String donor, String agreement, String project, String window,
		Boolean conditional, BigDecimal amount,
		String currency, BigDecimal rate, LocalDate rateDate, BigDecimal usd, String reference, String recordedBy,
		Instant recordedAt) {

	/** Revenue of the Fund: unconditional agreements when signed, conditional ones as cash arrives. */
	boolean isRevenue() {
		return switch (type) {
			case "AGREEMENT" -> !Boolean.TRUE.equals(conditional);
			case "RECEIPT", "REVERSAL" -> Boolean.TRUE.equals(conditional);
			default -> false;
		};
	}

	static LedgerLine of(ResultSet rs) throws SQLException {
		var rateDate = rs.getDate("rate_date");
		var recordedAt = rs.getTimestamp("recorded_at");
		return new LedgerLine(rs.getDate("entry_date").toLocalDate(), rs.getString("entry_type"), rs.getString("donor"),
				rs.getString("agreement"), rs.getString("project"), rs.getString("funding_window"),
				(Boolean) rs.getObject("conditional_terms", Boolean.class), rs.getBigDecimal("amount"),
				rs.getString("currency"),
				rs.getBigDecimal("rate"), rateDate == null ? null : rateDate.toLocalDate(), rs.getBigDecimal("usd"),
				rs.getString("reference"), rs.getString("recorded_by"),
				recordedAt == null ? null : recordedAt.toInstant());
	}

}
