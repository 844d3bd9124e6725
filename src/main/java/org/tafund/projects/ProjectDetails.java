package org.tafund.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Theme;

/** What is entered or changed about a project. */
public record ProjectDetails(String code, String title, String description, Theme theme, Set<Instrument> instruments,
		Set<String> beneficiaryCountries, long implementingEntityId, Set<String> managers, LocalDate plannedStart,
		LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, int status, String dacPurposeCode,
		BigDecimal pscRate, Set<Long> requestIds, List<Budget> budget) {

	ProjectDetails withPscRate(BigDecimal rate) {
		return new ProjectDetails(code, title, description, theme, instruments, beneficiaryCountries,
				implementingEntityId, managers, plannedStart, plannedEnd, actualStart, actualEnd, status, dacPurposeCode,
				rate, requestIds, budget);
	}

	ProjectDetails withManagers(Set<String> names) {
		return new ProjectDetails(code, title, description, theme, instruments, beneficiaryCountries,
				implementingEntityId, names, plannedStart, plannedEnd, actualStart, actualEnd, status, dacPurposeCode,
				pscRate, requestIds, budget);
	}

	public record Budget(int year, @jakarta.validation.constraints.NotNull BudgetCategory category,
			@jakarta.validation.constraints.NotNull BigDecimal amountUsd) {
	}

}
