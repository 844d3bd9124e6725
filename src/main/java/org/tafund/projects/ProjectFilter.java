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

	/** True when {@code project} passes every filter given (for checks; lists filter in SQL, see ProjectList). */
	boolean matches(ProjectView project, CountryCatalogue countries) {
		return (theme == null || project.theme() == theme) && (status == null || project.status() == status)
				&& (blank(country) || project.beneficiaryCountries().contains(country.strip().toUpperCase(Locale.ROOT)))
				&& (blank(manager) || project.managers().contains(manager.strip().toLowerCase(Locale.ROOT)))
				&& (instrument == null || project.instruments().contains(instrument))
				&& (blank(region) || project.beneficiaryCountries()
					.stream()
					.map(code -> countries.find(code, Locale.ENGLISH))
					.flatMap(java.util.Optional::stream)
					.anyMatch(c -> c.isIn(region)));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
