package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.tafund.shared.AuditableEntity;
import org.tafund.shared.Money;

/**
 * The revaluation of open receivables in other currencies at a period end: stored as computed on
 * the day it was run, and never recomputed afterwards.
 */
@Entity
@Table(name = "revaluation_run")
class RevaluationRun extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "period_end", nullable = false, updatable = false)
	private LocalDate periodEnd;

	@Column(name = "gain_loss_usd", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal gainLossUsd;

	@OneToMany(cascade = CascadeType.PERSIST)
	@JoinColumn(name = "run_id", nullable = false, updatable = false)
	private List<RevaluationLine> lines = new ArrayList<>();

	protected RevaluationRun() {
	}

	RevaluationRun(LocalDate periodEnd, List<RevaluationLine> lines) {
		this.periodEnd = periodEnd;
		this.lines.addAll(lines);
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

	RevaluationView view() {
		return new RevaluationView(id, periodEnd, new Money(gainLossUsd, Money.USD),
				lines.stream().map(RevaluationLine::view).toList(), getCreatedBy(), getCreatedAt());
	}

}
