package org.tafund.shared;

/**
 * Somebody else saved the record after the editor loaded it: the edit is refused rather than
 * silently overwriting theirs. Pages show the current values again; the API answers 409 or 412.
 */
public class ConcurrentEdit extends BusinessRuleViolation {

	public ConcurrentEdit(String what, Object id) {
		super("conflict.concurrentEdit", what, id);
	}

}
