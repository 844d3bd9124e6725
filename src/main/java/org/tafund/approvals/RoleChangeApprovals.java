package org.tafund.approvals;

import org.tafund.shared.Summary;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.tafund.security.Role;
import org.tafund.security.RoleChangeApproval;
import org.tafund.security.UserManagement;

/**
 * Role changes under maker-checker. The users module cannot depend on this one (this one asks it
 * who holds which right), so it asks through {@link RoleChangeApproval}, and the approved change is
 * made here, through {@link UserManagement}, by the approving administrator.
 */
@Configuration(proxyBeanMethods = false)
class RoleChangeApprovals implements RoleChangeApproval {

	/** A role change asked for, kept until approved. */
	record RolesAsked(long userId, long expectedVersion, Set<Role> roles) {
	}

	private final Approvals approvals;

	RoleChangeApprovals(Approvals approvals) {
		this.approvals = approvals;
	}

	@Override
	public boolean holdIfRequired(long userId, String username, long expectedVersion, Set<Role> roles) {
		var names = String.join(", ", new TreeSet<>(roles.stream().map(Role::name).toList()));
		return approvals.holdIfRequired(ApprovalAction.USER_ROLES, null,
				() -> new PendingRecord(ApprovalAction.USER_ROLES, "USER", userId, username,
						Summary.of("approval.summary.roles", username, names), null, userId + "|" + names,
						new RolesAsked(userId, expectedVersion, roles)))
			.isPresent();
	}

	@Bean
	ApprovalExecutor approvedRoleChanges(@Lazy UserManagement users) {
		return approvals.executor(ApprovalAction.USER_ROLES, RolesAsked.class, asked -> {
			users.changeRoles(asked.userId(), asked.expectedVersion(), asked.roles(), Approvals.signedIn());
			return "Roles of user " + asked.userId();
		});
	}

}
