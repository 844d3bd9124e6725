package org.tafund.approvals;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;

/** Whether an action needs a second person, and above what USD amount (none: always). */
@Entity
@Table(name = "approval_policy")
@Audited
class ApprovalPolicy extends AuditableEntity {

	@Id
	@Enumerated(EnumType.STRING)
	@Column(length = 40)
	private ApprovalAction action;

	@Column(nullable = false)
	private boolean required;

	@Column(name = "threshold_usd", precision = 19, scale = 2)
	private BigDecimal thresholdUsd;

	protected ApprovalPolicy() {
	}

	ApprovalPolicy(ApprovalAction action) {
		this.action = action;
	}

	/** A copy outside any persistence context, to be kept between requests. */
	ApprovalPolicy detached() {
		var copy = new ApprovalPolicy(action);
		copy.required = required;
		copy.thresholdUsd = thresholdUsd;
		return copy;
	}

	ApprovalAction action() {
		return action;
	}

	boolean required() {
		return required;
	}

	BigDecimal thresholdUsd() {
		return thresholdUsd;
	}

	/**
	 * Whether a record of this USD amount needs approval: the action is under approval and the
	 * amount is above the threshold (an action without an amount, or a policy without a
	 * threshold: always).
	 */
	boolean requires(BigDecimal amountUsd) {
		return required && (thresholdUsd == null || amountUsd == null || amountUsd.compareTo(thresholdUsd) > 0);
	}

	void set(boolean required, BigDecimal thresholdUsd) {
		if (thresholdUsd != null && thresholdUsd.signum() < 0) {
			throw BusinessRuleViolation.ofField("threshold", "approval.threshold.negative");
		}
		this.required = required;
		// An action without an amount is under approval always or never: a threshold would mean nothing.
		this.thresholdUsd = thresholdUsd == null || !action.hasAmount() ? null : thresholdUsd.setScale(2, org.tafund.shared.Money.ROUNDING);
	}

}
