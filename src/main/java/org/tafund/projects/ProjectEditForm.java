package org.tafund.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Theme;

/**
 * The project edit page: what a manager changes about a project, with its budget by year and
 * category. The code never changes; the PSC rate and DAC code stay as they are (finance sets the
 * rate through the API). Budget rows left without a year or an amount are not lines.
 */
record ProjectEditForm(Long version, @NotBlank(message = "{project.title.required}") @Size(max = 300) String title,
		@Size(max = 4000) String description, @NotNull(message = "{project.theme.required}") Theme theme,
		Integer status, @NotNull(message = "{project.entity.required}") Long implementingEntityId,
		Set<String> countries, Set<String> managers, Set<Instrument> instruments, Set<Long> requestIds,
		LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
		List<BudgetRow> budget) implements java.io.Serializable {

	/** Empty rows offered below the recorded lines, to add a year or a category. */
	static final int SPARE_ROWS = 3;

	/** One budget line as typed; every part may be missing until the form is checked. */
	record BudgetRow(Integer year, BudgetCategory category, BigDecimal amountUsd) implements java.io.Serializable {

		boolean isBlank() {
			return year == null && amountUsd == null;
		}

	}

	static ProjectEditForm of(ProjectView project) {
		var rows = new ArrayList<BudgetRow>();
		project.budget()
			.stream()
			.filter(b -> !b.budgetUsd().isZero())
			.forEach(b -> rows.add(new BudgetRow(b.year(), b.category(), b.budgetUsd().amount())));
		for (int i = 0; i < SPARE_ROWS; i++) {
			rows.add(new BudgetRow(null, null, null));
		}
		return new ProjectEditForm(project.version(), project.title(), project.description(), project.theme(),
				project.status(), project.implementingEntityId(), project.beneficiaryCountries(), project.managers(),
				project.instruments(), project.requestIds(), project.plannedStart(), project.plannedEnd(),
				project.actualStart(), project.actualEnd(), rows);
	}

	/**
	 * The details to store; a row with an amount but no year or category is refused beside the
	 * budget, since storing it would silently drop it.
	 */
	ProjectDetails toDetails(ProjectView project) {
		var lines = new ArrayList<ProjectDetails.Budget>();
		for (var row : budget == null ? List.<BudgetRow>of() : budget) {
			if (row == null || row.isBlank()) {
				continue;
			}
			if (row.year() == null || row.category() == null || row.amountUsd() == null) {
				throw org.tafund.shared.BusinessRuleViolation.ofField("budget", "project.budget.incomplete");
			}
			lines.add(new ProjectDetails.Budget(row.year(), row.category(), row.amountUsd()));
		}
		return new ProjectDetails(project.code(), title, description, theme,
				instruments == null ? Set.of() : instruments, countries == null ? Set.of() : countries,
				implementingEntityId, managers == null ? Set.of() : new LinkedHashSet<>(managers), plannedStart,
				plannedEnd, actualStart, actualEnd, status == null ? project.status() : status,
				project.dacPurposeCode(), null, requestIds == null ? Set.of() : requestIds, lines);
	}

}
