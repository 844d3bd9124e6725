package org.tafund.projects;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.RecordNames;

/** A history names a project by its code: an activity's, allocation's or expenditure's {@code projectId}. */
@Component
class ProjectNames implements RecordNames {

	private final Projects projects;

	ProjectNames(Projects projects) {
		this.projects = projects;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> nameOf(String property, Object id) {
		if (!property.equals("projectId") || !(id instanceof Number number)) {
			return Optional.empty();
		}
		return projects.findById(number.longValue()).map(Project::getCode);
	}

}
