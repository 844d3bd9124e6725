package org.tafund.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tafund.books.Account;
import org.tafund.books.EntryDraft;
import org.tafund.books.Segment;
import org.tafund.books.SourceType;
import org.tafund.contributions.ContributionRules.AgreementFacts;
import org.tafund.contributions.ContributionRules.AmendmentFacts;
import org.tafund.contributions.ContributionRules.ReceiptFacts;
import org.tafund.contributions.ContributionRules.RefundFacts;
import org.tafund.contributions.ContributionRules.RevaluedReceivable;
import org.tafund.contributions.ContributionRules.SignatureFacts;
import org.tafund.shared.Money;

/**
 * The income side's posting rules as pure functions, with the figures written out: no Spring, no
 * database. Lines read "ACCOUNT SEGMENT debit credit".
 */
class ContributionRulesTests {

	static final AgreementFacts NOK = agreement(1, "NOR-2013-1", FundingWindow.CPCJF_GENERAL_PURPOSE, false, "8.292");

	static final LocalDate SIGNED = LocalDate.parse("2013-02-01");

	static final LocalDate RECEIVED = LocalDate.parse("2014-04-01");

	@Test
	void signatureRecognisesReceivableAndRevenueAtTheSignatureRate() {
		// NOK 15,000,000.00 at 8.292: 1,808,972.50 USD
		var entry = ContributionRules.signed(NOK, new SignatureFacts(SIGNED, nok("15000000.00"), new BigDecimal("8.292"),
				LocalDate.parse("2013-02-01"), Money.usd("1808972.50")))
			.orElseThrow();
		assertThat(entry.accountingDate()).isEqualTo(SIGNED);
		assertThat(entry.sourceType()).isEqualTo(SourceType.AGREEMENT_SIGNED);
		assertThat(entry.sourceId()).isEqualTo(1);
		assertThat(entry.description()).isEqualTo("Agreement NOR-2013-1 signed");
		assertThat(lines(entry)).containsExactly("RECEIVABLE GENERAL 1808972.50 0.00", "REV_GENERAL GENERAL 0.00 1808972.50");
		var receivable = entry.lines().get(0);
		assertThat(receivable.original()).isEqualTo(nok("15000000.00"));
		assertThat(receivable.rate()).isEqualByComparingTo("8.292");
		assertThat(receivable.dimensions().agreementId()).isEqualTo(1L);
		assertThat(receivable.dimensions().donorType()).isEqualTo("MEMBER_STATE");
		assertThat(receivable.dimensions().fundingWindow()).isEqualTo("CPCJF_GENERAL_PURPOSE");
		assertThat(ContributionRules.receivableChange(entry.lines())).isEqualByComparingTo("1808972.50");
	}

	@Test
	void aConditionalAgreementPostsNothingAtSignatureAmendmentOrCancellation() {
		var conditional = agreement(2, "SWE-C", FundingWindow.CPCJF_SPECIAL_PURPOSE, true, "9.5");
		assertThat(ContributionRules.signed(conditional, new SignatureFacts(SIGNED, Money.of("50000.00", "SEK"),
				new BigDecimal("9.5"), SIGNED, Money.usd("5263.16")))).isEmpty();
		assertThat(ContributionRules.amended(conditional,
				new AmendmentFacts(7, SIGNED, "More", Money.of("57000.00", "SEK"), BigDecimal.ZERO))).isEmpty();
		assertThat(ContributionRules.cancelled(conditional, SIGNED, new BigDecimal("5263.16"))).isEmpty();
	}

	@Test
	void aFullReceiptAtAnotherRateRelievesTheWholeReceivableAndBooksTheRealisedDifference() {
		// NOK 15,000,000.00 at 8.474 = 1,770,120.37 USD against 1,808,972.50 carried: a realised loss of 38,852.13
		var entry = ContributionRules.received(NOK, receipt(10, "15000000.00", "8.474", "1770120.37", "15000000.00",
				"0.00", "1808972.50"));
		assertThat(entry.description()).isEqualTo("Receipt on NOR-2013-1 (NB-2014)");
		assertThat(lines(entry)).containsExactly("CASH GENERAL 1770120.37 0.00", "RECEIVABLE GENERAL 0.00 1808972.50",
				"FX_REALISED GENERAL 38852.13 0.00");
		assertThat(entry.balances()).isTrue();
		assertThat(entry.lines().get(0).original()).isEqualTo(nok("15000000.00"));
		assertThat(entry.lines().get(0).rate()).isEqualByComparingTo("8.474");
	}

