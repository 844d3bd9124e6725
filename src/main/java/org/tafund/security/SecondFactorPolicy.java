package org.tafund.security;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who must sign in with a second factor: the roles that move or govern the Fund's money (finance
 * and administrators, {@code tafund.second-factor.roles}), or everyone
 * ({@code tafund.second-factor.every-role=true}). Where the demo users exist, they are exempt, so
 * that a newcomer can try every role with the published password; the pages say so.
 */
@Component
public class SecondFactorPolicy {

	private final Set<Role> roles;

	private final boolean everyRole;

	private final boolean demoUsersExempt;

	private final Duration confirmationLasts;

	SecondFactorPolicy(@Value("${tafund.second-factor.roles:FINANCE,ADMIN}") Set<Role> roles,
			@Value("${tafund.second-factor.every-role:false}") boolean everyRole,
			@Value("${tafund.demo.users:false}") boolean demoUsers,
			@Value("${tafund.second-factor.confirmation-lasts:PT5M}") Duration confirmationLasts) {
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.everyRole = everyRole;
		this.demoUsersExempt = demoUsers;
		this.confirmationLasts = confirmationLasts;
	}

	/** Whether the user's roles require a second factor (before any exemption). */
	boolean requiredForRoles(Set<Role> userRoles) {
		return everyRole || userRoles.stream().anyMatch(roles::contains);
	}

	/** Whether this user must have a second factor. */
	boolean requiredByRole(String username, Set<Role> userRoles) {
		return requiredForRoles(userRoles) && !isExemptDemoUser(username);
	}

	/** A demo user whose roles would otherwise need a second factor (the banner's case). */
	boolean isExemptDemoUser(String username) {
		return demoUsersExempt && UserBootstrap.DEMO_USERS.stream().anyMatch(demo -> demo.username().equals(username));
	}

	/** How long a confirmation with the second factor lets one approve and change factors. */
	Duration confirmationLasts() {
		return confirmationLasts;
	}

}
