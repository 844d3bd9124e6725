package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.ApprovalExecutor;
import org.tafund.approvals.ApprovalView;
import org.tafund.approvals.Approvals;
import org.tafund.approvals.PendingRecord;
import org.tafund.shared.Summary;
import org.tafund.shared.Money;

/**
 * The contributions side of maker-checker: a receipt, refund or reversal that needs a second person
 * is handed over as pending (with the command that books it), and booked once approved with the
 * same code that books it at once ({@link ContributionManagement}).
 */
@Configuration(proxyBeanMethods = false)
class MakerChecker {

	/** A receipt asked for, kept until approved. */
	record ReceiptAsked(long agreementId, ReceiptCommand command) {
	}

	/** A refund asked for, kept until approved. */
	record RefundAsked(long agreementId, LocalDate refundedOn, BigDecimal amount, String reason) {
	}

	/** A receipt's reversal asked for, kept until approved. */
	record ReversalAsked(long receiptId, String reason) {
	}

	/** A revaluation run asked for, kept until approved. */
	record RevaluationAsked(LocalDate periodEnd) {
	}

	private final Approvals approvals;

	MakerChecker(Approvals approvals) {
		this.approvals = approvals;
	}

	/** The pending record, when an action of this USD value on the agreement needs a second person. */
	Optional<ApprovalView> holdIfRequired(ApprovalAction action, Agreement agreement, Money usd, Summary summary,
			String duplicateKey, Object asked) {
		return approvals.holdIfRequired(action, usd.amount(), () -> new PendingRecord(action, "AGREEMENT",
				agreement.getId(), agreement.getReference(), summary, usd.amount(), duplicateKey, asked));
	}

	/** The pending record, when revaluation runs need a second person (they have no amount until run: always then). */
	Optional<ApprovalView> holdRevaluationIfRequired(LocalDate periodEnd) {
		return approvals.holdIfRequired(ApprovalAction.REVALUATION_RUN, null,
				() -> new PendingRecord(ApprovalAction.REVALUATION_RUN, "REVALUATION", null, periodEnd.toString(),
						Summary.of("approval.summary.revaluation", periodEnd), null, periodEnd.toString(),
						new RevaluationAsked(periodEnd)));
	}

	@Bean
	ApprovalExecutor approvedRevaluations(@Lazy ContributionManagement contributions) {
		return approvals.executor(ApprovalAction.REVALUATION_RUN, RevaluationAsked.class,
				asked -> "Revaluation run " + contributions.revalue(asked.periodEnd()).id());
	}

	// @Lazy: the contributions service needs this class, and these book through the service.

	@Bean
	ApprovalExecutor approvedReceipts(@Lazy ContributionManagement contributions) {
		return approvals.executor(ApprovalAction.RECEIPT, ReceiptAsked.class,
				asked -> "Receipt " + contributions.recordReceipt(asked.agreementId(), asked.command()).id());
	}

	@Bean
	ApprovalExecutor approvedRefunds(@Lazy ContributionManagement contributions) {
		return approvals.executor(ApprovalAction.REFUND, RefundAsked.class, asked -> "Refund "
				+ contributions.refund(asked.agreementId(), asked.refundedOn(), asked.amount(), asked.reason()).id());
	}

	@Bean
	ApprovalExecutor approvedReversals(@Lazy ContributionManagement contributions) {
		return approvals.executor(ApprovalAction.RECEIPT_REVERSAL, ReversalAsked.class,
				asked -> "Receipt " + contributions.reverseReceipt(asked.receiptId(), asked.reason()).id());
	}

}
