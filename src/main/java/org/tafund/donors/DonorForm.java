package org.tafund.donors;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The donor form of the pages, and the body of {@code POST/PUT /api/v1/donors}. */
record DonorForm(@NotBlank @Size(max = 200) String name, @NotNull DonorType type, @Size(max = 3) String country,
		@Size(max = 100) String iatiIdentifier, @Size(max = 3) String iatiOrgType, @Size(max = 2000) String notes,
		Boolean active, @Valid List<ContactForm> contacts, Long version, Boolean createAnyway)
		implements java.io.Serializable {

	/** Blank rows of the form are ignored. */
	record ContactForm(@Size(max = 200) String name, @Email @Size(max = 254) String email,
			@Size(max = 100) String role) implements java.io.Serializable {
	}

	static final int CONTACT_ROWS = 3;

	static DonorForm empty() {
		return new DonorForm("", null, "", "", "", "", true, blankRows(List.of()), null, null);
	}

	static DonorForm of(DonorView donor) {
		return new DonorForm(donor.name(), donor.type(), donor.country(), donor.iatiIdentifier(), donor.iatiOrgType(),
				donor.notes(), donor.active(),
				blankRows(donor.contacts().stream().map(c -> new ContactForm(c.name(), c.email(), c.role())).toList()),
				donor.version(), null);
	}

	/** The person saw that a donor with a similar name exists and says this is another one. */
	boolean similarConfirmed() {
		return Boolean.TRUE.equals(createAnyway);
	}

	DonorDetails toDetails() {
		var people = contacts == null ? List.<ContactPerson>of()
				: contacts.stream()
					.filter(c -> c != null && c.name() != null && !c.name().isBlank())
					.map(c -> new ContactPerson(c.name(), c.email(), c.role()))
					.toList();
		return new DonorDetails(name, type, country, iatiIdentifier, iatiOrgType, notes, active == null || active,
				people);
	}

	private static List<ContactForm> blankRows(List<ContactForm> filled) {
		var rows = new ArrayList<>(filled);
		while (rows.size() < filled.size() + 1 || rows.size() < CONTACT_ROWS) {
			rows.add(new ContactForm("", "", ""));
		}
		return rows;
	}

}
