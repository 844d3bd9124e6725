package org.tafund.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The six kinds of user (a user may hold several). Spring Security sees each as authority {@code ROLE_<name>}.
 */
public enum Role {

	/** Donors, pledges, agreements and amendments. */
	DONOR_RELATIONS,
	/** Requests, the projects they manage, activities and expenditure on them. */
	PROJECT_MANAGER,
	/** Exchange rates, receipts, refunds, allocations, reports; reads everything. */
	FINANCE,
	/** Everything, including users. */
	ADMIN,
	/** Reads everything, changes nothing. */
	AUDITOR,
	/**
	 * Approves the financial records others made, where an administrator has put the action under
	 * a second person's approval; held beside the role that keeps those records (FINANCE).
	 */
	APPROVER;

	public String authority() {
		return "ROLE_" + name();
	}

	/** The roles a signed-in user holds; none for nobody, an anonymous visitor or an unauthenticated token. */
	public static Set<Role> heldBy(Authentication user) {
		var held = EnumSet.noneOf(Role.class);
		if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
			return held;
		}
		var authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		for (var role : values()) {
			if (authorities.contains(role.authority())) {
				held.add(role);
			}
		}
		return held;
	}

}