	@Test
	void aPartialReceiptLeavesTheOutstandingCarriedAtTheSignatureRate() {
		// NOK 5,000,000.00 at 8.474 = 590,040.12; NOK 10,000,000.00 stays carried at 8.292 = 1,205,981.67,
		// so 1,808,972.50 - 1,205,981.67 = 602,990.83 is relieved: a realised loss of 12,950.71
		var entry = ContributionRules.received(NOK, receipt(11, "5000000.00", "8.474", "590040.12", "15000000.00",
				"0.00", "1808972.50"));
		assertThat(lines(entry)).containsExactly("CASH GENERAL 590040.12 0.00", "RECEIVABLE GENERAL 0.00 602990.83",
				"FX_REALISED GENERAL 12950.71 0.00");
		assertThat(new BigDecimal("1808972.50").add(ContributionRules.receivableChange(entry.lines())))
			.isEqualByComparingTo("1205981.67");
	}

	@Test
	void anOverpaymentIsRevenueOfTheDayBeyondWhatSettlesTheAgreement() {
		// EUR 100,000.00 signed at 0.9 (111,111.11 USD); 80,000.00 received before, so 20,000.00 outstanding,
		// carried at 0.9: 22,222.22. EUR 30,000.00 arrive at 0.8 = 37,500.00 USD: two thirds of it, 25,000.00,
		// settle the agreement (a realised gain of 25,000.00 - 22,222.22 = 2,777.78); 12,500.00 is overpaid.
		var eur = agreement(3, "EU-2020-3", FundingWindow.CPCJF_SPECIAL_PURPOSE, false, "0.9");
		var entry = ContributionRules.received(eur, new ReceiptFacts(12, RECEIVED, Money.of("30000.00", "EUR"),
				new BigDecimal("0.8"), RECEIVED.withDayOfMonth(1), Money.usd("37500.00"), Money.of("30000.00", "EUR"),
				null, Money.of("100000.00", "EUR"), Money.of("80000.00", "EUR"), new BigDecimal("22222.22")));
		assertThat(entry.description()).isEqualTo("Receipt on EU-2020-3");
		assertThat(lines(entry)).containsExactly("CASH SPECIAL 37500.00 0.00", "RECEIVABLE SPECIAL 0.00 22222.22",
				"FX_REALISED SPECIAL 0.00 2777.78", "REV_SPECIAL SPECIAL 0.00 12500.00");
		assertThat(entry.balances()).isTrue();
	}

	@Test
	void aReceiptAtTheSignatureRateBooksNoExchangeDifference() {
		var usd = agreement(4, "USA-1", FundingWindow.DIRECT_UNODC_PROJECT, false, "1");
		var entry = ContributionRules.received(usd, new ReceiptFacts(13, RECEIVED, Money.usd("40000.00"), BigDecimal.ONE,
				RECEIVED, Money.usd("40000.00"), Money.usd("40000.00"), "FT-1", Money.usd("100000.00"),
				Money.usd("0.00"), new BigDecimal("100000.00")));
		assertThat(lines(entry)).containsExactly("CASH SPECIAL 40000.00 0.00", "RECEIVABLE SPECIAL 0.00 40000.00");
	}

	@Test
	void onAConditionalAgreementCashIsTheRevenue() {
		// SEK 50,000.00 at 9.5 = 5,263.16 USD
		var conditional = agreement(5, "SWE-C", FundingWindow.PNI_INSTITUTE, true, "9.5");
		var entry = ContributionRules.received(conditional, new ReceiptFacts(14, RECEIVED, Money.of("50000.00", "SEK"),
				new BigDecimal("9.5"), RECEIVED, Money.usd("5263.16"), Money.of("50000.00", "SEK"), null,
				Money.of("50000.00", "SEK"), Money.of("0.00", "SEK"), BigDecimal.ZERO));
		assertThat(lines(entry)).containsExactly("CASH SPECIAL 5263.16 0.00", "REV_PNI SPECIAL 0.00 5263.16");
	}

