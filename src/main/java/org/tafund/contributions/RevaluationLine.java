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
 * One agreement's open receivable revalued: outstanding x (1/period-end rate - 1/carrying rate).
 * The receivable is carried at the rate of its last revaluation, or of its signature before any:
 * each run books only the change since the last, so that the runs add up. The columns
 * {@code recognition_rate} and {@code usd_at_recognition} hold that carrying rate and value.
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

	protected RevaluationLine() {
	}

	RevaluationLine(long agreementId, Money outstanding, BigDecimal carryingRate, AppliedRate periodEndRate) {
		this.agreementId = agreementId;
		this.currency = outstanding.currency();
		this.outstanding = outstanding.amount();
		this.recognitionRate = carryingRate;
		var atRecognition = outstanding.toUsd(carryingRate);
		var revalued = periodEndRate.toUsd(outstanding);
		this.usdAtRecognition = atRecognition.amount();
		this.periodEndRate = periodEndRate.unitsPerUsd();
		this.rateDate = periodEndRate.effectiveDate();
		this.revaluedUsd = revalued.amount();
		this.gainLossUsd = revalued.minus(atRecognition).amount();
	}

	Money gainLoss() {
		return new Money(gainLossUsd, Money.USD);
	}

	RevaluationView.Line view() {
		return new RevaluationView.Line(agreementId, new Money(outstanding, currency), recognitionRate,
				new Money(usdAtRecognition, Money.USD), periodEndRate, rateDate, new Money(revaluedUsd, Money.USD),
				gainLoss());
	}

}
