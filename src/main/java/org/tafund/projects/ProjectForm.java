package org.tafund.projects;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Theme;

/** The new-project form of the pages; managers are usernames (picked, or separated by commas or spaces). */
record ProjectForm(@NotBlank(message = "{project.code.required}") @Size(max = 30) String code,
		@NotBlank(message = "{project.title.required}") @Size(max = 300) String title,
		@NotNull(message = "{project.theme.required}") Theme theme, Set<String> countries, String managers,
		@NotNull(message = "{project.entity.required}") Long implementingEntityId, Integer status,
		LocalDate plannedStart, LocalDate plannedEnd, Set<Instrument> instruments) implements java.io.Serializable {

	/** Projects start as pipeline (status 1) unless another status is chosen. */
	static final int PIPELINE = 1;

	/** The DAC purpose code of the Fund's work: legal and judicial development. */
	static final String DAC_LEGAL_AND_JUDICIAL = "15130";

	static ProjectForm empty(String manager) {
		return new ProjectForm("", "", null, Set.of(), manager, null, PIPELINE, null, null, Set.of());
	}

	/** The managers named: the picker sends usernames, which arrive joined by commas. */
	public Set<String> managerNames() {
		return managers == null ? Set.<String>of()
				: Arrays.stream(managers.split("[,\\s]+"))
					.filter(m -> !m.isBlank())
					.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	ProjectDetails toDetails() {
		var managerNames = managerNames();
		return new ProjectDetails(code, title, null, theme, instruments, countries == null ? Set.of() : countries,
				implementingEntityId, managerNames, plannedStart, plannedEnd, null, null,
				status == null ? PIPELINE : status, DAC_LEGAL_AND_JUDICIAL, null, Set.of(), List.of());
	}

}