	@Test
	void anAmendmentPostsOnlyTheChangeOnItsOwnDate() {
		// NOK 15,000,000.00 lowered to 12,000,000.00, nothing received:
		// 12,000,000 / 8.292 = 1,447,178.00 against 1,808,972.50 carried, so -361,794.50
		var on = LocalDate.parse("2014-06-01");
		var entry = ContributionRules.amended(NOK, new AmendmentFacts(20, on, "Donor lowered its contribution",
				nok("12000000.00"), new BigDecimal("1808972.50")))
			.orElseThrow();
		assertThat(entry.accountingDate()).isEqualTo(on);
		assertThat(entry.sourceType()).isEqualTo(SourceType.AMENDMENT);
		assertThat(entry.description()).isEqualTo("Agreement NOR-2013-1 amended: Donor lowered its contribution");
		assertThat(lines(entry)).containsExactly("RECEIVABLE GENERAL 0.00 361794.50", "REV_GENERAL GENERAL 361794.50 0.00");
		// Raised to 16,000,000.00 after 10,000,000.00 received (602,990.83 carried for the 5,000,000.00 left):
		// 6,000,000 / 8.292 = 723,589.00, so +120,598.17.
		assertThat(lines(ContributionRules.amended(NOK,
				new AmendmentFacts(21, on, "Raised", nok("6000000.00"), new BigDecimal("602990.83")))
			.orElseThrow()))
			.containsExactly("RECEIVABLE GENERAL 120598.17 0.00", "REV_GENERAL GENERAL 0.00 120598.17");
		// A new schedule alone posts nothing.
		assertThat(ContributionRules.amended(NOK,
				new AmendmentFacts(22, on, "Schedule", nok("5000000.00"), new BigDecimal("602990.83"))))
			.isEmpty();
		// A reason as long as the column allows still makes a description the journal accepts.
		var longReason = ContributionRules.amended(NOK,
				new AmendmentFacts(23, on, "x".repeat(500), nok("1.00"), BigDecimal.ZERO)).orElseThrow();
		assertThat(longReason.description()).hasSize(EntryDraft.MAX_DESCRIPTION).endsWith("\u2026");
	}

	@Test
	void raisingAnOverpaidAgreementRecognisesNothingTwice() {
		// NOK 15,000,000.00 with 15,500,000.00 received: the 500,000.00 beyond it was revenue on the day
		// it came. Raised to 15,500,000.00, nothing remains outstanding and nothing is carried.
		assertThat(ContributionRules.amended(NOK,
				new AmendmentFacts(24, RECEIVED, "Raised to what came", nok("0.00"), new BigDecimal("0.00"))))
			.isEmpty();
	}

	@Test
	void loweringToWhatWasReceivedRelievesTheLastCent() {
		// Partial receipts relieved the receivable at the signature rate, each rounded: 0.01 was left carried.
		assertThat(lines(ContributionRules.amended(NOK,
				new AmendmentFacts(25, RECEIVED, "Lowered to what came", nok("0.00"), new BigDecimal("0.01")))
			.orElseThrow()))
			.containsExactly("RECEIVABLE GENERAL 0.00 0.01", "REV_GENERAL GENERAL 0.01 0.00");
	}

	@Test
	void aCancellationRelievesWhatIsStillCarriedOnItsOwnDate() {
		var on = LocalDate.parse("2026-11-30");
		var entry = ContributionRules.cancelled(NOK, on, new BigDecimal("50000.00")).orElseThrow();
		assertThat(entry.accountingDate()).isEqualTo(on);
		assertThat(entry.sourceType()).isEqualTo(SourceType.AGREEMENT_CANCELLED);
		assertThat(lines(entry)).containsExactly("REV_GENERAL GENERAL 50000.00 0.00", "RECEIVABLE GENERAL 0.00 50000.00");
		assertThat(ContributionRules.cancelled(NOK, on, new BigDecimal("0.00"))).isEmpty();
	}

	@Test
	void aReversalMirrorsTheReceiptsEntryOnTheDayItIsRecorded() {
		var receipt = ContributionRules.received(NOK, receipt(10, "15000000.00", "8.474", "1770120.37", "15000000.00",
				"0.00", "1808972.50"));
		var on = LocalDate.parse("2014-05-02");
		var reversal = ContributionRules.reversed(NOK, 15, on, "Booked against the wrong agreement", receipt.lines());
		assertThat(reversal.accountingDate()).isEqualTo(on);
		assertThat(reversal.sourceType()).isEqualTo(SourceType.RECEIPT_REVERSAL);
		assertThat(reversal.sourceId()).isEqualTo(15);
		assertThat(reversal.description()).isEqualTo("Reversal of a receipt on NOR-2013-1: Booked against the wrong agreement");
		assertThat(lines(reversal)).containsExactly("CASH GENERAL 0.00 1770120.37", "RECEIVABLE GENERAL 1808972.50 0.00",
				"FX_REALISED GENERAL 0.00 38852.13");
		assertThat(reversal.lines().get(0).original()).isEqualTo(nok("15000000.00"));
	}

