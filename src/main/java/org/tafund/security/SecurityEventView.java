package org.tafund.security;

import java.time.Instant;

/** One line of the sign-in log, for the audit pages. */
public record SecurityEventView(Long id, Instant occurredAt, SecurityEventType type, String username,
		String remoteAddress, String detail) {
}
