package org.tafund.audit;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user's name, or {@code system} for startup tasks and other work nobody signed in for. */
final class CurrentUsername {

	static final String SYSTEM = "system";

	private CurrentUsername() {
	}

	static String get() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		return auth.getName();
	}

}
