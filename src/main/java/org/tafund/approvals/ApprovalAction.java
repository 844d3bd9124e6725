package org.tafund.approvals;

import org.tafund.security.Right;

/**
 * The actions an administrator can put under a second person's approval, each with the right its
 * approver needs beside {@link Right#APPROVE}: the right of the action itself.
 */
public enum ApprovalAction {

	RECEIPT(Right.KEEP_ACCOUNTS),
	REFUND(Right.KEEP_ACCOUNTS),
	RECEIPT_REVERSAL(Right.KEEP_ACCOUNTS),
	ALLOCATION(Right.KEEP_ACCOUNTS),
	EXPENDITURE(Right.RUN_PROJECTS),
	EXPENDITURE_REVERSAL(Right.RUN_PROJECTS),
	MANUAL_ENTRY(Right.KEEP_ACCOUNTS),
	PERIOD_CLOSE(Right.KEEP_ACCOUNTS),
	PERIOD_REOPEN(Right.ADMINISTER),
	/** New exchange rates, typed one by one or imported from a file. */
	RATE_IMPORT(Right.KEEP_ACCOUNTS),
	REVALUATION_RUN(Right.KEEP_ACCOUNTS),
	/** A change of a user's roles: approved by another administrator. */
	USER_ROLES(Right.ADMINISTER);

	private final Right right;

	ApprovalAction(Right right) {
		this.right = right;
	}

	/** The right of the action, which its approver needs as well as {@link Right#APPROVE}. */
	public Right right() {
		return right;
	}

}
