package org.tafund.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

/** Free text as the domain takes it: no Spring, no database. */
class TextTests {

	@Test
	void comparesTextWithoutCaseOrAccentsAsTheDatabaseDoes() {
		assertThat(Text.comparable("  Überfällig Stiftung ")).isEqualTo("uberfallig stiftung");
		assertThat(Text.comparable("CÔTE D’IVOIRE")).isEqualTo("cote d’ivoire");
		assertThat(Text.comparable(null)).isEmpty();
	}

	@Test
	void stripsTextAndTakesBlankForAbsent() {
		assertThat(Text.bounded(" Flights to Abuja ", 100, "description")).isEqualTo("Flights to Abuja");
		assertThat(Text.bounded(null, 100, "description")).isNull();
		assertThat(Text.bounded(" \t", 100, "description")).isNull();
		assertThat(Text.bounded("", 100, "description")).isNull();
	}

	@Test
	void takesTextUpToItsColumnAfterStrippingAndRefusesLongerNamingTheField() {
		assertThat(Text.bounded("  " + "x".repeat(5) + "  ", 5, "reference")).isEqualTo("xxxxx");
		assertThatThrownBy(() -> Text.bounded("x".repeat(6), 5, "reference"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
				assertThat(e.messageKey()).isEqualTo("text.tooLong");
				assertThat(((MessageSourceResolvable) e.arguments()[0]).getCodes()).containsExactly("field.reference");
				assertThat(e.arguments()[1]).isEqualTo(5);
			});
	}

}
