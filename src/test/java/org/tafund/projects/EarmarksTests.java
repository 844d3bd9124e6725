package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tafund.contributions.AllocationBasis;
import org.tafund.contributions.EarmarkKind;
import org.tafund.contributions.FundingWindow;
import org.tafund.projects.Codes.Theme;
import org.tafund.reference.Classification;
import org.tafund.reference.CountryView;
import org.tafund.shared.Money;

/** Which projects an earmarked agreement may fund: a pure rule, no Spring, no database. */
class EarmarksTests {

	static final Map<String, CountryView> COUNTRIES = Map.of(
			"NGA", new CountryView("NGA", "Nigeria", "Africa", "Sub-Saharan Africa", "Western Africa", false,
					Classification.DEVELOPING),
			"KEN", new CountryView("KEN", "Kenya", "Africa", "Sub-Saharan Africa", "Eastern Africa", false,
					Classification.DEVELOPING),
			"PER", new CountryView("PER", "Peru", "Americas", "Latin America and the Caribbean", "South America", false,
					Classification.DEVELOPING));

	@Test
	void anUnearmarkedAgreementFundsAnyProject() {
		var other = project("CPCJF-2026-7", Theme.OTHER_COOPERATION, "PER");
		assertThat(allows(basis(1, null, null), other)).isTrue();
		// Level 1 takes no kind; one left over changes nothing.
		assertThat(allows(basis(1, EarmarkKind.THEME, "MLA"), other)).isTrue();
		assertThat(allows(basis(2, null, "MLA"), other)).isTrue();
	}

	@Test
	void aThemeEarmarkFundsThatThemeAndProjectsOnBoth() {
		assertThat(themes(basis(2, EarmarkKind.THEME, "EXTRADITION"))).containsExactly(Theme.EXTRADITION, Theme.BOTH);
		assertThat(themes(basis(2, EarmarkKind.THEME, "MLA"))).containsExactly(Theme.MLA, Theme.BOTH);
		assertThat(themes(basis(2, EarmarkKind.THEME, "BOTH"))).containsExactly(Theme.EXTRADITION, Theme.MLA,
				Theme.BOTH);
		assertThat(themes(basis(2, EarmarkKind.THEME, "OTHER"))).containsExactly(Theme.OTHER_COOPERATION);
	}

	@Test
	void aCountryEarmarkFundsProjectsWithThatBeneficiaryCountry() {
		var earmark = basis(3, EarmarkKind.COUNTRY, "NGA");
		assertThat(allows(earmark, project("CPCJF-2026-1", Theme.MLA, "KEN", "NGA"))).isTrue();
		assertThat(allows(earmark, project("CPCJF-2026-2", Theme.MLA, "KEN"))).isFalse();
	}

	@Test
	void aRegionEarmarkFundsProjectsWithABeneficiaryCountryInThatRegionOrSubRegion() {
		var westernAfrica = basis(2, EarmarkKind.REGION, "Western Africa");
		assertThat(allows(westernAfrica, project("CPCJF-2026-1", Theme.MLA, "NGA"))).isTrue();
		assertThat(allows(westernAfrica, project("CPCJF-2026-2", Theme.MLA, "KEN"))).isFalse();
		assertThat(allows(westernAfrica, project("CPCJF-2026-3", Theme.MLA, "PER", "NGA"))).isTrue();
		var africa = basis(2, EarmarkKind.REGION, "Africa");
		assertThat(allows(africa, project("CPCJF-2026-2", Theme.MLA, "KEN"))).isTrue();
		assertThat(allows(africa, project("CPCJF-2026-4", Theme.MLA, "PER"))).isFalse();
	}

	@Test
	void aProjectEarmarkFundsThatProjectOnly() {
		var earmark = basis(4, EarmarkKind.PROJECT, "cpcjf-2026-7");
		assertThat(allows(earmark, project("CPCJF-2026-7", Theme.MLA, "NGA"))).isTrue();
		assertThat(allows(earmark, project("CPCJF-2026-8", Theme.MLA, "NGA"))).isFalse();
	}

	static List<Theme> themes(AllocationBasis basis) {
		return List.of(Theme.values()).stream().filter(theme -> allows(basis, project("P-1", theme, "NGA"))).toList();
	}

	static boolean allows(AllocationBasis basis, Project project) {
		return Earmarks.allow(basis, project, COUNTRIES::get);
	}

	static AllocationBasis basis(int level, EarmarkKind kind, String target) {
		return new AllocationBasis(8, "NOR-2026-1", 100, FundingWindow.CPCJF_SPECIAL_PURPOSE, level, kind, target,
				Money.usd("100000.00"));
	}

	static Project project(String code, Theme theme, String... countries) {
		return new Project(new ProjectDetails(code, "Title", null, theme, Set.of(), Set.of(countries), 1,
				Set.of("project.manager"), null, null, null, null, 2, null, null, Set.of(), List.of()));
	}

}
