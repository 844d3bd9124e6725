package org.tafund.security;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Ends every open browser session of a user: the next request from any of them goes back to
 * the sign-in page.
 */
@Component
class SessionTermination {

	private final SessionRegistry registry;

	SessionTermination(SessionRegistry registry) {
		this.registry = registry;
	}

	void endSessionsOf(String username) {
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof UserDetails details && details.getUsername().equals(username)) {
				registry.getAllSessions(principal, false).forEach(session -> session.expireNow());
			}
		}
	}

}