	@Test
	void aReversalAsPostedIsTheMirrorWhenItRestoresWhatTheReceiptRelieved() {
		// NOK 5,000,000.00 relieved 602,990.83 of 1,808,972.50; undone, 15,000,000.00 is outstanding again:
		// 1,205,981.67 + 602,990.83 = 1,808,972.50 = 15,000,000 / 8.292. Nothing more to post.
		var receipt = ContributionRules.received(NOK, receipt(11, "5000000.00", "8.474", "590040.12", "15000000.00",
				"0.00", "1808972.50"));
		var on = LocalDate.parse("2014-05-02");
		var reversal = ContributionRules.reversed(NOK, 17, on, "Returned by the bank", receipt.lines(),
				nok("15000000.00"), new BigDecimal("1205981.67"));
		assertThat(lines(reversal)).containsExactly("CASH GENERAL 0.00 590040.12", "RECEIVABLE GENERAL 602990.83 0.00",
				"FX_REALISED GENERAL 0.00 12950.71");
		assertThat(reversal.sourceId()).isEqualTo(17);
		assertThat(reversal.accountingDate()).isEqualTo(on);
		// On a conditional agreement the mirror is all there is, whatever is outstanding.
		var conditional = agreement(5, "SWE-C", FundingWindow.PNI_INSTITUTE, true, "9.5");
		var cash = ContributionRules.received(conditional, new ReceiptFacts(14, RECEIVED, Money.of("50000.00", "SEK"),
				new BigDecimal("9.5"), RECEIVED, Money.usd("5263.16"), Money.of("50000.00", "SEK"), null,
				Money.of("50000.00", "SEK"), Money.of("0.00", "SEK"), BigDecimal.ZERO));
		assertThat(lines(ContributionRules.reversed(conditional, 18, on, "Bounced", cash.lines(),
				Money.of("50000.00", "SEK"), BigDecimal.ZERO)))
			.containsExactly("CASH SPECIAL 0.00 5263.16", "REV_PNI SPECIAL 5263.16 0.00");
	}

	@Test
	void aReversalAsPostedBringsTheReceivableToWhatIsOutstandingOnceTheReceiptIsUndone() {
		// NOK 5,000,000.00 came first (relieving 602,990.83), then 11,000,000.00 settled the 10,000,000.00 left
		// (relieving the 1,205,981.67 carried) and overpaid 1,000,000.00: nothing is carried. Undoing the first
		// leaves 15,000,000 - 11,000,000 = 4,000,000.00 outstanding, 4,000,000 / 8.292 = 482,392.67 at the signature
		// rate; the mirror alone would carry 602,990.83, so 120,598.16 more is relieved against revenue.
		var first = ContributionRules.received(NOK, receipt(11, "5000000.00", "8.474", "590040.12", "15000000.00",
				"0.00", "1808972.50"));
		var on = LocalDate.parse("2014-06-02");
		var reversal = ContributionRules.reversed(NOK, 16, on, "Returned by the bank", first.lines(),
				nok("4000000.00"), new BigDecimal("0.00"));
		assertThat(reversal.accountingDate()).isEqualTo(on);
		assertThat(reversal.sourceType()).isEqualTo(SourceType.RECEIPT_REVERSAL);
		assertThat(reversal.sourceId()).isEqualTo(16);
		assertThat(reversal.description()).isEqualTo("Reversal of a receipt on NOR-2013-1: Returned by the bank");
		assertThat(lines(reversal)).containsExactly("CASH GENERAL 0.00 590040.12", "RECEIVABLE GENERAL 602990.83 0.00",
				"FX_REALISED GENERAL 0.00 12950.71", "RECEIVABLE GENERAL 0.00 120598.16",
				"REV_GENERAL GENERAL 120598.16 0.00");
		assertThat(reversal.balances()).isTrue();
		assertThat(reversal.lines().get(0).original()).isEqualTo(nok("5000000.00"));
		assertThat(ContributionRules.receivableChange(reversal.lines())).isEqualByComparingTo("482392.67");
		// Undoing a receipt that leaves nothing outstanding brings the receivable to zero: 50.00 still carried goes.
		var settled = ContributionRules.reversed(NOK, 19, on, "Duplicate", List.of(), nok("0.00"),
				new BigDecimal("50.00"));
		assertThat(lines(settled)).containsExactly("RECEIVABLE GENERAL 0.00 50.00", "REV_GENERAL GENERAL 50.00 0.00");
	}

