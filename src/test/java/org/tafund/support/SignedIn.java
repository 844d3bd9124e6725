package org.tafund.support;

import java.util.Arrays;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tafund.security.Role;

/**
 * A user signed in on this thread for calls straight to a service, until closed:
 * {@code try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) { ... }}. Closing signs
 * out (or restores whoever was signed in before).
 */
public final class SignedIn implements AutoCloseable {

	private final org.springframework.security.core.context.SecurityContext before;

	private SignedIn(org.springframework.security.core.context.SecurityContext before) {
		this.before = before;
	}

	public static SignedIn as(String username, Role... roles) {
		var before = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "n/a",
				Arrays.stream(roles).map(role -> new SimpleGrantedAuthority(role.authority())).toList()));
		SecurityContextHolder.setContext(context);
		return new SignedIn(before);
	}

	@Override
	public void close() {
		if (before.getAuthentication() == null) {
			SecurityContextHolder.clearContext();
		}
		else {
			SecurityContextHolder.setContext(before);
		}
	}

}
