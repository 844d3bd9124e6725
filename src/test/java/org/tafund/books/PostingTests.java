package org.tafund.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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

	@Test
	void takesRatesAboveZeroWithEightDecimalsUpToTheColumnsLargest() {
		var line = Posting.debit(Account.CASH, Segment.SPECIAL, new BigDecimal("10.00"), null);
		var nok = Money.of("100.00", "NOK");
		assertThat(line.converted(nok, new BigDecimal("0.12345678"), null).rate()).isEqualByComparingTo("0.12345678");
		assertThat(line.converted(nok, new BigDecimal("99999999999.99999999"), null).rate())
			.isEqualByComparingTo("99999999999.99999999");
		assertThatThrownBy(() -> line.converted(nok, new BigDecimal("100000000000"), null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("fx.rate.precision"));
		assertThatThrownBy(() -> line.converted(nok, BigDecimal.ZERO, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("fx.rate.precision"));
		assertThatThrownBy(() -> line.converted(nok, new BigDecimal("-8.474"), null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("fx.rate.precision"));
		assertThatThrownBy(() -> line.converted(nok, null, LocalDate.of(2025, 3, 1)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.line.rateWithoutOriginal"));
		// An original amount alone, without a rate, is kept (a USD line).
		assertThat(line.converted(Money.usd("10.00"), null, null).original()).isEqualTo(Money.usd("10.00"));
		assertThat(line.converted(Money.usd("0.00"), null, null).original()).isEqualTo(Money.usd("0.00"));
	}

	@Test
	void tellsItsSideAndAmountAndKeepsThemWithOtherDimensions() {
		var debit = Posting.debit(Account.CASH, Segment.GENERAL, Money.usd("12.50"), null);
		assertThat(debit.isDebit()).isTrue();
		assertThat(debit.amountUsd()).isEqualTo(new BigDecimal("12.50"));
		assertThat(debit.creditUsd()).isEqualTo(new BigDecimal("0.00"));
		assertThat(debit.dimensions()).isEqualTo(Dimensions.NONE);
		var credit = Posting.credit(Account.CASH, Segment.GENERAL, Money.usd("0.01"), Dimensions.NONE);
		assertThat(credit.isDebit()).isFalse();
		assertThat(credit.amountUsd()).isEqualTo(new BigDecimal("0.01"));
		assertThat(credit.debitUsd()).isEqualTo(new BigDecimal("0.00"));
		var project = debit.converted(Money.of("11.00", "EUR"), new BigDecimal("0.88"), LocalDate.of(2025, 3, 1))
			.with(Dimensions.project(7));
		assertThat(project.dimensions().projectId()).isEqualTo(7L);
		assertThat(project.debitUsd()).isEqualTo(new BigDecimal("12.50"));
		assertThat(project.original()).isEqualTo(Money.of("11.00", "EUR"));
		assertThat(project.rate()).isEqualByComparingTo("0.88");
		assertThat(project.rateDate()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(project.account()).isEqualTo(Account.CASH);
		assertThat(project.segment()).isEqualTo(Segment.GENERAL);
		var mirrored = project.mirrored();
		assertThat(mirrored.isDebit()).isFalse();
		assertThat(mirrored.amountUsd()).isEqualTo(new BigDecimal("12.50"));
		assertThat(mirrored.rateDate()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(mirrored.dimensions().projectId()).isEqualTo(7L);
		assertThatThrownBy(() -> Posting.debit(Account.CASH, Segment.GENERAL, (Money) null, null))
			.isInstanceOf(NullPointerException.class);
	}

	@Test
	void takesDimensionTextsUpToTheirColumnsAndBlankForAbsent() {
		var dims = Dimensions.donor(1, "D".repeat(50))
			.withAgreement(2L, "W".repeat(40), "E".repeat(200))
			.withProject(3L)
			.withActivity(4L)
			.withBudgetCategory("B".repeat(40));
		assertThat(dims.donorId()).isEqualTo(1L);
		assertThat(dims.donorType()).hasSize(50);
		assertThat(dims.agreementId()).isEqualTo(2L);
		assertThat(dims.fundingWindow()).hasSize(40);
		assertThat(dims.earmark()).hasSize(200);
		assertThat(dims.projectId()).isEqualTo(3L);
		assertThat(dims.activityId()).isEqualTo(4L);
		assertThat(dims.budgetCategory()).hasSize(40);
		assertThat(dims.withDonor(5L, " ").donorType()).isNull();
		assertThat(dims.withDonor(5L, "").donorId()).isEqualTo(5L);
		assertThatThrownBy(() -> dims.withAgreement(2L, "W".repeat(41), null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.dimension.tooLong"));
		assertThatThrownBy(() -> dims.withAgreement(2L, null, "E".repeat(201)))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.dimension.tooLong"));
	}

	@Test
	void cutsALongDescriptionToFiveHundredCharactersEndingInAnEllipsis() {
		assertThat(EntryDraft.abbreviate(null)).isNull();
		assertThat(EntryDraft.abbreviate("x".repeat(500))).isEqualTo("x".repeat(500));
		assertThat(EntryDraft.abbreviate("  " + "x".repeat(500) + "  ")).isEqualTo("  " + "x".repeat(500) + "  ");
		assertThat(EntryDraft.abbreviate("x".repeat(501))).isEqualTo("x".repeat(499) + "\u2026");
		var entry = new EntryDraft(LocalDate.of(2025, 3, 31), SourceType.MANUAL, 1, "  " + "x".repeat(500) + " ",
				(List<Posting>) null);
		assertThat(entry.description()).hasSize(500);
		assertThat(entry.lines()).isEmpty();
		assertThat(entry.totalDebits()).isEqualTo(new BigDecimal("0.00"));
		assertThat(entry.totalCredits()).isEqualTo(new BigDecimal("0.00"));
		assertThatThrownBy(() -> new EntryDraft(LocalDate.of(2025, 3, 31), SourceType.MANUAL, 1, null))
			.satisfies(e -> assertThat(code(e)).isEqualTo("journal.description.required"));
	}

	@Test
	void aDraftBalancesOnlyWhenItsDebitsAndCreditsAreEqualToTheCent() {
		var unbalanced = EntryDraft.of(LocalDate.of(2025, 3, 31), SourceType.MANUAL, 2, "Interest")
			.debit(Account.CASH, Segment.GENERAL, new BigDecimal("100.00"), Dimensions.NONE)
			.credit(Account.OTHER_INCOME, Segment.GENERAL, new BigDecimal("99.99"), Dimensions.NONE)
			.signed(Account.OTHER_INCOME, Segment.GENERAL, null, Dimensions.NONE)
			.draft();
		assertThat(unbalanced.lines()).hasSize(2);
		assertThat(unbalanced.totalDebits()).isEqualTo(new BigDecimal("100.00"));
		assertThat(unbalanced.totalCredits()).isEqualTo(new BigDecimal("99.99"));
		assertThat(unbalanced.balances()).isFalse();
		assertThat(unbalanced.sourceId()).isEqualTo(2);
		var mirror = EntryDraft.mirroring(unbalanced.lines(), LocalDate.of(2025, 4, 1), SourceType.RECEIPT_REVERSAL, 3,
				"Reversal");
		assertThat(mirror.totalDebits()).isEqualTo(new BigDecimal("99.99"));
		assertThat(mirror.totalCredits()).isEqualTo(new BigDecimal("100.00"));
		assertThat(mirror.accountingDate()).isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(mirror.sourceType()).isEqualTo(SourceType.RECEIPT_REVERSAL);
		assertThat(mirror.sourceId()).isEqualTo(3);
		assertThat(mirror.description()).isEqualTo("Reversal");
	}

}
