package org.tafund.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.Money;

/** USD from one agreement given to one project. */
@Entity
@Table(name = "allocation")
@Audited
class Allocation extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agreement_id", nullable = false, updatable = false)
	private Long agreementId;

	@Column(name = "project_id", nullable = false, updatable = false)
	private Long projectId;

	@Column(name = "amount_usd", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal amountUsd;

	@Column(name = "allocated_on", nullable = false, updatable = false)
	private LocalDate allocatedOn;

	protected Allocation() {
	}

	Allocation(long agreementId, long projectId, Money amountUsd, LocalDate allocatedOn) {
		this.agreementId = agreementId;
		this.projectId = projectId;
		this.amountUsd = amountUsd.amount();
		this.allocatedOn = allocatedOn;
	}

	AllocationView view(String agreementReference, Long donorId) {
		return new AllocationView(id, agreementId, agreementReference, donorId, projectId,
				new Money(amountUsd, Money.USD), allocatedOn, getCreatedBy(), getCreatedAt());
	}

	Long getAgreementId() {
		return agreementId;
	}

	/** An allocation as pages and the API show it: one link of the funding chain. */
	public record AllocationView(Long id, Long agreementId, String agreementReference, Long donorId, Long projectId,
			Money amountUsd, LocalDate allocatedOn, String allocatedBy, Instant allocatedAt) {
	}

}
