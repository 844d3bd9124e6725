package org.tafund.books;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who posts or closes: the signed-in user, or {@code system} for work nobody signed in for. */
final class Actors {

	static final String SYSTEM = "system";

	private Actors() {
	}

	static String current() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		return auth.getName();
	}

}
