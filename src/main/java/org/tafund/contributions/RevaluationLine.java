package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tafund.fx.AppliedRate;
import org.tafund.shared.Money;

/**
 * One agreement's open receivable revalued at a period end. Its gain or loss is measured against
 * what the books carry at the signature rate; what the run books is the change since the
 * agreement's previous run (the books' revaluation balance), so that the runs add up to the
 * difference still open, counted once, and the receivable stands at the period-end rate.
 */
@Entity
@Table(name = "revaluation_line")
class RevaluationLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agreement_id", nullable = false, updatable = false)
	private Long agreementId;

	@Column(nullable = false, updatable = false, length = 3)
	private String currency;

	@Column(nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal outstanding;

	@Column(name = "recognition_rate", nullable = false, updatable = false, precision = 19, scale = 8)
	private BigDecimal recognitionRate;

	@Column(name = "usd_at_recognition", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal usdAtRecognition;

	@Column(name = "period_end_rate", nullable = false, updatable = false, precision = 19, scale = 8)
	private BigDecimal periodEndRate;

	@Column(name = "rate_date", nullable = false, updatable = false)
	private LocalDate rateDate;

	@Column(name = "revalued_usd", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal revaluedUsd;

	@Column(name = "gain_loss_usd", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal gainLossUsd;

	@Column(name = "booked_usd", updatable = false, precision = 19, scale = 4)
	private BigDecimal bookedUsd;

	protected RevaluationLine() {
	}

	/**
	 * {@code atRecognition} and {@code revaluedBefore}: what the books carry for the receivable at
	 * the period end, at the signature rate and from earlier revaluations. The line brings the two
	 * together to the outstanding amount at the period-end rate.
	 */
	RevaluationLine(long agreementId, Money outstanding, BigDecimal recognitionRate, AppliedRate periodEndRate,
			BigDecimal atRecognition, BigDecimal revaluedBefore) {
		this.agreementId = agreementId;
		this.currency = outstanding.currency();
		this.outstanding = outstanding.amount();
		this.recognitionRate = recognitionRate;
		var carried = Money.rounded(atRecognition, Money.USD);
		var revalued = periodEndRate.toUsd(outstanding);
		this.usdAtRecognition = carried.amount();
		this.periodEndRate = periodEndRate.unitsPerUsd();
		this.rateDate = periodEndRate.effectiveDate();
		this.revaluedUsd = revalued.amount();
		this.gainLossUsd = revalued.minus(carried).amount();
		this.bookedUsd = revalued.minus(carried).minus(Money.rounded(revaluedBefore, Money.USD)).amount();
	}

	Long agreementId() {
		return agreementId;
	}

	Money booked() {
		return new Money(bookedUsd, Money.USD);
	}

	Money gainLoss() {
		return new Money(gainLossUsd, Money.USD);
	}

	RevaluationView.Line view() {
		return new RevaluationView.Line(agreementId, new Money(outstanding, currency), recognitionRate,
				new Money(usdAtRecognition, Money.USD), periodEndRate, rateDate, new Money(revaluedUsd, Money.USD),
				gainLoss(), booked());
	}

}
