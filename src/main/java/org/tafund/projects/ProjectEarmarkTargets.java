package org.tafund.projects;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.tafund.contributions.EarmarkTargets;

@Component
class ProjectEarmarkTargets implements EarmarkTargets {

	private final Projects projects;

	ProjectEarmarkTargets(Projects projects) {
		this.projects = projects;
	}

	@Override
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public java.util.List<String> projectCodes() {
		return projects.codes();
	}

	@Override
	public boolean projectExists(String code) {
		return code != null && projects.existsByCode(code.strip().toUpperCase(Locale.ROOT));
	}

}
