package org.tafund.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.ProjectStatus;
import org.tafund.projects.Codes.Theme;
import org.tafund.shared.Money;

/** A project with its money: allocated, spent, PSC and balance in USD, and budget against them. */
public record ProjectView(Long id, String code, String title, String description, Theme theme,
		Set<Instrument> instruments, Set<String> beneficiaryCountries, Long implementingEntityId,
		Set<String> managers, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
		int status, String dacPurposeCode, BigDecimal pscRate, Set<Long> requestIds, List<BudgetRow> budget,
		Money allocatedUsd, Money expenditureUsd, Money pscUsd, Money balanceUsd, long version) {

	/** Budget against spending for one year and category. */
	public record BudgetRow(int year, BudgetCategory category, Money budgetUsd, Money spentUsd, Money pscUsd) {
	}

	public ProjectStatus statusName() {
		return ProjectStatus.of(status);
	}

	public Money budgetUsd() {
		return budget.stream().map(BudgetRow::budgetUsd).reduce(Money.zero(Money.USD), Money::plus);
	}

}
