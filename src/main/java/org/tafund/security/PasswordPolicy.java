package org.tafund.security;

import org.tafund.shared.BusinessRuleViolation;

/**
 * Passwords of at least 12 characters (long passphrases beat composition rules, NIST SP
 * 800-63B), at most 72 bytes in UTF-8 because bcrypt reads no further, never the username and
 * never one on the list of common and breached passwords ({@link CommonPasswords}). No composition
 * rules.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 72;

	private PasswordPolicy() {
	}

	/** Refuses a password that breaks the policy, beside the form field that holds it. */
	static void check(String field, String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw BusinessRuleViolation.ofField(field, "password.tooShort", MIN_LENGTH);
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
			throw BusinessRuleViolation.ofField(field, "password.tooLong", MAX_LENGTH);
		}
		if (password.equalsIgnoreCase(username)) {
			throw BusinessRuleViolation.ofField(field, "password.sameAsUsername");
		}
		if (CommonPasswords.contains(password)) {
			throw BusinessRuleViolation.ofField(field, "password.common");
		}
	}

}
