package org.tafund.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Theme;

/** {@code POST/PUT /api/v1/projects}; the implementing entity defaults to UNODC headquarters. */
record ProjectRequest(@NotBlank @Size(max = 30) String code, @NotBlank @Size(max = 300) String title,
		@Size(max = 4000) String description, @NotNull Theme theme, Set<@NotNull Instrument> instruments,
		@NotEmpty Set<@NotNull String> beneficiaryCountries, Long implementingEntityId, @NotEmpty Set<@NotNull String> managers,
		LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
		@NotNull Integer status, String dacPurposeCode, BigDecimal pscRate, Set<@NotNull Long> requestIds,
		@Valid List<ProjectDetails.@NotNull Budget> budget) {

	ProjectDetails toDetails(long defaultEntityId) {
		return new ProjectDetails(code, title, description, theme, instruments, beneficiaryCountries,
				implementingEntityId == null ? defaultEntityId : implementingEntityId, managers, plannedStart, plannedEnd,
				actualStart, actualEnd, status, dacPurposeCode, pscRate, requestIds, budget);
	}

}
