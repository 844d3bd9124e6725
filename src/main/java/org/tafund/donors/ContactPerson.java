package org.tafund.donors;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Somebody at the donor that donor relations officers write to. */
@Embeddable
public record ContactPerson(@Column(name = "name", nullable = false, length = 200) String name,
		@Column(name = "email", length = 254) String email, @Column(name = "role", length = 100) String role) {
}
