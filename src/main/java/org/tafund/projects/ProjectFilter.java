package org.tafund.projects;

import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Theme;

/** The projects list's filters; null means no filter. They are applied in SQL by {@link ProjectList}. */
public record ProjectFilter(Theme theme, Integer status, String country, String region, String manager,
		Instrument instrument) {

	public static ProjectFilter all() {
		return new ProjectFilter(null, null, null, null, null, null);
	}

}
