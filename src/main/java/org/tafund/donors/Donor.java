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
class Donor extends AuditableEntity implements org.tafund.shared.Described {

	@Override
	public String describe() {
		return name;
	}


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

	// The donor kept, when this one was merged into it: named in the history, not numbered.
	@jakarta.persistence.ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "merged_into")
	private Donor mergedInto;

	@Column(name = "merge_reason", length = 500)
	private String mergeReason;

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
		if (mergedInto != null) {
			throw new BusinessRuleViolation("donor.merged", name, mergedInto);
		}
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

	/**
	 * This donor is the same as {@code kept}: it becomes inactive, names the donor it was merged into
	 * and why, and its contacts join the kept donor's (a contact both hold is kept once).
	 */
	void mergeInto(Donor kept, String reason) {
		if (kept == this || kept.id.equals(id)) {
			throw new BusinessRuleViolation("donor.merge.same");
		}
		if (mergedInto != null) {
			throw new BusinessRuleViolation("donor.merged", name);
		}
		if (kept.mergedInto != null) {
			throw new BusinessRuleViolation("donor.merged", kept.name);
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.ofField("reason", "donor.merge.reasonRequired");
		}
		this.mergedInto = kept;
		this.mergeReason = reason.strip();
		this.active = false;
		for (var contact : contacts) {
			var person = contact.person();
			boolean known = kept.contacts.stream().map(Contact::person).anyMatch(p -> p.name().equalsIgnoreCase(person.name())
					&& java.util.Objects.equals(p.email() == null ? null : p.email().toLowerCase(Locale.ROOT),
							person.email() == null ? null : person.email().toLowerCase(Locale.ROOT)));
			if (!known) {
				kept.contacts.add(new Contact(person));
			}
		}
	}

	/** This duplicate's kept donor was itself merged into {@code kept}: it now points there. */
	void repoint(Donor kept) {
		this.mergedInto = kept;
	}

	String getName() {
		return name;
	}

	DonorType getType() {
		return type;
	}

	String getCountry() {
		return country;
	}

	DonorView view() {
		return new DonorView(id, name, type, country, iatiIdentifier, iatiOrgType, notes, active, contacts.stream().map(Contact::person).toList(),
				getVersion(), getCreatedBy(), getCreatedAt(), getUpdatedBy(), getUpdatedAt(),
				mergedInto == null ? null : mergedInto.getId(), mergeReason);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
