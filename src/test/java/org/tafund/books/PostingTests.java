package org.tafund.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;

class PostingTests {

	static String code(Throwable e) {
		return ((BusinessRuleViolation) e).messageKey();
	}

	@Test
	void refusesALineWithBothSidesOrNeither() {
		assertThatThrownBy(() -> new Posting(Account.CASH, Segment.GENERAL, new BigDecimal("1.00"),
				new BigDecimal("1.00"), null, null, null, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.line.oneSide"));
		assertThatThrownBy(() -> Posting.debit(Account.CASH, Segment.GENERAL, BigDecimal.ZERO, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.line.oneSide"));
	}

	@Test
	void refusesNegativeAmountsMoreThanTwoDecimalsAndOtherCurrencies() {
		assertThatThrownBy(() -> Posting.debit(Account.CASH, Segment.GENERAL, new BigDecimal("-1.00"), null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.line.negative"));
		assertThatThrownBy(() -> Posting.debit(Account.CASH, Segment.GENERAL, new BigDecimal("1.001"), null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("money.tooManyDecimals"));
		assertThatThrownBy(() -> Posting.debit(Account.CASH, Segment.GENERAL, new BigDecimal("1000000000000000.00"), null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("money.tooLarge"));
		assertThatThrownBy(() -> Posting.credit(Account.CASH, Segment.GENERAL, Money.of("5.00", "EUR"), null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.line.notUsd"));
		assertThat(Posting.debit(Account.CASH, Segment.GENERAL, new BigDecimal("1.500"), null).debitUsd())
			.isEqualTo(new BigDecimal("1.50"));
	}

	@Test
	void keepsTheOriginalAmountWithItsRateAndRefusesARateAlone() {
		var line = Posting.debit(Account.CASH, Segment.SPECIAL, Money.usd("1770.08"), Dimensions.NONE)
			.converted(Money.of("15000.00", "NOK"), new BigDecimal("8.474"), LocalDate.of(2025, 3, 1));
		assertThat(line.original()).isEqualTo(Money.of("15000.00", "NOK"));
		assertThat(line.mirrored().creditUsd()).isEqualTo(new BigDecimal("1770.08"));
		assertThat(line.mirrored().original()).isEqualTo(line.original());
		assertThatThrownBy(() -> new Posting(Account.CASH, Segment.SPECIAL, BigDecimal.ONE, null, null,
				new BigDecimal("8.474"), null, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.line.rateWithoutOriginal"));
		assertThatThrownBy(() -> line.converted(Money.of("15000.00", "NOK"), new BigDecimal("8.123456789"), null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("fx.rate.precision"));
		assertThatThrownBy(() -> line.converted(Money.of("-1.00", "NOK"), null, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.line.negative"));
	}

	@Test
	void refusesDimensionsLongerThanTheirColumnsAndUnknownCodes() {
		assertThatThrownBy(() -> Dimensions.NONE.withBudgetCategory("X".repeat(41)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.dimension.tooLong"));
		// Every donor type fits, the longest included (42 characters).
		assertThat(Dimensions.donor(1, "REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION").donorType())
			.isEqualTo("REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION");
		assertThatThrownBy(() -> Dimensions.donor(1, "X".repeat(51)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.dimension.tooLong"));
		assertThatThrownBy(() -> Account.of("PETTY_CASH")).satisfies(e -> assertThat(code(e)).isEqualTo("journal.account.unknown"));
		assertThatThrownBy(() -> Segment.of("OTHER")).satisfies(e -> assertThat(code(e)).isEqualTo("journal.segment.unknown"));
		assertThat(Account.expenditure("TRAVEL")).isEqualTo(Account.EXP_TRAVEL);
		assertThat(Account.revenue("PNI_INSTITUTE")).isEqualTo(Account.REV_PNI);
	}

	@Test
	void buildsADraftLeavingOutZeroLinesAndBookingSignedDifferencesOnTheirSide() {
		var draft = EntryDraft.of(LocalDate.of(2025, 3, 31), SourceType.RECEIPT, 1, "Receipt")
			.debit(Account.CASH, Segment.GENERAL, new BigDecimal("100.00"), Dimensions.NONE)
			.credit(Account.RECEIVABLE, Segment.GENERAL, new BigDecimal("90.00"), Dimensions.NONE)
			.signed(Account.FX_REALISED, Segment.GENERAL, new BigDecimal("-10.00"), Dimensions.NONE)
			.signed(Account.FX_UNREALISED, Segment.GENERAL, BigDecimal.ZERO, Dimensions.NONE)
			.debit(Account.OTHER_INCOME, Segment.GENERAL, new BigDecimal("0.00"), Dimensions.NONE)
			.draft();
		assertThat(draft.lines()).hasSize(3);
		assertThat(draft.lines().get(2).creditUsd()).isEqualTo(new BigDecimal("10.00"));
		assertThat(draft.balances()).isTrue();
		assertThatThrownBy(() -> new EntryDraft(LocalDate.of(2025, 3, 31), SourceType.RECEIPT, 1, " "))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.description.required"));
		assertThatThrownBy(() -> new EntryDraft(LocalDate.of(2025, 3, 31), SourceType.RECEIPT, 1, "x".repeat(501)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.description.tooLong"));
	}

}
