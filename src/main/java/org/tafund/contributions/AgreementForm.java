package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The new-agreement page; blank instalment rows are ignored. */
record AgreementForm(@NotNull Long donorId, @NotBlank @Size(max = 60) String reference,
		@NotBlank @Size(min = 3, max = 3) String currency, @NotNull @Positive BigDecimal amount,
		@NotNull FundingWindow window, @Size(max = 100) String pniInstitute, Integer earmarkLevel,
		EarmarkKind earmarkKind, @Size(max = 100) String earmarkTarget, BigDecimal pscRate,
		@Size(max = 100) String pscApprovalReference, Boolean conditional, Boolean inKind,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodEnd,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn, @Valid List<Row> instalments,
		Long pledgeId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportDue1,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportDue2) implements java.io.Serializable {

	record Row(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, BigDecimal amount) implements java.io.Serializable {
	}

	static final int ROWS = 6;

	static AgreementForm empty(Long donorId) {
		return new AgreementForm(donorId, "", "USD", null, FundingWindow.CPCJF_GENERAL_PURPOSE, "", 1, null, "",
				Agreement.STANDARD_PSC, "", false, false, null, null, null, blankRows(), null, null, null);
	}

	/** The form a pledge opens: its donor, currency, amount and window, ready to be completed. */
	static AgreementForm fromPledge(Pledge.PledgeView pledge) {
		return new AgreementForm(pledge.donorId(), "", pledge.amount().currency(), pledge.amount().amount(),
				pledge.window() == null ? FundingWindow.CPCJF_GENERAL_PURPOSE : pledge.window(), "", 1, null, "",
				Agreement.STANDARD_PSC, "", false, false, null, null, null, blankRows(), pledge.id(), null, null);
	}

	private static List<Row> blankRows() {
		var rows = new ArrayList<Row>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(new Row(null, null));
		}
		return rows;
	}

	AgreementTerms toTerms() {
		var lines = instalments == null ? List.<ScheduleLine>of()
				: instalments.stream()
					.filter(r -> r != null && (r.dueOn() != null || r.amount() != null))
					.map(r -> new ScheduleLine(r.dueOn(), r.amount()))
					.toList();
		return new AgreementTerms(reference, donorId, currency, amount, window, pniInstitute,
				earmarkLevel == null ? 1 : earmarkLevel, earmarkKind, earmarkTarget, pscRate, pscApprovalReference,
				conditional != null && conditional, periodStart, periodEnd, signedOn, lines,
				java.util.stream.Stream.of(reportDue1, reportDue2).filter(java.util.Objects::nonNull).toList(),
				inKind != null && inKind);
	}

}
