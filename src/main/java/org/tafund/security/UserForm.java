package org.tafund.security;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The new-user form of the admin pages, and the body of {@code POST /api/v1/users}. */
record UserForm(@NotBlank @Size(max = 60) String username, @NotBlank @Size(max = 200) String fullName,
		@Email @Size(max = 254) String email,
		@NotBlank @Size(min = PasswordPolicy.MIN_LENGTH, message = "{password.size}") String password,
		@NotEmpty Set<Role> roles) implements java.io.Serializable {

	static UserForm empty() {
		return new UserForm("", "", "", "", Set.of());
	}

	NewUser toCommand() {
		return new NewUser(username, fullName, email, password, roles);
	}

}
