package org.tafund.books;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.ApprovalExecutor;
import org.tafund.approvals.ApprovalView;
import org.tafund.approvals.Approvals;
import org.tafund.approvals.PendingRecord;

/**
 * The books' side of maker-checker: a manual entry, a period close or a reopening that needs a
 * second person is handed over as pending, and done once approved with the same code that does it
 * at once ({@link ManualEntries}, {@link PeriodClosing}).
 */
@Configuration(proxyBeanMethods = false)
class BooksMakerChecker {

	/** A period close asked for (a month, or else a year), kept until approved. */
	record CloseAsked(YearMonth month, Integer year) {
	}

	/** A reopening asked for, kept until approved. */
	record ReopenAsked(long closeId, String reason) {
	}

	private final Approvals approvals;

	BooksMakerChecker(Approvals approvals) {
		this.approvals = approvals;
	}

	/** The pending record, when the action (of this USD amount; null: none) needs a second person. */
	Optional<ApprovalView> holdIfRequired(ApprovalAction action, String subjectType, Long subjectId, String label,
			org.tafund.shared.Summary summary, BigDecimal amountUsd, String duplicateKey, Object asked) {
		return approvals.holdIfRequired(action, amountUsd, () -> new PendingRecord(action, subjectType, subjectId, label,
				summary, amountUsd, duplicateKey, asked));
	}

	// @Lazy: the services need this class, and these act through the services.

	@Bean
	ApprovalExecutor approvedManualEntries(@Lazy ManualEntries entries) {
		return approvals.executor(ApprovalAction.MANUAL_ENTRY, ManualEntryRequest.class,
				asked -> "Journal entry " + entries.post(asked).id());
	}

	@Bean
	ApprovalExecutor approvedCloses(@Lazy PeriodClosing closing) {
		return approvals.executor(ApprovalAction.PERIOD_CLOSE, CloseAsked.class, asked -> {
			var close = asked.month() != null ? closing.closeMonth(asked.month()) : closing.closeYear(asked.year());
			return "Close " + close.id();
		});
	}

	@Bean
	ApprovalExecutor approvedReopenings(@Lazy PeriodClosing closing) {
		return approvals.executor(ApprovalAction.PERIOD_REOPEN, ReopenAsked.class,
				asked -> "Close " + closing.reopen(asked.closeId(), asked.reason()).id() + " reopened");
	}

}
