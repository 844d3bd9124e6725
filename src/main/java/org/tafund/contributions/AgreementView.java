package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.tafund.shared.Money;

/** An agreement with its schedule, balances, receipts, refunds and amendments, as of a day. */
public record AgreementView(Long id, String reference, long donorId, String currency, Money total,
		FundingWindow window, String pniInstitute, int earmarkLevel, EarmarkKind earmarkKind, String earmarkTarget,
		BigDecimal pscRate, String pscApprovalReference, boolean conditional, LocalDate periodStart,
		LocalDate periodEnd, LocalDate signedOn, Money recognisedUsd, BigDecimal recognitionRate,
		LocalDate recognitionRateDate, AgreementPosition position, Money receivedUsd, List<ReceiptView> receipts,
		List<Refund.RefundView> refunds, List<AmendmentLine> amendments, List<EarlierInstalment> earlierSchedules,
		List<LocalDate> reportDueDates, long version, boolean inKind) {

	/** A dated change of total or schedule. */
	public record AmendmentLine(LocalDate amendedOn, String reason, BigDecimal previousTotal, BigDecimal newTotal,
			int scheduleNumber, String recordedBy) {
	}

	/** An instalment of a schedule that an amendment replaced: kept, so history shows what was expected. */
	public record EarlierInstalment(int scheduleNumber, LocalDate dueOn, Money amount) {
	}

	public AgreementStatus status() {
		return position.status();
	}

}
