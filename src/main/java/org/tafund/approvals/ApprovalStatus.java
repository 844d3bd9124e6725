package org.tafund.approvals;

/** Where a maker's record stands: only a pending one can be decided or withdrawn. */
public enum ApprovalStatus {

	PENDING, APPROVED, REJECTED, WITHDRAWN

}