	@Test
	void aRefundReducesRevenueAgainstCashAtTheRateOfItsDate() {
		// EUR 10,000.00 at 0.92 = 10,869.57 USD
		var eur = agreement(3, "EU-2020-3", FundingWindow.CPCJF_SPECIAL_PURPOSE, false, "0.9");
		var on = LocalDate.parse("2021-03-15");
		var entry = ContributionRules.refunded(eur, new RefundFacts(30, on, Money.of("10000.00", "EUR"),
				new BigDecimal("0.92"), on.withDayOfMonth(1), Money.usd("10869.57"), "Unspent balance"));
		assertThat(entry.sourceType()).isEqualTo(SourceType.REFUND);
		assertThat(entry.description()).isEqualTo("Refund on EU-2020-3: Unspent balance");
		assertThat(lines(entry)).containsExactly("REFUNDS SPECIAL 10869.57 0.00", "CASH SPECIAL 0.00 10869.57");
		assertThat(entry.lines().get(1).original()).isEqualTo(Money.of("10000.00", "EUR"));
	}

	@Test
	void aRevaluationRunBooksWhatEachLineBooksAndNothingWhenAllAreZero() {
		// NOK 15,000,000.00 at 8.000 = 1,875,000.00 against 1,808,972.50 carried: 66,027.50 of unrealised gain
		var end = LocalDate.parse("2013-12-31");
		var eur = agreement(3, "EU-2020-3", FundingWindow.CPCJF_SPECIAL_PURPOSE, false, "0.9");
		var entry = ContributionRules.revalued(40, end, List.of(new RevaluedReceivable(NOK, new BigDecimal("66027.50")),
				new RevaluedReceivable(eur, new BigDecimal("-1000.00")), new RevaluedReceivable(eur, BigDecimal.ZERO)))
			.orElseThrow();
		assertThat(entry.accountingDate()).isEqualTo(end);
		assertThat(entry.sourceType()).isEqualTo(SourceType.REVALUATION_RUN);
		assertThat(entry.description()).isEqualTo("Revaluation of receivables at 2013-12-31");
		assertThat(lines(entry)).containsExactly("RECEIVABLE_FX GENERAL 66027.50 0.00",
				"FX_UNREALISED GENERAL 0.00 66027.50", "RECEIVABLE_FX SPECIAL 0.00 1000.00",
				"FX_UNREALISED SPECIAL 1000.00 0.00");
		assertThat(ContributionRules.receivableChange(entry.lines())).isZero();
		assertThat(ContributionRules.revalued(41, end, List.of(new RevaluedReceivable(NOK, new BigDecimal("0.00")))))
			.isEmpty();
	}

