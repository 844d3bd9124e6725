package org.tafund.approvals;

import org.tafund.security.Right;

/**
 * The actions an administrator can put under a second person's approval, each with the right its
 * approver needs beside {@link Right#APPROVE}: the right of the action itself.
 */
public enum ApprovalAction {

	RECEIPT(Right.KEEP_ACCOUNTS, true),
	REFUND(Right.KEEP_ACCOUNTS, true),
	RECEIPT_REVERSAL(Right.KEEP_ACCOUNTS, true),
	ALLOCATION(Right.KEEP_ACCOUNTS, true),
	EXPENDITURE(Right.RUN_PROJECTS, true),
	EXPENDITURE_REVERSAL(Right.RUN_PROJECTS, true),
	MANUAL_ENTRY(Right.KEEP_ACCOUNTS, true),
	PERIOD_CLOSE(Right.KEEP_ACCOUNTS, false),
	PERIOD_REOPEN(Right.ADMINISTER, false),
	/** New exchange rates, typed one by one or imported from a file. */
	RATE_IMPORT(Right.KEEP_ACCOUNTS, false),
	REVALUATION_RUN(Right.KEEP_ACCOUNTS, false),
	/** A change of a user's roles: approved by another administrator. */
	USER_ROLES(Right.ADMINISTER, false);

	private final Right right;

	private final boolean amount;

	ApprovalAction(Right right, boolean amount) {
		this.right = right;
		this.amount = amount;
	}

	/** Whether its records have a USD amount (a threshold means something): else approval is always or never. */
	public boolean hasAmount() {
		return amount;
	}

	/** The right of the action, which its approver needs as well as {@link Right#APPROVE}. */
	public Right right() {
		return right;
	}

}
