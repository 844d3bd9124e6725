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

	RateView view() {
		return new RateView(id, currency, effectiveDate, unitsPerUsd, getCreatedBy(), getCreatedAt());
	}

}
