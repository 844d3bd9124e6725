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

	public record Budget(int year, BudgetCategory category, BigDecimal amountUsd) {
	}

}