	@Test
	void anAdjustmentOfALaterEventBooksEachAccountsDifferenceOnItsDateAndNothingWhenNoneMoves() {
		// A receipt dated in March, recorded after a June receipt, left 25,000.00 less to settle in June:
		// the June receipt relieved that much too much, and took too little as an overpayment.
		var june = LocalDate.parse("2025-06-10");
		var eur = agreement(3, "EU-2020-3", FundingWindow.CPCJF_SPECIAL_PURPOSE, false, "0.9");
		var differences = new java.util.EnumMap<Account, BigDecimal>(Account.class);
		differences.put(Account.FX_REALISED, new BigDecimal("3571.43"));
		differences.put(Account.RECEIVABLE, new BigDecimal("25000.00"));
		differences.put(Account.REV_SPECIAL, new BigDecimal("-28571.43"));
		differences.put(Account.CASH, new BigDecimal("0.00"));
		var entry = ContributionRules.positionAdjusted(eur, 11, june, "RECEIPT#40", "RECEIPT 41", differences)
			.orElseThrow();
		assertThat(entry.accountingDate()).isEqualTo(june);
		assertThat(entry.sourceType()).isEqualTo(SourceType.POSITION_ADJUSTMENT);
		assertThat(entry.sourceId()).isEqualTo(11);
		assertThat(entry.description()).isEqualTo("Receipt 40 on EU-2020-3 adjusted for receipt 41, dated before it");
		assertThat(ContributionRules.inWords("RECEIPT_REVERSAL#18")).isEqualTo("receipt reversal 18");
		assertThat(lines(entry)).containsExactly("RECEIVABLE SPECIAL 25000.00 0.00", "REV_SPECIAL SPECIAL 0.00 28571.43",
				"FX_REALISED SPECIAL 3571.43 0.00");
		assertThat(ContributionRules.netByAccount(entry.lines())).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
				Account.RECEIVABLE, new BigDecimal("25000.00"), Account.REV_SPECIAL, new BigDecimal("-28571.43"),
				Account.FX_REALISED, new BigDecimal("3571.43")));
		assertThat(ContributionRules.positionAdjusted(eur, 12, june, "RECEIPT#40", "RECEIPT 41",
				java.util.Map.of(Account.RECEIVABLE, new BigDecimal("0.00"))))
			.isEmpty();
	}

	@Test
	void aRevaluationAdjustmentBooksItsDifferenceAtTheRunsPeriodEndAndNothingWhenZero() {
		// A receipt dated before the 2013 run, recorded later, leaves 5,000.00 less to revalue there:
		// the loss booked by the run shrinks by that much (a debit of the receivable's revaluation).
		var end = LocalDate.parse("2013-12-31");
		var eur = agreement(3, "EU-2020-3", FundingWindow.CPCJF_SPECIAL_PURPOSE, false, "0.9");
		var entry = ContributionRules
			.revaluationAdjusted(7, end, "RECEIPT 12", new RevaluedReceivable(eur, new BigDecimal("5000.00")))
			.orElseThrow();
		assertThat(entry.accountingDate()).isEqualTo(end);
		assertThat(entry.sourceType()).isEqualTo(SourceType.REVALUATION_ADJUSTMENT);
		assertThat(entry.sourceId()).isEqualTo(7);
		assertThat(entry.description()).isEqualTo("Revaluation at 2013-12-31 of EU-2020-3 adjusted for receipt 12");
		assertThat(lines(entry)).containsExactly("RECEIVABLE_FX SPECIAL 5000.00 0.00",
				"FX_UNREALISED SPECIAL 0.00 5000.00");
		// A gain taken back is the mirror.
		assertThat(lines(ContributionRules
			.revaluationAdjusted(8, end, "AMENDMENT 3", new RevaluedReceivable(NOK, new BigDecimal("-12.34")))
			.orElseThrow())).containsExactly("RECEIVABLE_FX GENERAL 0.00 12.34", "FX_UNREALISED GENERAL 12.34 0.00");
		assertThat(ContributionRules.revaluationAdjusted(9, end, "RECEIPT 13",
				new RevaluedReceivable(eur, new BigDecimal("0.00"))))
			.isEmpty();
	}

	@Test
	void theSegmentRevenueAccountAndEarmarkFollowTheFundingWindow() {
		assertThat(NOK.segment()).isEqualTo(Segment.GENERAL);
		assertThat(NOK.revenue()).isEqualTo(Account.REV_GENERAL);
		var earmarked = new AgreementFacts(6, "SP-6", 9, "FOUNDATION", FundingWindow.CPCJF_SPECIAL_PURPOSE,
				EarmarkKind.THEME, "EXTRADITION", false, BigDecimal.ONE);
		assertThat(earmarked.segment()).isEqualTo(Segment.SPECIAL);
		assertThat(earmarked.revenue()).isEqualTo(Account.REV_SPECIAL);
		assertThat(earmarked.dimensions().earmark()).isEqualTo("THEME:EXTRADITION");
		assertThat(agreement(7, "D", FundingWindow.DIRECT_UNODC_PROJECT, false, "1").revenue()).isEqualTo(Account.REV_DIRECT);
		assertThat(agreement(7, "D", FundingWindow.DIRECT_UNODC_PROJECT, false, "1").segment()).isEqualTo(Segment.SPECIAL);
	}

	@Test
	void anInKindAgreementPostsNothingUntilADeliveryWhichIsRevenueAndAnEqualExpense() {
		var inKind = new AgreementFacts(8, "IK-8", 100, "MEMBER_STATE", FundingWindow.CPCJF_SPECIAL_PURPOSE, null, null,
				false, new BigDecimal("300"), true);
		assertThat(inKind.revenue()).isEqualTo(Account.REV_IN_KIND);
		assertThat(ContributionRules.signed(inKind, new SignatureFacts(SIGNED, Money.of("6000000.00", "HUF"),
				new BigDecimal("300"), SIGNED, Money.usd("20000.00")))).isEmpty();
		assertThat(ContributionRules.amended(inKind,
				new AmendmentFacts(9, SIGNED, "More", Money.of("1000.00", "HUF"), BigDecimal.ZERO))).isEmpty();
		assertThat(ContributionRules.cancelled(inKind, SIGNED, new BigDecimal("5.00"))).isEmpty();
		// HUF 3,000,000.00 delivered at 300: 10,000.00 USD of in-kind revenue and expense, no cash.
		var entry = ContributionRules.received(inKind, new ReceiptFacts(15, RECEIVED, Money.of("3000000.00", "HUF"),
				new BigDecimal("300"), RECEIVED, Money.usd("10000.00"), Money.of("3000000.00", "HUF"), "Mission 1",
				Money.of("6000000.00", "HUF"), Money.of("0.00", "HUF"), BigDecimal.ZERO));
		assertThat(entry.sourceType()).isEqualTo(SourceType.IN_KIND_DELIVERY);
		assertThat(entry.description()).isEqualTo("In-kind delivery on IK-8 (Mission 1)");
		assertThat(lines(entry)).containsExactly("IN_KIND_EXPENSE SPECIAL 10000.00 0.00", "REV_IN_KIND SPECIAL 0.00 10000.00");
		assertThat(entry.lines().get(0).original()).isEqualTo(Money.of("3000000.00", "HUF"));
	}

	@Test
	void anUnconditionalAgreementFundsItsRecognisedValueLessWhatIsRefundedBeyondAnOverpayment() {
		var recognised = Money.usd("1808972.50");
		var rate = new BigDecimal("8.292");
		// NOK 500,000.00 overpaid: a refund up to that returns cash that was never part of the recognised value.
		assertThat(ContributionRules.fundingFromRecognition(recognised, rate, nok("15000000.00"), nok("15500000.00"),
				nok("400000.00"))).isEqualTo(recognised);
		// NOK 800,000.00 refunded: NOK 300,000.00 beyond the overpayment, at 8.292 = 36,179.45 USD less.
		assertThat(ContributionRules.fundingFromRecognition(recognised, rate, nok("15000000.00"), nok("15500000.00"),
				nok("800000.00"))).isEqualTo(Money.usd("1772793.05"));
		// Nothing overpaid: every refund counts.
		assertThat(ContributionRules.fundingFromRecognition(recognised, rate, nok("15000000.00"), nok("5000000.00"),
				nok("300000.00"))).isEqualTo(Money.usd("1772793.05"));
	}

	@Test
	void aConditionalAgreementFundsTheCashItBroughtLessEveryRefund() {
		assertThat(ContributionRules.fundingFromCash(new BigDecimal("5263.16"), new BigDecimal("1000.00")))
			.isEqualTo(Money.usd("4263.16"));
		assertThat(ContributionRules.fundingFromCash(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualTo(Money.usd("0.00"));
	}

	static AgreementFacts agreement(long id, String reference, FundingWindow window, boolean conditional, String rate) {
		return new AgreementFacts(id, reference, 100, "MEMBER_STATE", window, null, null, conditional, new BigDecimal(rate));
	}

	static ReceiptFacts receipt(long id, String nok, String rate, String usd, String total, String receivedBefore,
			String carried) {
		return new ReceiptFacts(id, RECEIVED, nok(nok), new BigDecimal(rate), RECEIVED.withDayOfMonth(1), Money.usd(usd),
				nok(nok), "NB-2014", nok(total), nok(receivedBefore), new BigDecimal(carried));
	}

	static Money nok(String amount) {
		return Money.of(amount, "NOK");
	}

	static List<String> lines(EntryDraft entry) {
		return entry.lines()
			.stream()
			.map(l -> l.account() + " " + l.segment() + " " + l.debitUsd() + " " + l.creditUsd())
			.toList();
	}

}
