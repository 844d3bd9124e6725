package org.tafund.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A manual journal entry by FINANCE ({@code POST /api/v1/journal/entries}): interest and other
 * income, corrections between accounts. Balanced, with a reason; each line names an account and
 * a segment by code and has a debit or a credit in USD, and optionally dimensions.
 */
public record ManualEntryRequest(@NotNull LocalDate date, @NotBlank @Size(max = 500) String description,
		@NotBlank @Size(max = 500) String reason, @NotEmpty @Valid List<Line> lines) {

	public record Line(@NotBlank String account, @NotBlank String segment, BigDecimal debit, BigDecimal credit,
			@Valid LineDimensions dimensions) {

		Posting toPosting() {
			return new Posting(Account.of(account), Segment.of(segment), debit, credit, null, null, null,
					dimensions == null ? Dimensions.NONE : dimensions.toDimensions());
		}

	}

	/** The {@link Dimensions} of a line, as the API receives them (all optional). */
	public record LineDimensions(Long donorId, @Size(max = 50) String donorType, Long agreementId,
			@Size(max = 40) String fundingWindow, @Size(max = 200) String earmark, Long projectId, Long activityId,
			@Size(max = 40) String budgetCategory) {

		Dimensions toDimensions() {
			return new Dimensions(donorId, donorType, agreementId, fundingWindow, earmark, projectId, activityId,
					budgetCategory);
		}

	}

}
