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
 * the USD value at recognition: outstanding x (1/period-end rate - 1/signature rate). What the run
 * books is the change of that figure since the agreement's previous run, so that the runs add up
 * to the difference still open, counted once.
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

	/** {@code previous}: the agreement's gain or loss at its previous run (zero before any). */
	RevaluationLine(long agreementId, Money outstanding, BigDecimal recognitionRate, AppliedRate periodEndRate,
			Money previous) {
		this.agreementId = agreementId;
		this.currency = outstanding.currency();
		this.outstanding = outstanding.amount();
		this.recognitionRate = recognitionRate;
		var atRecognition = outstanding.toUsd(recognitionRate);
		var revalued = periodEndRate.toUsd(outstanding);
		this.usdAtRecognition = atRecognition.amount();
		this.periodEndRate = periodEndRate.unitsPerUsd();
		this.rateDate = periodEndRate.effectiveDate();
		this.revaluedUsd = revalued.amount();
		this.gainLossUsd = revalued.minus(atRecognition).amount();
		this.bookedUsd = revalued.minus(atRecognition).minus(previous).amount();
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
