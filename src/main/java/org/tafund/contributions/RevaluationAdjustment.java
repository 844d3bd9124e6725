package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.tafund.books.SourceType;
import org.tafund.fx.AppliedRate;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.Money;

/**
 * What an event recorded after a revaluation run, and dated on or before its period end, changes
 * in that run for one agreement: the receivable outstanding at the period end is revalued again
 * at the run's rate, and the difference to what the books carry there is booked at the period
 * end. The run itself stays as it was computed; its adjustments are listed beside it.
 */
@Entity
@Table(name = "revaluation_adjustment")
class RevaluationAdjustment extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "run_id", nullable = false, updatable = false)
	private Long runId;

	@Column(name = "agreement_id", nullable = false, updatable = false)
	private Long agreementId;

	@Column(nullable = false, updatable = false, length = 40)
	private String cause;

	@Column(name = "cause_id", nullable = false, updatable = false)
	private Long causeId;

	@Column(nullable = false, updatable = false, length = 3)
	private String currency;

	@Column(nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal outstanding;

	@Column(name = "period_end_rate", nullable = false, updatable = false, precision = 19, scale = 8)
	private BigDecimal periodEndRate;

	@Column(name = "rate_date", nullable = false, updatable = false)
	private LocalDate rateDate;

	@Column(name = "revalued_usd", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal revaluedUsd;

	@Column(name = "booked_usd", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal bookedUsd;

	protected RevaluationAdjustment() {
	}

	/**
	 * {@code carried}: what the books hold for the receivable at the period end once the event is
	 * posted, at the signature rate and from revaluations; the adjustment brings their sum to the
	 * outstanding amount at the period-end rate.
	 */
	RevaluationAdjustment(long runId, long agreementId, SourceType cause, long causeId, Money outstanding,
			AppliedRate periodEndRate, BigDecimal carried) {
		this.runId = runId;
		this.agreementId = agreementId;
		this.cause = cause.name();
		this.causeId = causeId;
		this.currency = outstanding.currency();
		this.outstanding = outstanding.amount();
		this.periodEndRate = periodEndRate.unitsPerUsd();
		this.rateDate = periodEndRate.effectiveDate();
		var revalued = periodEndRate.toUsd(outstanding);
		this.revaluedUsd = revalued.amount();
		this.bookedUsd = revalued.minus(Money.rounded(carried, Money.USD)).amount();
	}

	Long getId() {
		return id;
	}

	Long getRunId() {
		return runId;
	}

	Long getAgreementId() {
		return agreementId;
	}

	/** The event that caused it, as its journal source and id ({@code RECEIPT 12}). */
	String cause() {
		return cause + " " + causeId;
	}

	Money booked() {
		return new Money(bookedUsd, Money.USD);
	}

	RevaluationView.Adjustment view() {
		return new RevaluationView.Adjustment(id, agreementId, cause, causeId, new Money(outstanding, currency),
				periodEndRate, rateDate, new Money(revaluedUsd, Money.USD), booked(), getCreatedBy(), getCreatedAt());
	}

}
