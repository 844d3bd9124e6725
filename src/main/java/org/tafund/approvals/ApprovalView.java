package org.tafund.approvals;

import java.math.BigDecimal;
import java.time.Instant;

/** A maker's record as pages and the API show it. */
public record ApprovalView(Long id, ApprovalAction action, ApprovalStatus status, String subjectType, Long subjectId,
		String subjectLabel, String summary, BigDecimal amountUsd, String madeBy, Instant madeAt, String decidedBy,
		Instant decidedAt, String decisionReason, String resultRef, long version,
		@com.fasterxml.jackson.annotation.JsonIgnore String summaryKey,
		@com.fasterxml.jackson.annotation.JsonIgnore String summaryArgs) {

	public boolean pending() {
		return status == ApprovalStatus.PENDING;
	}

}
