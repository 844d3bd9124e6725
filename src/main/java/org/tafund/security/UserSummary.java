package org.tafund.security;

import java.time.Instant;
import java.util.Set;

/**
 * What other modules and pages may know of a user: never the password hash.
 */
public record UserSummary(Long id, String username, String fullName, String email, Set<Role> roles, boolean enabled,
		boolean locked, Instant lastLoginAt, long version) {

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

}
