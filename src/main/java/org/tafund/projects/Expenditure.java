package org.tafund.projects;

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
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConvertedAmount;
import org.tafund.shared.Money;
import org.tafund.shared.Text;

/**
 * Money spent on a project: original amount, USD at the UN rate of its date, and the programme
 * support cost charged on it at the project's rate, all fixed when recorded. Never edited: a
 * correction is a reversal with a reason.
 */
@Entity
@Table(name = "expenditure")
@Audited
class Expenditure extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "project_id", nullable = false, updatable = false)
	private Long projectId;

	@Column(name = "activity_id", updatable = false)
	private Long activityId;

	@Column(name = "spent_on", nullable = false, updatable = false)
	private LocalDate spentOn;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false, length = 30)
	private BudgetCategory category;

	@Embedded
	private ConvertedAmount converted;

	@Column(name = "psc_rate", nullable = false, updatable = false, precision = 5, scale = 4)
	private BigDecimal pscRate;

	@Column(name = "psc_usd", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal pscUsd;

	@Column(updatable = false, length = 100)
	private String reference;

	@Column(updatable = false, length = 500)
	private String description;

	@Column(name = "reversal_of", updatable = false)
	private Long reversalOf;

	@Column(updatable = false, length = 500)
	private String reason;

	protected Expenditure() {
	}

	/** PSC = USD amount x the project's PSC rate, rounded half-even to the cent, on each line. */
	Expenditure(long projectId, Long activityId, LocalDate spentOn, BudgetCategory category, Money amount,
			AppliedRate rate, BigDecimal pscRate, String reference, String description) {
		if (!amount.isPositive()) {
			throw new BusinessRuleViolation("expenditure.amount.positive");
		}
		this.converted = rate.convert(amount);
		var usd = converted.usd();
		this.projectId = projectId;
		this.activityId = activityId;
		this.spentOn = spentOn;
		this.category = category;
		this.pscRate = pscRate;
		this.pscUsd = usd.times(pscRate).amount();
		this.reference = Text.bounded(reference, 100, "reference");
		this.description = Text.bounded(description, 500, "description");
	}

	Expenditure reversal(LocalDate on, String why) {
		if (reversalOf != null) {
			throw new BusinessRuleViolation("expenditure.reverseReversal");
		}
		if (why == null || why.isBlank()) {
			throw new BusinessRuleViolation("receipt.reversal.reason");
		}
		var reversal = new Expenditure();
		reversal.projectId = projectId;
		reversal.activityId = activityId;
		reversal.spentOn = on;
		reversal.category = category;
		reversal.converted = converted.negated();
		reversal.pscRate = pscRate;
		reversal.pscUsd = pscUsd.negate();
		reversal.reference = reference;
		reversal.reversalOf = id;
		reversal.reason = Text.bounded(why, 500, "reason");
		return reversal;
	}

	Long getProjectId() {
		return projectId;
	}

	Money usd() {
		return converted.usd();
	}

	Money psc() {
		return new Money(pscUsd, Money.USD);
	}

	LocalDate getSpentOn() {
		return spentOn;
	}

	BudgetCategory getCategory() {
		return category;
	}

	ExpenditureView view() {
		return new ExpenditureView(id, projectId, activityId, spentOn, category, converted.original(),
				converted.rate(), converted.rateDate(), usd(), pscRate, psc(), reference, description, reversalOf, reason, getCreatedBy(),
				getCreatedAt());
	}

	/** An expenditure line as pages and the API show it. */
	public record ExpenditureView(Long id, Long projectId, Long activityId, LocalDate spentOn, BudgetCategory category,
			Money amount, BigDecimal rate, LocalDate rateDate, Money usd, BigDecimal pscRate, Money psc,
			String reference, String description, Long reversalOf, String reason, String recordedBy,
			Instant recordedAt) {
	}

}
