package org.tafund.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's {@link Right rights}, as the pages and method security ask them:
 * {@code sec:authorize="@access.keepsDonors()"} in a template,
 * {@code @PreAuthorize("@access.administers()")} on a method. No role is named here.
 */
@Component("access")
public class Access {

	/** Signed in all the way: not waiting for the second factor. */
	public boolean signedIn() {
		var user = user();
		return user != null && user.isAuthenticated()
				&& !(user instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)
				&& !SecondFactorSession.isPending(user);
	}

	public boolean administers() {
		return Right.ADMINISTER.heldBy(user());
	}

	public boolean audits() {
		return Right.AUDIT.heldBy(user());
	}

	public boolean keepsDonors() {
		return Right.KEEP_DONORS.heldBy(user());
	}

	public boolean keepsAccounts() {
		return Right.KEEP_ACCOUNTS.heldBy(user());
	}

	public boolean approves() {
		return Right.APPROVE.heldBy(user());
	}

	public boolean readsBooks() {
		return Right.READ_BOOKS.heldBy(user());
	}

	public boolean runsProjects() {
		return Right.RUN_PROJECTS.heldBy(user());
	}

	public boolean readsDonorReports() {
		return Right.READ_DONOR_REPORTS.heldBy(user());
	}

	public boolean readsProjectReports() {
		return Right.READ_PROJECT_REPORTS.heldBy(user());
	}

	private static Authentication user() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

}
