package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.fx.AppliedRate;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConvertedAmount;
import org.tafund.shared.Money;
import org.tafund.shared.Text;

/** A donor's announced intention: shown as pledged, never as revenue, until it becomes an agreement. */
@Entity
@Table(name = "pledge")
@Audited
class Pledge extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	// Changes only when the donor is merged into another (transferTo), in the pledge's history.
	@Column(name = "donor_id", nullable = false)
	private Long donorId;

	@Column(name = "pledged_on", nullable = false)
	private LocalDate pledgedOn;

	@Embedded
	private ConvertedAmount converted;

	@Enumerated(EnumType.STRING)
	@Column(name = "funding_window", length = 40)
	private FundingWindow window;

	@Column(length = 500)
	private String note;

	@Column(name = "agreement_id")
	private Long agreementId;

	@Column(name = "cancelled_on")
	private LocalDate cancelledOn;

	@Column(name = "cancelled_by", length = 60)
	private String cancelledBy;

	@Column(name = "cancellation_reason", length = 500)
	private String cancellationReason;

	protected Pledge() {
	}

	/** The donor was registered twice and merged: the pledge belongs to the donor kept. */
	void transferTo(long keptDonorId) {
		this.donorId = keptDonorId;
	}

	Pledge(long donorId, LocalDate pledgedOn, Money amount, AppliedRate rate, FundingWindow window, String note) {
		if (!amount.isPositive()) {
			throw new BusinessRuleViolation("pledge.amount.positive");
		}
		this.donorId = donorId;
		this.pledgedOn = pledgedOn;
		this.converted = rate.convert(amount);
		this.window = window;
		this.note = Text.bounded(note, 500, "note");
	}

	void turnedInto(long agreement) {
		if (agreementId != null) {
			throw new BusinessRuleViolation("pledge.alreadyConverted", id);
		}
		if (cancelledOn != null) {
			throw new BusinessRuleViolation("pledge.cancelled", cancelledOn);
		}
		this.agreementId = agreement;
	}

	/**
	 * Cancels a pledge the donor withdrew or that was recorded by mistake; one that became an
	 * agreement is not cancelled (the agreement is, if it must be).
	 */
	void cancel(LocalDate on, String by, String reason) {
		if (agreementId != null) {
			throw new BusinessRuleViolation("pledge.cancel.becameAgreement");
		}
		if (cancelledOn != null) {
			throw new BusinessRuleViolation("pledge.cancelled", cancelledOn);
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.ofField("reason", "pledge.cancel.reason");
		}
		this.cancelledOn = on;
		this.cancelledBy = by;
		this.cancellationReason = Text.bounded(reason, 500, "reason");
	}

	Long getDonorId() {
		return donorId;
	}

	PledgeView view() {
		return new PledgeView(id, donorId, pledgedOn, converted.original(), converted.rate(),
				converted.rateDate(), converted.usd(), window, note, agreementId, getCreatedBy(), getCreatedAt(),
				cancelledOn, cancelledBy, cancellationReason, getVersion());
	}

	/** A pledge as pages and the API show it; {@code agreementId} once it has become one. */
	public record PledgeView(Long id, Long donorId, LocalDate pledgedOn, Money amount, BigDecimal rate,
			LocalDate rateDate, Money usd, FundingWindow window, String note, Long agreementId, String recordedBy,
			Instant recordedAt, LocalDate cancelledOn, String cancelledBy, String cancellationReason, long version) {

		/** Neither an agreement yet nor cancelled: still expected. */
		public boolean open() {
			return agreementId == null && cancelledOn == null;
		}

	}

}
