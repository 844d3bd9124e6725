package org.tafund.shared;

/**
 * A rule that forbids this user, not the request itself: approving one's own record, approving
 * without the approver permission. The API answers 403 with its code; a page shows it as any other
 * refusal. Nothing is stored.
 */
public class ForbiddenAction extends BusinessRuleViolation {

	public ForbiddenAction(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
