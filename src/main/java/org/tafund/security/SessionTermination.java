package org.tafund.security;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends every open browser session of a user, on every instance (sessions are rows in the database):
 * the next request from any of them goes back to the sign-in page.
 */
@Component
class SessionTermination {

	private final SessionRegistry registry;

	SessionTermination(SessionRegistry registry) {
		this.registry = registry;
	}

	void endSessionsOf(String username) {
		endSessionsOf(username, null);
	}

	/** Ends every session of the user but the one with id {@code keep} (none: every one). */
	void endSessionsOf(String username, String keep) {
		registry.getAllSessions(username, false)
			.stream()
			.filter(session -> !session.getSessionId().equals(keep))
			.forEach(session -> session.expireNow());
	}

}
