package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Everything a donor relations officer enters for a new agreement. */
public record AgreementTerms(String reference, long donorId, String currency, BigDecimal amount, FundingWindow window,
		String pniInstitute, int earmarkLevel, EarmarkKind earmarkKind, String earmarkTarget, BigDecimal pscRate,
		String pscApprovalReference, boolean conditional, LocalDate periodStart, LocalDate periodEnd, LocalDate signedOn,
		List<ScheduleLine> instalments, List<LocalDate> reportDueDates, boolean inKind) {

	/** Terms of a contribution in cash. */
	public AgreementTerms(String reference, long donorId, String currency, BigDecimal amount, FundingWindow window,
			String pniInstitute, int earmarkLevel, EarmarkKind earmarkKind, String earmarkTarget, BigDecimal pscRate,
			String pscApprovalReference, boolean conditional, LocalDate periodStart, LocalDate periodEnd,
			LocalDate signedOn, List<ScheduleLine> instalments, List<LocalDate> reportDueDates) {
		this(reference, donorId, currency, amount, window, pniInstitute, earmarkLevel, earmarkKind, earmarkTarget,
				pscRate, pscApprovalReference, conditional, periodStart, periodEnd, signedOn, instalments,
				reportDueDates, false);
	}

	/** Terms of a contribution in cash, without donor report dates. */
	public AgreementTerms(String reference, long donorId, String currency, BigDecimal amount, FundingWindow window,
			String pniInstitute, int earmarkLevel, EarmarkKind earmarkKind, String earmarkTarget, BigDecimal pscRate,
			String pscApprovalReference, boolean conditional, LocalDate periodStart, LocalDate periodEnd,
			LocalDate signedOn, List<ScheduleLine> instalments) {
		this(reference, donorId, currency, amount, window, pniInstitute, earmarkLevel, earmarkKind, earmarkTarget,
				pscRate, pscApprovalReference, conditional, periodStart, periodEnd, signedOn, instalments, List.of());
	}

}
