package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/agreements}: amounts as strings, dates as ISO-8601. */
record AgreementRequest(@NotNull Long donorId, @NotBlank @Size(max = 60) String reference,
		@NotBlank @Size(min = 3, max = 3) String currency, @NotNull @Positive BigDecimal amount,
		@NotNull FundingWindow window, @Size(max = 100) String pniInstitute, Integer earmarkLevel,
		EarmarkKind earmarkKind, @Size(max = 100) String earmarkTarget, BigDecimal pscRate,
		@Size(max = 100) String pscApprovalReference, Boolean conditional, LocalDate periodStart, LocalDate periodEnd,
		LocalDate signedOn, @NotEmpty @Valid List<@NotNull Line> instalments, Long pledgeId, List<@NotNull LocalDate> reportDueDates,
		Boolean inKind) {

	record Line(@NotNull LocalDate dueOn, @NotNull @Positive BigDecimal amount) {
	}

	AgreementTerms toTerms() {
		return new AgreementTerms(reference, donorId, currency, amount, window, pniInstitute,
				earmarkLevel == null ? 1 : earmarkLevel, earmarkKind, earmarkTarget, pscRate, pscApprovalReference,
				conditional != null && conditional, periodStart, periodEnd, signedOn, lines(instalments),
				reportDueDates == null ? List.of() : reportDueDates, inKind != null && inKind);
	}

	static List<ScheduleLine> lines(List<Line> lines) {
		return lines == null ? List.of() : lines.stream().map(l -> new ScheduleLine(l.dueOn(), l.amount())).toList();
	}

}
