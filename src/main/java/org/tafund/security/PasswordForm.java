package org.tafund.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PasswordForm(@NotBlank String currentPassword,
		@NotBlank @Size(min = PasswordPolicy.MIN_LENGTH, message = "{password.size}") String newPassword,
		@NotBlank String confirmPassword) implements java.io.Serializable {

	static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}

}
