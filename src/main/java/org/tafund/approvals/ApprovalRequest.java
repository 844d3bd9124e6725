package org.tafund.approvals;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ForbiddenAction;

/**
 * A maker's record awaiting a second person: what was asked (the command's JSON), who asked and
 * when, and once decided, who decided, when, why, and what was booked. Guards its own rules: only a
 * pending record is decided or withdrawn, nobody decides their own, only its maker withdraws it.
 */
@Entity
@Table(name = "approval_request")
@Audited
class ApprovalRequest extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 40, updatable = false)
	private ApprovalAction action;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private ApprovalStatus status;

	@Column(name = "subject_type", nullable = false, length = 40, updatable = false)
	private String subjectType;

	@Column(name = "subject_id", updatable = false)
	private Long subjectId;

	@Column(name = "subject_label", nullable = false, length = 200, updatable = false)
	private String subjectLabel;

	@Column(nullable = false, length = 500, updatable = false)
	private String summary;

	@NotAudited
	@Column(name = "summary_key", length = 100, updatable = false)
	private String summaryKey;

	@NotAudited
	@Column(name = "summary_args", length = 2000, updatable = false)
	private String summaryArgs;

	@Column(name = "amount_usd", precision = 19, scale = 2, updatable = false)
	private BigDecimal amountUsd;

	@NotAudited
	@Column(nullable = false, updatable = false, columnDefinition = "longtext")
	private String payload;

	@NotAudited
	@Column(name = "open_key", length = 255)
	private String openKey;

	@Column(name = "made_by", nullable = false, length = 60, updatable = false)
	private String madeBy;

	@Column(name = "made_at", nullable = false, updatable = false)
	private Instant madeAt;

	@Column(name = "decided_by", length = 60)
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decision_reason", length = 500)
	private String decisionReason;

	@Column(name = "result_ref", length = 100)
	private String resultRef;

	protected ApprovalRequest() {
	}

	ApprovalRequest(PendingRecord record, String englishSummary, String summaryArgs, String payload, String madeBy,
			Instant madeAt) {
		this.action = record.action();
		this.status = ApprovalStatus.PENDING;
		this.subjectType = record.subjectType();
		this.subjectId = record.subjectId();
		this.subjectLabel = record.subjectLabel();
		this.summary = englishSummary.length() > 500 ? englishSummary.substring(0, 499) + "…" : englishSummary;
		this.summaryKey = record.summary().key();
		this.summaryArgs = summaryArgs;
		this.amountUsd = record.amountUsd();
		this.payload = payload;
		this.openKey = record.action().name() + "|" + record.duplicateKey();
		this.madeBy = madeBy;
		this.madeAt = madeAt;
	}

	/** Approved by {@code approver}, who is not its maker; {@code booked} names what was booked. */
	void approve(String approver, Instant at, String reason, String booked) {
		decide(approver, at, ApprovalStatus.APPROVED, reason);
		this.resultRef = booked;
	}

	void reject(String approver, Instant at, String reason) {
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.ofField("reason", "approval.reason.required");
		}
		decide(approver, at, ApprovalStatus.REJECTED, reason);
	}

	/** Taken back by its maker before anyone decided. */
	void withdraw(String user, Instant at) {
		requirePending();
		if (!user.equals(madeBy)) {
			throw new ForbiddenAction("approval.withdraw.notMaker", madeBy);
		}
		close(ApprovalStatus.WITHDRAWN, user, at, null);
	}

	/** Refuses a decision by the record's own maker (an administrator included) or on a decided record. */
	void requireDecidableBy(String user) {
		requirePending();
		if (user.equals(madeBy)) {
			throw new ForbiddenAction("approval.ownRecord");
		}
	}

	private void decide(String approver, Instant at, ApprovalStatus outcome, String reason) {
		requireDecidableBy(approver);
		close(outcome, approver, at, reason);
	}

	private void requirePending() {
		if (status != ApprovalStatus.PENDING) {
			throw new BusinessRuleViolation("approval.notPending", status.name());
		}
	}

	private void close(ApprovalStatus outcome, String by, Instant at, String reason) {
		this.status = outcome;
		this.decidedBy = by;
		this.decidedAt = at;
		this.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
		// Decided: the same record may be made again.
		this.openKey = null;
	}

	Long getId() {
		return id;
	}

	ApprovalAction action() {
		return action;
	}

	String payload() {
		return payload;
	}

	ApprovalView view() {
		return new ApprovalView(id, action, status, subjectType, subjectId, subjectLabel, summary, amountUsd, madeBy,
				madeAt, decidedBy, decidedAt, decisionReason, resultRef, getVersion(), summaryKey, summaryArgs);
	}

}
