package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.tafund.fx.AppliedRate;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;

/**
 * A line of expenditure and its programme support cost, on the entity alone: no Spring, no
 * database. PSC = the USD amount x the project's rate, rounded half-even to the cent, on each line.
 */
class ExpenditureTests {

	static final LocalDate SPENT = LocalDate.parse("2026-03-10");

	static final AppliedRate EUR = new AppliedRate("EUR", LocalDate.parse("2026-03-01"), new BigDecimal("0.9"));

	@Test
	void convertsAtTheUnRateOfItsDateAndChargesPscOnTheUsdAmount() {
		// EUR 1,000.00 at 0.9 EUR per USD = 1,111.11 USD; PSC 13% = 144.4443, so 144.44.
		var line = expenditure(Money.of("1000.00", "EUR"), EUR, "0.13");
		assertThat(line.usd()).isEqualTo(Money.usd("1111.11"));
		assertThat(line.psc()).isEqualTo(Money.usd("144.44"));
		assertThat(line.getProjectId()).isEqualTo(7L);
		assertThat(line.getSpentOn()).isEqualTo(SPENT);
		assertThat(line.getCategory()).isEqualTo(BudgetCategory.TRAVEL);
		var view = line.view();
		assertThat(view.projectId()).isEqualTo(7L);
		assertThat(view.activityId()).isEqualTo(70L);
		assertThat(view.spentOn()).isEqualTo(SPENT);
		assertThat(view.category()).isEqualTo(BudgetCategory.TRAVEL);
		assertThat(view.amount()).isEqualTo(Money.of("1000.00", "EUR"));
		assertThat(view.rate()).isEqualByComparingTo("0.9");
		assertThat(view.rateDate()).isEqualTo(LocalDate.parse("2026-03-01"));
		assertThat(view.usd()).isEqualTo(Money.usd("1111.11"));
		assertThat(view.pscRate()).isEqualByComparingTo("0.13");
		assertThat(view.psc()).isEqualTo(Money.usd("144.44"));
		assertThat(view.reference()).isEqualTo("INV-1");
		assertThat(view.description()).isEqualTo("Flights");
		assertThat(view.reversalOf()).isNull();
		assertThat(view.reason()).isNull();
	}

	@Test
	void roundsThePscHalfEvenToTheCent() {
		var usd = AppliedRate.usd(SPENT);
		// 100.50 x 0.13 = 13.065: half-even gives 13.06 (half-up would give 13.07).
		assertThat(expenditure(Money.usd("100.50"), usd, "0.13").psc()).isEqualTo(Money.usd("13.06"));
		// 100.50 x 0.15 = 15.075: 15.08.
		assertThat(expenditure(Money.usd("100.50"), usd, "0.15").psc()).isEqualTo(Money.usd("15.08"));
		// 100.70 x 0.13 = 13.091: 13.09.
		assertThat(expenditure(Money.usd("100.70"), usd, "0.13").psc()).isEqualTo(Money.usd("13.09"));
		// No PSC at a rate of zero.
		assertThat(expenditure(Money.usd("100.50"), usd, "0").psc()).isEqualTo(Money.usd("0.00"));
		// JPY 5,000 at 151.5 = 33.00 USD; PSC 13% = 4.29.
		var jpy = expenditure(Money.of("5000", "JPY"),
				new AppliedRate("JPY", LocalDate.parse("2026-03-01"), new BigDecimal("151.5")), "0.13");
		assertThat(jpy.usd()).isEqualTo(Money.usd("33.00"));
		assertThat(jpy.psc()).isEqualTo(Money.usd("4.29"));
	}

	@Test
	void refusesNothingOrLessAndTextsLongerThanTheirColumns() {
		assertRefused(() -> expenditure(Money.of("0.00", "EUR"), EUR, "0.13"), "expenditure.amount.positive");
		assertRefused(() -> expenditure(Money.of("-1.00", "EUR"), EUR, "0.13"), "expenditure.amount.positive");
		assertRefused(() -> new Expenditure(7, null, SPENT, BudgetCategory.TRAVEL, Money.of("1.00", "EUR"), EUR,
				new BigDecimal("0.13"), "R".repeat(101), null), "text.tooLong");
		assertRefused(() -> new Expenditure(7, null, SPENT, BudgetCategory.TRAVEL, Money.of("1.00", "EUR"), EUR,
				new BigDecimal("0.13"), null, "D".repeat(501)), "text.tooLong");
		var blank = new Expenditure(7, null, SPENT, BudgetCategory.TRAVEL, Money.of("1.00", "EUR"), EUR,
				new BigDecimal("0.13"), " ", " ");
		assertThat(blank.view().reference()).isNull();
		assertThat(blank.view().description()).isNull();
		assertThat(blank.view().activityId()).isNull();
	}

	@Test
	void aReversalUndoesTheAmountAndItsPscOnTheDayItIsRecorded() {
		var line = expenditure(Money.of("1000.00", "EUR"), EUR, "0.13");
		ReflectionTestUtils.setField(line, "id", 10L);
		var on = LocalDate.parse("2026-04-02");
		var reversal = line.reversal(on, " Charged to the wrong project ");
		assertThat(reversal.usd()).isEqualTo(Money.usd("-1111.11"));
		assertThat(reversal.psc()).isEqualTo(Money.usd("-144.44"));
		assertThat(reversal.getSpentOn()).isEqualTo(on);
		assertThat(reversal.getProjectId()).isEqualTo(7L);
		assertThat(reversal.getCategory()).isEqualTo(BudgetCategory.TRAVEL);
		var view = reversal.view();
		assertThat(view.amount()).isEqualTo(Money.of("-1000.00", "EUR"));
		assertThat(view.activityId()).isEqualTo(70L);
		assertThat(view.rate()).isEqualByComparingTo("0.9");
		assertThat(view.rateDate()).isEqualTo(LocalDate.parse("2026-03-01"));
		assertThat(view.pscRate()).isEqualByComparingTo("0.13");
		assertThat(view.reference()).isEqualTo("INV-1");
		assertThat(view.reversalOf()).isEqualTo(10L);
		assertThat(view.reason()).isEqualTo("Charged to the wrong project");
		assertRefused(() -> reversal.reversal(on, "Undo the undo"), "expenditure.reverseReversal");
		assertRefused(() -> line.reversal(on, " "), "receipt.reversal.reason");
		assertRefused(() -> line.reversal(on, null), "receipt.reversal.reason");
	}

	static Expenditure expenditure(Money amount, AppliedRate rate, String pscRate) {
		return new Expenditure(7, 70L, SPENT, BudgetCategory.TRAVEL, amount, rate, new BigDecimal(pscRate), "INV-1",
				"Flights");
	}

	static void assertRefused(ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleViolation.class,
				e -> assertThat(e.messageKey()).isEqualTo(code));
	}

}
