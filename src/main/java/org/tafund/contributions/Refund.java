package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
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

/** Money returned to a donor, in the agreement's currency: its own record, never an edit. */
@Entity
@Table(name = "refund")
@Audited
class Refund extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agreement_id", nullable = false, updatable = false)
	private Long agreementId;

	@Column(name = "refunded_on", nullable = false, updatable = false)
	private LocalDate refundedOn;

	@Embedded
	private ConvertedAmount converted;

	@Column(nullable = false, updatable = false, length = 500)
	private String reason;

	protected Refund() {
	}

	Refund(Long agreementId, LocalDate refundedOn, Money amount, AppliedRate rate, String reason) {
		if (!amount.isPositive()) {
			throw new BusinessRuleViolation("refund.amount.positive");
		}
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleViolation("refund.reason");
		}
		this.agreementId = agreementId;
		this.refundedOn = refundedOn;
		this.converted = rate.convert(amount);
		this.reason = Text.bounded(reason, 500, "reason");
	}

	Money money() {
		return converted.original();
	}

	RefundView view() {
		return new RefundView(id, agreementId, refundedOn, money(), converted.rate(), converted.rateDate(),
				converted.usd(),
				reason, getCreatedBy(), getCreatedAt());
	}

	/** A refund as pages and the API show it. */
	public record RefundView(Long id, Long agreementId, LocalDate refundedOn, Money amount, BigDecimal rate,
			LocalDate rateDate, Money usd, String reason, String recordedBy, Instant recordedAt) {
	}

}
