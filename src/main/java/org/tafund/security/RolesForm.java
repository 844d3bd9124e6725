package org.tafund.security;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;

/** The roles form of a user's page: the roles to give, and the version of the user they were chosen on. */
record RolesForm(Long version, @NotEmpty(message = "{user.roles.required}") Set<Role> roles) implements java.io.Serializable {

	static RolesForm of(UserSummary user) {
		return new RolesForm(user.version(), user.roles());
	}

}
