package org.tafund.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;

@Entity
@Table(name = "exchange_rate")
@Audited
class ExchangeRate extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 3)
	private String currency;

	@Column(name = "effective_date", nullable = false)
	private LocalDate effectiveDate;

	@Column(name = "units_per_usd", nullable = false, precision = 19, scale = 8)
	private BigDecimal unitsPerUsd;

	@Column(name = "previous_units_per_usd", precision = 19, scale = 8)
	private BigDecimal previousUnitsPerUsd;

	@Column(name = "correction_reason", length = 500)
	private String correctionReason;

	protected ExchangeRate() {
	}

	ExchangeRate(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd) {
		this.currency = currency;
		this.effectiveDate = effectiveDate;
		this.unitsPerUsd = unitsPerUsd;
	}

	AppliedRate applied() {
		return new AppliedRate(currency, effectiveDate, unitsPerUsd);
	}

	/**
	 * Corrects a published rate that was wrong: the value it replaces is kept beside it with the
	 * reason, and every earlier value in its history. What was booked at the old value keeps it.
	 */
	void correct(BigDecimal corrected, String reason) {
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.ofField("reason", "fx.correction.reason");
		}
		if (corrected.compareTo(unitsPerUsd) == 0) {
			throw BusinessRuleViolation.ofField("unitsPerUsd", "fx.correction.unchanged", currency, effectiveDate);
		}
		this.previousUnitsPerUsd = unitsPerUsd;
		this.unitsPerUsd = corrected;
		this.correctionReason = org.tafund.shared.Text.bounded(reason, 500, "reason");
	}

	RateView view() {
		return new RateView(id, currency, effectiveDate, unitsPerUsd, getCreatedBy(), getCreatedAt(), previousUnitsPerUsd,
				correctionReason, previousUnitsPerUsd == null ? null : getUpdatedBy(), getVersion());
	}

}
