package org.tafund.projects;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.shared.AuditableEntity;

/** The budget of a project for one year and category, in USD. */
@Entity
@Table(name = "budget_line")
@Audited
class BudgetLine extends AuditableEntity implements org.tafund.shared.Described {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "project_id", nullable = false, updatable = false)
	private Project project;

	@Column(name = "budget_year", nullable = false)
	private int year;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private BudgetCategory category;

	@Column(name = "amount_usd", nullable = false, precision = 19, scale = 4)
	private BigDecimal amountUsd;

	protected BudgetLine() {
	}

	BudgetLine(Project project, int year, BudgetCategory category, BigDecimal amountUsd) {
		this.project = project;
		this.year = year;
		this.category = category;
		this.amountUsd = amountUsd;
	}

	int getYear() {
		return year;
	}

	BudgetCategory getCategory() {
		return category;
	}

	BigDecimal getAmountUsd() {
		return amountUsd;
	}

	void setAmountUsd(BigDecimal amountUsd) {
		this.amountUsd = amountUsd;
	}

	/** How the audit trail shows a budget line in its project's history: "2026 travel 8000.00 USD". */
	@Override
	public String describe() {
		return year + " " + category.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
				+ amountUsd.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + " USD";
	}

	@Override
	public String describe(java.util.Locale locale) {
		return year + " " + category.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
				+ org.tafund.shared.Described.grouped(amountUsd, locale) + " USD";
	}

}
