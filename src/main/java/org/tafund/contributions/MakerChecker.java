package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.ApprovalExecutor;
import org.tafund.approvals.ApprovalView;
import org.tafund.approvals.Approvals;
import org.tafund.approvals.PendingRecord;
import org.tafund.shared.Money;

import tools.jackson.databind.json.JsonMapper;

/**
 * The contributions side of maker-checker: whether a receipt, refund or reversal needs a second
 * person, handing it over as pending (the command kept as JSON), and booking it once approved with
 * the same code that books it at once ({@link ContributionManagement}).
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

	private final Approvals approvals;

	private final JsonMapper json;

	MakerChecker(Approvals approvals, JsonMapper json) {
		this.approvals = approvals;
		this.json = json;
	}

	boolean required(ApprovalAction action, Money usd) {
		return approvals.required(action, usd.amount());
	}

	ApprovalView submit(ApprovalAction action, Agreement agreement, Money usd, String summary, String duplicateKey,
			Object asked) {
		return approvals.submit(new PendingRecord(action, "AGREEMENT", agreement.getId(), agreement.getReference(),
				summary, usd.amount(), duplicateKey, json.writeValueAsString(asked)));
	}

	// @Lazy: the contributions service needs this class, and these book through the service.

	@Bean
	ApprovalExecutor approvedReceipts(@Lazy ContributionManagement contributions, JsonMapper json) {
		return executor(ApprovalAction.RECEIPT, payload -> {
			var asked = json.readValue(payload, ReceiptAsked.class);
			return "Receipt " + contributions.recordReceipt(asked.agreementId(), asked.command()).id();
		});
	}

	@Bean
	ApprovalExecutor approvedRefunds(@Lazy ContributionManagement contributions, JsonMapper json) {
		return executor(ApprovalAction.REFUND, payload -> {
			var asked = json.readValue(payload, RefundAsked.class);
			return "Refund " + contributions
				.refund(asked.agreementId(), asked.refundedOn(), asked.amount(), asked.reason())
				.id();
		});
	}

	@Bean
	ApprovalExecutor approvedReversals(@Lazy ContributionManagement contributions, JsonMapper json) {
		return executor(ApprovalAction.RECEIPT_REVERSAL, payload -> {
			var asked = json.readValue(payload, ReversalAsked.class);
			return "Receipt " + contributions.reverseReceipt(asked.receiptId(), asked.reason()).id();
		});
	}

	private static ApprovalExecutor executor(ApprovalAction action, java.util.function.Function<String, String> book) {
		return new ApprovalExecutor() {

			@Override
			public ApprovalAction action() {
				return action;
			}

			@Override
			public String book(String payload) {
				return book.apply(payload);
			}

		};
	}

}
