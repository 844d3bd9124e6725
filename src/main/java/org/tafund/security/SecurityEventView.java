package org.tafund.security;

import java.time.Instant;

/** One line of the sign-in log, for the audit pages. */
public record SecurityEventView(Long id, Instant occurredAt, SecurityEventType type, String username,
		String remoteAddress, String detail) {

	/** How an access denial records that the form token was refused. */
	static final String FORM_TOKEN = "[form token]";

	/** How a lockout records when it ends (an instant, ISO). */
	static final String LOCKED_UNTIL = "locked until ";

	private static final java.util.regex.Pattern EXCEPTION = java.util.regex.Pattern
		.compile("\\s*\\((\\w*)(Exception|Error)\\)$");

	/**
	 * The detail as the sign-in log shows it: the request denied, without the exception's class that
	 * older events recorded, nor the form-token mark (the log says that in words, see {@link #formToken}).
	 */
	public String shownDetail() {
		if (detail == null) {
			return null;
		}
		return EXCEPTION.matcher(detail.replace(" " + FORM_TOKEN, "")).replaceFirst("");
	}

	/** When a lockout ends, from its detail ({@code locked until 2026-06-15T00:21:01Z}); null for other events. */
	public Instant lockedUntil() {
		if (type != SecurityEventType.LOCKOUT || detail == null || !detail.startsWith(LOCKED_UNTIL)) {
			return null;
		}
		try {
			return Instant.parse(detail.substring(LOCKED_UNTIL.length()).strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}

	/** True when the denial was of the form's token: a page left open too long, or a forged request. */
	public boolean formToken() {
		return detail != null && (detail.endsWith(FORM_TOKEN) || detail.contains("Csrf"));
	}

}
