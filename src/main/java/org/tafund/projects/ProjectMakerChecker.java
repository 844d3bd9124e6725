package org.tafund.projects;

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
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.shared.Money;

/**
 * The projects side of maker-checker: an allocation, a line of expenditure or its reversal that
 * needs a second person is handed over as pending, and booked once approved with the same code
 * that books it at once ({@link ProjectManagement}).
 */
@Configuration(proxyBeanMethods = false)
class ProjectMakerChecker {

	/** An allocation asked for, kept until approved. */
	record AllocationAsked(long agreementId, long projectId, BigDecimal amountUsd, LocalDate allocatedOn) {
	}

	/** A line of expenditure asked for, kept until approved. */
	record SpendAsked(long projectId, Long activityId, LocalDate spentOn, BudgetCategory category, BigDecimal amount,
			String currency, String reference, String description) {
	}

	/** A reversal of expenditure asked for, kept until approved. */
	record ReversalAsked(long expenditureId, String reason) {
	}

	private final Approvals approvals;

	ProjectMakerChecker(Approvals approvals) {
		this.approvals = approvals;
	}

	/** The pending record, when an action of this USD value on the project needs a second person. */
	Optional<ApprovalView> holdIfRequired(ApprovalAction action, Project project, Money usd, Summary summary,
			String duplicateKey, Object asked) {
		return approvals.holdIfRequired(action, usd.amount(), () -> new PendingRecord(action, "PROJECT",
				project.getId(), project.getCode(), summary, usd.amount(), duplicateKey, asked));
	}

	// @Lazy: the projects service needs this class, and these book through the service.

	@Bean
	ApprovalExecutor approvedAllocations(@Lazy ProjectManagement projects) {
		return approvals.executor(ApprovalAction.ALLOCATION, AllocationAsked.class, asked -> "Allocation "
				+ projects.allocate(asked.agreementId(), asked.projectId(), asked.amountUsd(), asked.allocatedOn()).id());
	}

	@Bean
	ApprovalExecutor approvedExpenditure(@Lazy ProjectManagement projects) {
		return approvals.executor(ApprovalAction.EXPENDITURE, SpendAsked.class,
				asked -> "Expenditure " + projects.spend(asked.projectId(), asked.activityId(), asked.spentOn(),
						asked.category(), asked.amount(), asked.currency(), asked.reference(), asked.description())
					.id());
	}

	@Bean
	ApprovalExecutor approvedExpenditureReversals(@Lazy ProjectManagement projects) {
		return approvals.executor(ApprovalAction.EXPENDITURE_REVERSAL, ReversalAsked.class,
				asked -> "Expenditure " + projects.reverseExpenditure(asked.expenditureId(), asked.reason()).id());
	}

}
