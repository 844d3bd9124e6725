package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.tafund.projects.Codes.Theme;

/** The rules the closed lists carry: no Spring, no database. */
class CodesTests {

	@Test
	void aThemeEarmarkFundsProjectsOfItsThemeAndOfBothAndOtherCooperationOnlyUnderOther() {
		assertThat(fundable("EXTRADITION")).containsExactly(Theme.EXTRADITION, Theme.BOTH);
		assertThat(fundable("MLA")).containsExactly(Theme.MLA, Theme.BOTH);
		assertThat(fundable("BOTH")).containsExactly(Theme.EXTRADITION, Theme.MLA, Theme.BOTH);
		assertThat(fundable("OTHER")).containsExactly(Theme.OTHER_COOPERATION);
	}

	private static Theme[] fundable(String earmarkedTheme) {
		return Arrays.stream(Theme.values()).filter(theme -> theme.fundableUnder(earmarkedTheme)).toArray(Theme[]::new);
	}

}
