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

/** The amendment form of the agreement page: new total and schedule, dated and reasoned. */
record AmendmentForm(@NotNull Long version, @NotNull LocalDate amendedOn, @NotBlank @Size(max = 500) String reason,
		@NotNull @Positive BigDecimal amount, @Valid List<AgreementForm.Row> instalments) implements java.io.Serializable {

	/** The form as the agreement page opens it: today, the current total and schedule, blank rows to add more. */
	static AmendmentForm of(AgreementView agreement, LocalDate today) {
		var rows = new ArrayList<AgreementForm.Row>();
		for (var line : agreement.position().instalments()) {
			rows.add(new AgreementForm.Row(line.dueOn(), line.due().amount()));
		}
		while (rows.size() < AgreementForm.ROWS) {
			rows.add(new AgreementForm.Row(null, null));
		}
		return new AmendmentForm(agreement.version(), today, "", agreement.total().amount(), rows);
	}

	List<ScheduleLine> lines() {
		return instalments == null ? List.of()
				: instalments.stream()
					.filter(r -> r != null && (r.dueOn() != null || r.amount() != null))
					.map(r -> new ScheduleLine(r.dueOn(), r.amount()))
					.toList();
	}

}
