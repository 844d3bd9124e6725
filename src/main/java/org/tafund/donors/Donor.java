package org.tafund.donors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;

@Entity
@Table(name = "donor")
@Audited
class Donor extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 200)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(name = "donor_type", nullable = false, length = 50)
	private DonorType type;

	@Column(length = 3)
	private String country;

	@Column(name = "iati_identifier", length = 100)
	private String iatiIdentifier;

	@Column(name = "iati_org_type", length = 3)
	private String iatiOrgType;

	@Column(length = 2000)
	private String notes;

	private boolean active;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "donor_contact", joinColumns = @JoinColumn(name = "donor_id"))
	@OrderColumn(name = "position")
	private List<Contact> contacts = new ArrayList<>();

	protected Donor() {
	}

	Donor(DonorDetails details) {
		apply(details);
	}

	/** A Member State donor names its country; codes are stored upper-case. */
	void apply(DonorDetails details) {
		var countryCode = blankToNull(details.country());
		if (details.type() == DonorType.MEMBER_STATE && countryCode == null) {
			throw BusinessRuleViolation.ofField("country", "donor.country.required");
		}
		this.name = details.name().strip();
		this.type = details.type();
		this.country = countryCode == null ? null : countryCode.toUpperCase(Locale.ROOT);
		this.iatiIdentifier = blankToNull(details.iatiIdentifier());
		this.iatiOrgType = blankToNull(details.iatiOrgType());
		this.notes = blankToNull(details.notes());
		this.active = details.active();
		this.contacts.clear();
		details.contacts()
			.stream()
			.filter(c -> c != null && c.name() != null && !c.name().isBlank())
			.map(c -> new Contact(new ContactPerson(c.name().strip(), blankToNull(c.email()), blankToNull(c.role()))))
			.forEach(contacts::add);
	}

	Long getId() {
		return id;
	}

	String getCountry() {
		return country;
	}

	DonorView view() {
		return new DonorView(id, name, type, country, iatiIdentifier, iatiOrgType, notes, active, contacts.stream().map(Contact::person).toList(),
				getVersion(), getCreatedBy(), getCreatedAt(), getUpdatedBy(), getUpdatedAt());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
