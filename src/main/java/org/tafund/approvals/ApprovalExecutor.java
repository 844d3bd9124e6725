package org.tafund.approvals;

/**
 * Books an approved record: implemented by the module that owns the action, with the same code
 * that books the action when it needs no approval, so that approval changes who may, never what is
 * booked. Runs in the approver's transaction: a refusal (the agreement was closed meanwhile) rolls
 * the approval back and the record stays pending.
 */
public interface ApprovalExecutor {

	/** The action this books. */
	ApprovalAction action();

	/** Books the command kept as {@code payload}; returns what was booked, as people read it ("Receipt 42"). */
	String book(String payload);

}
