package org.tafund.publishing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;

/** A part of a project kept out of the published file, and why (shown beside it on the Publishing page). */
@Entity
@Table(name = "publication_exclusion")
@Audited
class PublicationExclusion extends AuditableEntity {

	static final int REASON_LENGTH = 500;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "project_id", nullable = false)
	private Long projectId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Withheld field;

	@Column(nullable = false, length = REASON_LENGTH)
	private String reason;

	protected PublicationExclusion() {
	}

	PublicationExclusion(long projectId, Withheld field, String reason) {
		if (field == null) {
			throw BusinessRuleViolation.ofField("field", "publishing.exclusion.field.required");
		}
		var why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			// The IATI exclusion policy asks every withheld item to be explained.
			throw BusinessRuleViolation.ofField("reason", "publishing.exclusion.reason.required");
		}
		if (why.length() > REASON_LENGTH) {
			throw BusinessRuleViolation.ofField("reason", "publishing.exclusion.reason.tooLong", REASON_LENGTH);
		}
		this.projectId = projectId;
		this.field = field;
		this.reason = why;
	}

	Long getId() {
		return id;
	}

	Long getProjectId() {
		return projectId;
	}

	Withheld getField() {
		return field;
	}

	String getReason() {
		return reason;
	}

}
