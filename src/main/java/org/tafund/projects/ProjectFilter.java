package org.tafund.projects;

import java.util.Locale;

import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Theme;
import org.tafund.reference.CountryCatalogue;

/** The projects list's filters; null means no filter. */
public record ProjectFilter(Theme theme, Integer status, String country, String region, String manager,
		Instrument instrument) {

	public static ProjectFilter all() {
		return new ProjectFilter(null, null, null, null, null, null);
	}

	boolean matches(Project project, CountryCatalogue countries) {
		return (theme == null || project.getTheme() == theme) && (status == null || project.status().code() == status)
				&& (blank(country) || project.getCountries().contains(country.strip().toUpperCase(Locale.ROOT)))
				&& (blank(manager) || project.getManagers().contains(manager.strip().toLowerCase(Locale.ROOT)))
				&& (instrument == null || project.getInstruments().contains(instrument))
				&& (blank(region) || project.getCountries()
					.stream()
					.map(code -> countries.find(code, Locale.ENGLISH))
					.flatMap(java.util.Optional::stream)
					.anyMatch(c -> c.isIn(region)));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
