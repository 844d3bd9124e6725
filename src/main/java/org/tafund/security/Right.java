package org.tafund.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * What a user may do, and which roles give it: the one place where access rules name roles. The
 * security configuration ({@link SecurityConfiguration}), method security
 * ({@code @PreAuthorize("@access.administers()")}) and the pages
 * ({@code sec:authorize="@access.keepsDonors()"}, see {@link Access}) all ask a right, never a
 * role. A right that a user holds only as project manager reaches only the projects they manage
 * ({@link #reachOf}).
 */
public enum Right {

	/** Users and roles, reference data, reopening closed periods, metrics. */
	ADMINISTER(Role.ADMIN),
	/** The audit trail, the sign-in log and the admin pages, read only. */
	AUDIT(Role.ADMIN, Role.AUDITOR),
	/** Donors, pledges, agreements and their amendments, signature, cancellation and closing. */
	KEEP_DONORS(Role.DONOR_RELATIONS, Role.ADMIN),
	/**
	 * The money: exchange rates, receipts and their reversals, refunds, revaluations, allocations,
	 * manual journal entries and period closes; any project's PSC rate.
	 */
	KEEP_ACCOUNTS(Role.FINANCE, Role.ADMIN),
	/** The books (journal, periods, verification) and the fund's financial reports. */
	READ_BOOKS(Role.FINANCE, Role.ADMIN, Role.AUDITOR),
	/** Requests for assistance, projects, their activities and expenditure. */
	RUN_PROJECTS(Role.PROJECT_MANAGER, Role.FINANCE, Role.ADMIN),
	/** The status of contributions, donor statements and the report on implementation. */
	READ_DONOR_REPORTS(Role.FINANCE, Role.ADMIN, Role.AUDITOR, Role.DONOR_RELATIONS),
	/**
	 * Approving records another user made, of an action put under maker-checker; the approver also
	 * needs the right of the action itself (KEEP_ACCOUNTS for money, ADMINISTER for role changes).
	 */
	APPROVE(Role.APPROVER, Role.ADMIN),
	/** The financial report of a project. */
	READ_PROJECT_REPORTS(Role.FINANCE, Role.ADMIN, Role.AUDITOR, Role.PROJECT_MANAGER);

	/** How far a right reaches over projects. */
	public enum Reach {

		/** The right is not held. */
		NONE,
		/** Held only as project manager: the projects the user manages. */
		OWN_PROJECTS,
		/** Every project. */
		ALL_PROJECTS

	}

	private final Set<Role> roles;

	Right(Role first, Role... more) {
		this.roles = EnumSet.of(first, more);
	}

	/** The roles that give this right. */
	public Set<Role> roles() {
		return EnumSet.copyOf(roles);
	}

	/** The Spring Security authorities that give this right, for the route rules. */
	public String[] authorities() {
		return roles.stream().map(Role::authority).toArray(String[]::new);
	}

	/** Whether the user holds this right; nobody signed in holds none. */
	public boolean heldBy(Authentication user) {
		return Role.heldBy(user).stream().anyMatch(roles::contains);
	}

	/**
	 * The project-manager rule, the one place it is written: a right held only through the
	 * project manager role reaches only the projects the user manages; held through any other role,
	 * every project.
	 */
	public Reach reachOf(Authentication user) {
		var held = Role.heldBy(user);
		held.retainAll(roles);
		if (held.isEmpty()) {
			return Reach.NONE;
		}
		return held.equals(EnumSet.of(Role.PROJECT_MANAGER)) ? Reach.OWN_PROJECTS : Reach.ALL_PROJECTS;
	}

}
