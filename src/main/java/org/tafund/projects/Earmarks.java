package org.tafund.projects;

import java.util.function.Function;

import org.tafund.contributions.AllocationBasis;
import org.tafund.reference.CountryView;

/**
 * Whether an agreement's earmark lets it fund a project: an unearmarked (level 1) agreement funds
 * any project; one earmarked to a theme, region, country or project funds only the projects that
 * match it. A pure rule: the countries (with their M49 regions) are looked up by the caller's
 * function, so that it runs without a database.
 */
final class Earmarks {

	private Earmarks() {
	}

	/**
	 * A theme earmark takes the projects of that theme and those on both extradition and MLA (an
	 * earmark to both takes either, never other cooperation); a country earmark, projects with that
	 * beneficiary country; a region earmark, projects with a beneficiary country in that region,
	 * sub-region or intermediate region; a project earmark, that project by its code.
	 */
	static boolean allow(AllocationBasis basis, Project project, Function<String, CountryView> country) {
		if (basis.earmarkLevel() <= 1 || basis.earmarkKind() == null) {
			return true;
		}
		var target = basis.earmarkTarget();
		return switch (basis.earmarkKind()) {
			case THEME -> project.getTheme().fundableUnder(target);
			case COUNTRY -> project.getCountries().contains(target);
			case PROJECT -> project.getCode().equalsIgnoreCase(target);
			case REGION -> project.getCountries().stream().map(country).anyMatch(c -> c.isIn(target));
		};
	}

}
