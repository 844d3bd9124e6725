package org.tafund.security;

import java.util.Set;

/**
 * A second person's approval of role changes, where an administrator has required one. Implemented
 * outside this module (by maker-checker), which books an approved change through
 * {@link UserManagement#changeRoles}.
 */
public interface RoleChangeApproval {

	/**
	 * Keeps the change pending and returns true when it needs a second person; false: change it now.
	 * {@code expectedVersion} is the version of the user it was asked against.
	 */
	boolean holdIfRequired(long userId, String username, long expectedVersion, Set<Role> roles);

}
