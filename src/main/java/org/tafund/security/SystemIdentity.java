package org.tafund.security;

import java.util.Arrays;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work that nobody signed in for (demo data at startup, scheduled jobs) runs as the signed-in
 * user {@code system} with the roles it names, for the duration of the work only. Without it, such
 * work has no rights: no authentication grants none.
 */
public final class SystemIdentity {

	/** The name the system's work is recorded under. */
	public static final String USERNAME = "system";

	private SystemIdentity() {
	}

	/** Runs {@code work} as {@code system} with {@code roles}, then restores who was signed in before. */
	public static void run(Runnable work, Role... roles) {
		call(() -> {
			work.run();
			return null;
		}, roles);
	}

	/** Returns what {@code work} returns, run as {@code system} with {@code roles}. */
	public static <T> T call(Supplier<T> work, Role... roles) {
		if (roles.length == 0) {
			throw new IllegalArgumentException("The system identity needs at least one role");
		}
		var authorities = Arrays.stream(roles).map(role -> new SimpleGrantedAuthority(role.authority())).toList();
		var before = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USERNAME, null, authorities));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			if (before.getAuthentication() == null) {
				SecurityContextHolder.clearContext();
			}
			else {
				SecurityContextHolder.setContext(before);
			}
		}
	}

}
