package org.tafund.donors;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How a contact person is stored. A class rather than a record because Envers rebuilds history
 * through a no-argument constructor.
 */
@Embeddable
class Contact {

	@Column(name = "name", nullable = false, length = 200)
	private String name;

	@Column(name = "email", length = 254)
	private String email;

	@Column(name = "role", length = 100)
	private String role;

	protected Contact() {
	}

	Contact(ContactPerson person) {
		this.name = person.name();
		this.email = person.email();
		this.role = person.role();
	}

	ContactPerson person() {
		return new ContactPerson(name, email, role);
	}

	// Shown as one value in the history of a donor.
	@Override
	public String toString() {
		return name + (email == null ? "" : " <" + email + ">") + (role == null ? "" : " (" + role + ")");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Contact c && java.util.Objects.equals(name, c.name)
				&& java.util.Objects.equals(email, c.email) && java.util.Objects.equals(role, c.role);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(name, email, role);
	}

}
