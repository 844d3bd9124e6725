package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.tafund.fx.AppliedRate;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.Money;

/**
 * The revaluation of open receivables in other currencies at a period end: stored as computed on
 * the day it was run, and never recomputed afterwards.
 */
@Entity
@Table(name = "revaluation_run")
@org.hibernate.envers.Audited
class RevaluationRun extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "period_end", nullable = false, updatable = false)
	private LocalDate periodEnd;

	@Column(name = "gain_loss_usd", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal gainLossUsd;

	// The run's own revision records who ran it when, for which period end and with what result; its
	// lines and rates never change after it, and are shown on the run's page.
	@org.hibernate.envers.NotAudited
	@OneToMany(cascade = CascadeType.PERSIST)
	@JoinColumn(name = "run_id", nullable = false, updatable = false)
	private List<RevaluationLine> lines = new ArrayList<>();

	/** The rate taken for each currency of the agreements in the books, revalued or not. */
	@org.hibernate.envers.NotAudited
	@ElementCollection
	@CollectionTable(name = "revaluation_rate", joinColumns = @JoinColumn(name = "run_id"))
	private List<RunRate> rates = new ArrayList<>();

	protected RevaluationRun() {
	}

	RevaluationRun(LocalDate periodEnd, List<RevaluationLine> lines, List<AppliedRate> rates) {
		this.periodEnd = periodEnd;
		this.lines.addAll(lines);
		rates.forEach(rate -> this.rates.add(new RunRate(rate.currency(), rate.unitsPerUsd(), rate.effectiveDate())));
		this.gainLossUsd = lines.stream()
			.map(RevaluationLine::gainLoss)
			.reduce(Money.zero(Money.USD), Money::plus)
			.amount();
	}

	Long getId() {
		return id;
	}

	LocalDate getPeriodEnd() {
		return periodEnd;
	}

	List<RevaluationLine> lines() {
		return List.copyOf(lines);
	}

	/** The rate the run took for the currency, if it had agreements in it. */
	java.util.Optional<AppliedRate> rateOf(String currency) {
		return rates.stream()
			.filter(rate -> rate.currency.equals(currency))
			.findFirst()
			.map(rate -> new AppliedRate(currency, rate.rateDate, rate.periodEndRate));
	}

	@Embeddable
	static class RunRate {

		@Column(nullable = false, updatable = false, length = 3)
		private String currency;

		@Column(name = "period_end_rate", nullable = false, updatable = false, precision = 19, scale = 8)
		private BigDecimal periodEndRate;

		@Column(name = "rate_date", nullable = false, updatable = false)
		private LocalDate rateDate;

		protected RunRate() {
		}

		RunRate(String currency, BigDecimal periodEndRate, LocalDate rateDate) {
			this.currency = currency;
			this.periodEndRate = periodEndRate;
			this.rateDate = rateDate;
		}

	}

	RevaluationView view(List<RevaluationAdjustment> adjustments) {
		return new RevaluationView(id, periodEnd, new Money(gainLossUsd, Money.USD),
				lines.stream().map(RevaluationLine::view).toList(), getCreatedBy(), getCreatedAt(),
				adjustments.stream().map(RevaluationAdjustment::view).toList());
	}

}
