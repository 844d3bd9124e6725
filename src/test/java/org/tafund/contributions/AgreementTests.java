package org.tafund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.tafund.fx.AppliedRate;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;

/**
 * The agreement's own rules, on the aggregate alone: no Spring, no database. The schedule is
 * NOK 6,000,000.00 due 2026-03-01 and NOK 9,000,000.00 due 2026-09-01, NOK 15,000,000.00 in all.
 */
class AgreementTests {

	static final LocalDate MARCH = LocalDate.parse("2026-03-01");

	static final LocalDate SEPTEMBER = LocalDate.parse("2026-09-01");

	static final AppliedRate SIGNATURE_RATE = new AppliedRate("NOK", LocalDate.parse("2026-01-30"),
			new BigDecimal("10.5"));

	// Refusals of the terms ---------------------------------------------------------------------

	@Test
	void refusesATotalOfZeroOrBelow() {
		assertRefused(() -> agreement(new Terms().amount("0.00")), "agreement.amount.positive");
		assertRefused(() -> agreement(new Terms().amount("-1.00")), "agreement.amount.positive");
		assertRefused(() -> agreement(new Terms().amount("15000000.001")), "money.tooManyDecimals");
	}

	@Test
	void requiresTheInstituteOfAProgrammeNetworkWindowAndKeepsItForThatWindowOnly() {
		var pni = new Terms();
		pni.window = FundingWindow.PNI_INSTITUTE;
		assertRefused(() -> agreement(pni), "agreement.pni.required");
		pni.pniInstitute = "  ";
		assertRefused(() -> agreement(pni), "agreement.pni.required");
		pni.pniInstitute = " ISPAC ";
		assertThat(agreement(pni).getPniInstitute()).isEqualTo("ISPAC");
		var special = new Terms();
		special.pniInstitute = "ISPAC";
		assertThat(agreement(special).getPniInstitute()).isNull();
	}

	// The probe stored instalments due in 9999.
	@Test
	void refusesPeriodsAndInstalmentsOutsideNineteenNinetyToTwentyOneHundred() {
		var early = new Terms();
		early.periodStart = LocalDate.parse("1989-12-31");
		assertRefused(() -> agreement(early), "date.tooEarly");
		var late = new Terms();
		late.periodEnd = LocalDate.parse("2101-01-01");
		assertRefused(() -> agreement(late), "date.tooLate");
		var due = new Terms();
		due.periodEnd = null;
		due.schedule = List.of(line(LocalDate.parse("2101-01-01"), "15000000.00"));
		assertRefused(() -> agreement(due), "date.tooLate");
	}

	@Test
	void takesEarmarkingLevelsOneToFourOnly() {
		assertRefused(() -> agreement(new Terms().earmark(0, null, null)), "agreement.earmark.level");
		assertRefused(() -> agreement(new Terms().earmark(5, EarmarkKind.PROJECT, "CPCJF-1")), "agreement.earmark.level");
		var four = agreement(new Terms().earmark(4, EarmarkKind.PROJECT, " cpcjf-2026-1 "));
		assertThat(four.getEarmarkLevel()).isEqualTo(4);
		assertThat(four.getEarmarkKind()).isEqualTo(EarmarkKind.PROJECT);
		assertThat(four.getEarmarkTarget()).isEqualTo("CPCJF-2026-1");
	}

	@Test
	void requiresAKindAndTargetAboveLevelOneAndDropsThemAtLevelOne() {
		assertRefused(() -> agreement(new Terms().earmark(2, null, "MLA")), "agreement.earmark.target");
		assertRefused(() -> agreement(new Terms().earmark(2, EarmarkKind.COUNTRY, " ")), "agreement.earmark.target");
		assertRefused(() -> agreement(new Terms().earmark(3, EarmarkKind.COUNTRY, null)), "agreement.earmark.target");
		var unearmarked = agreement(new Terms().earmark(1, EarmarkKind.THEME, "MLA"));
		assertThat(unearmarked.getEarmarkLevel()).isEqualTo(1);
		assertThat(unearmarked.getEarmarkKind()).isNull();
		assertThat(unearmarked.getEarmarkTarget()).isNull();
	}

	@Test
	void takesOnlyTheThemesOfParagraphEight() {
		assertThat(agreement(new Terms().earmark(2, EarmarkKind.THEME, " mla ")).getEarmarkTarget()).isEqualTo("MLA");
		assertThat(agreement(new Terms().earmark(2, EarmarkKind.THEME, "other")).getEarmarkTarget()).isEqualTo("OTHER");
		assertRefused(() -> agreement(new Terms().earmark(2, EarmarkKind.THEME, "corruption")), "agreement.earmark.theme",
				"CORRUPTION");
		// Any other kind takes its target as written (the service checks that the country or region exists).
		assertThat(agreement(new Terms().earmark(3, EarmarkKind.COUNTRY, "nga")).getEarmarkTarget()).isEqualTo("NGA");
	}

	@Test
	void chargesThirteenPercentPscUnlessAnotherRateIsApproved() {
		var standard = agreement(new Terms());
		assertThat(standard.getPscRate()).isEqualByComparingTo("0.13");
		assertThat(standard.getPscApprovalReference()).isNull();
		// 13% written with more zeros is still the standard rate: no approval needed.
		assertThat(agreement(new Terms().psc("0.1300", null)).getPscRate()).isEqualByComparingTo("0.13");
		assertThat(agreement(new Terms().psc("0.13", " ")).getPscApprovalReference()).isNull();
		assertThat(agreement(new Terms().psc("0.13", " PB-2026-4 ")).getPscApprovalReference()).isEqualTo("PB-2026-4");
		assertRefused(() -> agreement(new Terms().psc("0.07", null)), "agreement.psc.approval");
		assertRefused(() -> agreement(new Terms().psc("0.07", "  ")), "agreement.psc.approval");
		var reduced = agreement(new Terms().psc("0.07", "PB-2026-5"));
		assertThat(reduced.getPscRate()).isEqualByComparingTo("0.07");
		assertThat(reduced.getPscApprovalReference()).isEqualTo("PB-2026-5");
	}

	@Test
	void takesPscRatesFromZeroToBelowOneWithFourDecimalsAtMost() {
		assertThat(agreement(new Terms().psc("0", "PB-0")).getPscRate()).isEqualByComparingTo("0");
		assertThat(agreement(new Terms().psc("0.9999", "PB-9")).getPscRate()).isEqualByComparingTo("0.9999");
		assertRefused(() -> agreement(new Terms().psc("-0.01", "PB-1")), "agreement.psc.range");
		assertRefused(() -> agreement(new Terms().psc("1", "PB-1")), "agreement.psc.range");
		assertRefused(() -> agreement(new Terms().psc("0.12345", "PB-1")), "agreement.psc.range");
	}

	@Test
	void refusesAConditionalContributionInKind() {
		var terms = new Terms();
		terms.inKind = true;
		terms.conditional = true;
		assertRefused(() -> agreement(terms), "agreement.inKind.conditional");
	}

	@Test
	void refusesAPeriodThatEndsBeforeItStarts() {
		var backwards = new Terms();
		backwards.periodStart = LocalDate.parse("2027-12-31");
		backwards.periodEnd = LocalDate.parse("2026-01-01");
		assertRefused(() -> agreement(backwards), "agreement.period.order");
		var oneDay = new Terms();
		oneDay.periodStart = MARCH;
		oneDay.periodEnd = MARCH;
		oneDay.schedule = List.of(line(MARCH, "15000000.00"));
		var agreement = agreement(oneDay);
		assertThat(agreement.getPeriodStart()).isEqualTo(MARCH);
		assertThat(agreement.getPeriodEnd()).isEqualTo(MARCH);
	}

	@Test
	void requiresACompleteScheduleOfPositiveAmounts() {
		assertRefused(() -> agreement(new Terms().schedule((List<ScheduleLine>) null)), "agreement.schedule.required");
		assertRefused(() -> agreement(new Terms().schedule(List.of())), "agreement.schedule.required");
		assertRefused(() -> agreement(new Terms().schedule(Arrays.asList(line(MARCH, "15000000.00"), null))),
				"agreement.schedule.incomplete");
		assertRefused(() -> agreement(new Terms().schedule(line(null, "15000000.00"))), "agreement.schedule.incomplete");
		assertRefused(() -> agreement(new Terms().schedule(new ScheduleLine(MARCH, null))),
				"agreement.schedule.incomplete");
		assertRefused(() -> agreement(new Terms().schedule(line(MARCH, "15000000.00"), line(SEPTEMBER, "0.00"))),
				"agreement.schedule.positive");
		assertRefused(() -> agreement(new Terms().schedule(line(MARCH, "15000001.00"), line(SEPTEMBER, "-1.00"))),
				"agreement.schedule.positive");
		assertRefused(() -> agreement(new Terms().schedule(line(MARCH, "14999999.995"), line(SEPTEMBER, "0.005"))),
				"money.tooManyDecimals");
	}

	@Test
	void requiresTheScheduleToAddUpToTheTotalExactly() {
		assertRefused(() -> agreement(new Terms().schedule(line(MARCH, "6000000.00"), line(SEPTEMBER, "8999999.99"))),
				"agreement.schedule.sum", "14999999.99 NOK", "15000000.00 NOK");
		assertRefused(() -> agreement(new Terms().schedule(line(MARCH, "6000000.00"), line(SEPTEMBER, "9000000.01"))),
				"agreement.schedule.sum", "15000000.01 NOK", "15000000.00 NOK");
	}

	@Test
	void keepsEveryInstalmentWithinThePeriodItsFirstAndLastDayIncluded() {
		var terms = new Terms();
		terms.periodStart = MARCH;
		terms.periodEnd = SEPTEMBER;
		assertThat(agreement(terms).currentSchedule()).extracting(Instalment::getDueOn).containsExactly(MARCH, SEPTEMBER);
		assertRefused(() -> agreement(terms.schedule(line(MARCH.minusDays(1), "6000000.00"), line(SEPTEMBER, "9000000.00"))),
				"agreement.schedule.outsidePeriod", LocalDate.parse("2026-02-28"));
		assertRefused(() -> agreement(terms.schedule(line(MARCH, "6000000.00"), line(SEPTEMBER.plusDays(1), "9000000.00"))),
				"agreement.schedule.outsidePeriod", LocalDate.parse("2026-09-02"));
		// Without a period, any date goes.
		var open = new Terms();
		open.periodStart = null;
		open.periodEnd = null;
		assertThat(agreement(open.schedule(line(LocalDate.parse("1999-01-01"), "15000000.00"))).currentSchedule())
			.hasSize(1);
	}

	// What a new agreement keeps ----------------------------------------------------------------

	@Test
	void keepsItsTermsAsEnteredWithTheScheduleInDateOrder() {
		var terms = new Terms();
		terms.reportDueDates = Arrays.asList(LocalDate.parse("2027-03-31"), null, LocalDate.parse("2026-12-31"));
		var agreement = agreement(terms);
		assertThat(agreement.getReference()).isEqualTo("NOR-2026-1");
		assertThat(agreement.getDonorId()).isEqualTo(100L);
		assertThat(agreement.getCurrency()).isEqualTo("NOK");
		assertThat(agreement.total()).isEqualTo(Money.of("15000000.00", "NOK"));
		assertThat(agreement.getFundingWindow()).isEqualTo(FundingWindow.CPCJF_SPECIAL_PURPOSE);
		assertThat(agreement.isConditional()).isFalse();
		assertThat(agreement.isInKind()).isFalse();
		assertThat(agreement.getPeriodStart()).isEqualTo(LocalDate.parse("2026-01-01"));
		assertThat(agreement.getPeriodEnd()).isEqualTo(LocalDate.parse("2027-12-31"));
		assertThat(agreement.getReportDueDates()).containsExactly(LocalDate.parse("2026-12-31"),
				LocalDate.parse("2027-03-31"));
		// Entered September first: kept in the order they fall due.
		assertThat(agreement.currentSchedule()).extracting(Instalment::getDueOn).containsExactly(MARCH, SEPTEMBER);
		assertThat(agreement.currentSchedule()).extracting(Instalment::getAmount)
			.containsExactly(new BigDecimal("6000000.00"), new BigDecimal("9000000.00"));
		assertThat(agreement.currentSchedule()).extracting(Instalment::getScheduleNumber).containsExactly(1, 1);
		assertThat(agreement.earlierSchedules()).isEmpty();
		assertThat(agreement.getSignedOn()).isNull();
		assertThat(agreement.recognisedUsd()).isNull();
		assertThat(agreement.getCancelledOn()).isNull();
		assertThat(agreement.getClosedOn()).isNull();
		var conditional = new Terms();
		conditional.conditional = true;
		assertThat(agreement(conditional).isConditional()).isTrue();
		var inKind = new Terms();
		inKind.inKind = true;
		assertThat(agreement(inKind).isInKind()).isTrue();
	}

	@Test
	void carriesAReceivableOnlyWhenNeitherConditionalNorInKind() {
		assertThat(agreement(new Terms()).carriesReceivable()).isTrue();
		var conditional = new Terms();
		conditional.conditional = true;
		assertThat(agreement(conditional).carriesReceivable()).isFalse();
		var inKind = new Terms();
		inKind.inKind = true;
		assertThat(agreement(inKind).carriesReceivable()).isFalse();
	}

	// Signature, amendment, cancellation, closing -------------------------------------------------

	@Test
	void recognisesItsUsdValueAtTheRateOfTheSignature() {
		// NOK 15,000,000.00 at 10.5 NOK per USD = 1,428,571.43 USD
		var agreement = signed(new Terms());
		assertThat(agreement.getSignedOn()).isEqualTo(LocalDate.parse("2026-02-01"));
		assertThat(agreement.getRecognitionRate()).isEqualByComparingTo("10.5");
		assertThat(agreement.getRecognitionRateDate()).isEqualTo(LocalDate.parse("2026-01-30"));
		assertThat(agreement.recognisedUsd()).isEqualTo(Money.usd("1428571.43"));
		assertRefused(() -> agreement.sign(LocalDate.parse("2026-02-02"), SIGNATURE_RATE), "agreement.alreadySigned",
				"NOR-2026-1");
	}

	@Test
	void anAmendmentStartsANewScheduleAndKeepsTheEarlierOne() {
		// Lowered to NOK 12,000,000.00 with 6,000,000.00 received: 12,000,000 / 10.5 = 1,142,857.14 USD recognised.
		var agreement = signed(new Terms());
		assertThat(agreement.amended()).isFalse();
		var amendment = agreement.amend(LocalDate.parse("2026-05-01"), " Donor's budget cut ",
				new BigDecimal("12000000.00"),
				List.of(line(LocalDate.parse("2027-03-01"), "6000000.00"), line(MARCH, "6000000.00")),
				nok("6000000.00"));
		var recorded = amendment.line("NOK");
		assertThat(recorded.amendedOn()).isEqualTo(LocalDate.parse("2026-05-01"));
		assertThat(recorded.reason()).isEqualTo("Donor's budget cut");
		assertThat(recorded.previousTotal()).isEqualTo(new BigDecimal("15000000.00"));
		assertThat(recorded.newTotal()).isEqualTo(new BigDecimal("12000000.00"));
		assertThat(recorded.scheduleNumber()).isEqualTo(2);
		assertThat(agreement.amended()).isTrue();
		// Its total on a day: the original one before the amendment's date, the amended one from it.
		assertThat(agreement.totalOn(List.of(amendment), LocalDate.parse("2026-04-30"))).isEqualTo(nok("15000000.00"));
		assertThat(agreement.totalOn(List.of(amendment), LocalDate.parse("2026-05-01"))).isEqualTo(nok("12000000.00"));
		assertThat(agreement.totalOn(List.of(), LocalDate.parse("2026-04-30"))).isEqualTo(nok("12000000.00"));
		assertThat(agreement.total()).isEqualTo(nok("12000000.00"));
		assertThat(agreement.recognisedUsd()).isEqualTo(Money.usd("1142857.14"));
		assertThat(agreement.currentSchedule()).extracting(Instalment::getDueOn)
			.containsExactly(MARCH, LocalDate.parse("2027-03-01"));
		assertThat(agreement.currentSchedule()).extracting(Instalment::getScheduleNumber).containsExactly(2, 2);
		assertThat(agreement.earlierSchedules()).extracting(Instalment::getDueOn).containsExactly(MARCH, SEPTEMBER);
		assertThat(agreement.earlierSchedules()).extracting(Instalment::getScheduleNumber).containsExactly(1, 1);
		// A third schedule: the two earlier ones are listed schedule by schedule.
		agreement.amend(LocalDate.parse("2026-06-01"), "Raised", new BigDecimal("13000000.00"),
				List.of(line(LocalDate.parse("2026-02-01"), "13000000.00")), nok("6000000.00"));
		assertThat(agreement.earlierSchedules()).extracting(Instalment::getScheduleNumber).containsExactly(1, 1, 2, 2);
		assertThat(agreement.earlierSchedules()).extracting(Instalment::getDueOn)
			.containsExactly(MARCH, SEPTEMBER, MARCH, LocalDate.parse("2027-03-01"));
		assertThat(agreement.currentSchedule()).extracting(Instalment::getScheduleNumber).containsExactly(3);
	}

	@Test
	void anAmendmentMayLowerTheTotalToWhatWasReceivedButNotBelow() {
		var agreement = signed(new Terms());
		assertRefused(() -> agreement.amend(MARCH, "Cut", new BigDecimal("12000000.00"),
				List.of(line(MARCH, "12000000.00")), nok("12000000.01")), "agreement.amend.belowReceived",
				"12000000.01 NOK");
		agreement.amend(MARCH, "Cut to what came", new BigDecimal("12000000.00"), List.of(line(MARCH, "12000000.00")),
				nok("12000000.00"));
		assertThat(agreement.total()).isEqualTo(nok("12000000.00"));
	}

	@Test
	void refusesAnAmendmentOfADraftWithoutAReasonOrToNothing() {
		var draft = agreement(new Terms());
		assertRefused(() -> draft.amend(MARCH, "More", new BigDecimal("1.00"), List.of(line(MARCH, "1.00")),
				nok("0.00")), "agreement.amend.draft");
		var agreement = signed(new Terms());
		assertRefused(() -> agreement.amend(MARCH, null, new BigDecimal("1.00"), List.of(line(MARCH, "1.00")),
				nok("0.00")), "agreement.amend.reason");
		assertRefused(() -> agreement.amend(MARCH, " ", new BigDecimal("1.00"), List.of(line(MARCH, "1.00")),
				nok("0.00")), "agreement.amend.reason");
		assertRefused(() -> agreement.amend(MARCH, "Nothing", new BigDecimal("0.00"), List.of(line(MARCH, "1.00")),
				nok("0.00")), "agreement.amount.positive");
		assertRefused(() -> agreement.amend(MARCH, "Wrong sum", new BigDecimal("2.00"), List.of(line(MARCH, "1.00")),
				nok("0.00")), "agreement.schedule.sum", "1.00 NOK", "2.00 NOK");
		// Nothing of a refused amendment stays.
		assertThat(agreement.total()).isEqualTo(nok("15000000.00"));
		assertThat(agreement.currentSchedule()).extracting(Instalment::getScheduleNumber).containsExactly(1, 1);
	}

	@Test
	void aCancelledAgreementTakesNoMoneyAndNoChange() {
		var agreement = signed(new Terms());
		agreement.requireAcceptsMoney();
		agreement.cancel(LocalDate.parse("2026-04-01"));
		assertThat(agreement.getCancelledOn()).isEqualTo(LocalDate.parse("2026-04-01"));
		assertRefused(agreement::requireAcceptsMoney, "agreement.cancelled", "NOR-2026-1");
		assertRefused(() -> agreement.cancel(LocalDate.parse("2026-04-02")), "agreement.cancelled");
		assertRefused(() -> agreement.close(LocalDate.parse("2026-04-02"), nok("0.00")), "agreement.cancelled");
		assertRefused(() -> agreement.amend(MARCH, "More", new BigDecimal("1.00"), List.of(line(MARCH, "1.00")),
				nok("0.00")), "agreement.cancelled");
	}

	@Test
	void aDraftTakesNoMoney() {
		assertRefused(() -> agreement(new Terms()).requireAcceptsMoney(), "agreement.notSigned", "NOR-2026-1");
	}

	@Test
	void closesOnlyOnceWhatIsOwedInCashHasBeenReceived() {
		var agreement = signed(new Terms());
		assertRefused(() -> agreement.close(LocalDate.parse("2026-10-01"), nok("14999999.99")),
				"agreement.close.outstanding", "NOR-2026-1", "0.01 NOK");
		agreement.close(LocalDate.parse("2026-10-01"), nok("15000000.00"));
		assertThat(agreement.getClosedOn()).isEqualTo(LocalDate.parse("2026-10-01"));
		assertRefused(agreement::requireAcceptsMoney, "agreement.closed", "NOR-2026-1");
		assertRefused(() -> agreement.close(LocalDate.parse("2026-10-02"), nok("15000000.00")), "agreement.closed");
		// Overpaid: closes too.
		var overpaid = signed(new Terms());
		overpaid.close(LocalDate.parse("2026-10-01"), nok("15000000.01"));
		assertThat(overpaid.getClosedOn()).isEqualTo(LocalDate.parse("2026-10-01"));
	}

	@Test
	void closesWithAShortfallWhenNothingIsReceivable() {
		// A draft recognised nothing; a conditional agreement's revenue is its cash; in kind, its deliveries.
		var draft = agreement(new Terms());
		draft.close(SEPTEMBER, nok("0.00"));
		assertThat(draft.getClosedOn()).isEqualTo(SEPTEMBER);
		var conditional = new Terms();
		conditional.conditional = true;
		var signedConditional = signed(conditional);
		signedConditional.close(SEPTEMBER, nok("1.00"));
		assertThat(signedConditional.getClosedOn()).isEqualTo(SEPTEMBER);
		var inKind = new Terms();
		inKind.inKind = true;
		var signedInKind = signed(inKind);
		signedInKind.close(SEPTEMBER, nok("0.00"));
		assertThat(signedInKind.getClosedOn()).isEqualTo(SEPTEMBER);
	}

	// Position: receipts applied to the oldest instalments first ----------------------------------

	@Test
	void appliesWhatWasReceivedToTheOldestInstalmentsFirst() {
		// 7,500,000.00 received: March's 6,000,000.00 in full, 1,500,000.00 of September's 9,000,000.00.
		var position = signed(new Terms()).position(nok("7500000.00"), nok("0.00"), LocalDate.parse("2026-06-15"));
		assertThat(lines(position)).containsExactly("2026-03-01 6000000.00 6000000.00 0.00 0",
				"2026-09-01 9000000.00 1500000.00 7500000.00 0");
		assertThat(position.status()).isEqualTo(AgreementStatus.PARTIALLY_RECEIVED);
		assertThat(position.total()).isEqualTo(nok("15000000.00"));
		assertThat(position.received()).isEqualTo(nok("7500000.00"));
		assertThat(position.outstanding()).isEqualTo(nok("7500000.00"));
		assertThat(position.overpaid()).isEqualTo(nok("0.00"));
		assertThat(position.overdue()).isEqualTo(nok("0.00"));
	}

	@Test
	void countsTheDaysAnInstalmentIsOverdueFromTheDayAfterItFallsDue() {
		var agreement = signed(new Terms());
		var onTheDay = agreement.position(nok("0.00"), nok("0.00"), MARCH);
		assertThat(lines(onTheDay)).containsExactly("2026-03-01 6000000.00 0.00 6000000.00 0",
				"2026-09-01 9000000.00 0.00 9000000.00 0");
		assertThat(onTheDay.status()).isEqualTo(AgreementStatus.SIGNED);
		assertThat(onTheDay.overdue()).isEqualTo(nok("0.00"));
		var dayAfter = agreement.position(nok("0.00"), nok("0.00"), MARCH.plusDays(1));
		assertThat(lines(dayAfter)).containsExactly("2026-03-01 6000000.00 0.00 6000000.00 1",
				"2026-09-01 9000000.00 0.00 9000000.00 0");
		assertThat(dayAfter.status()).isEqualTo(AgreementStatus.OVERDUE);
		assertThat(dayAfter.overdue()).isEqualTo(nok("6000000.00"));
		// 2026-03-01 to 2026-06-15: 31 + 30 + 31 + 14 = 106 days.
		var june = agreement.position(nok("0.00"), nok("0.00"), LocalDate.parse("2026-06-15"));
		assertThat(june.instalments().get(0).daysOverdue()).isEqualTo(106);
	}

	@Test
	void anInstalmentPartlyPaidAfterItsDueDateIsOverdueForWhatRemains() {
		// 7,500,000.00 received, on 2026-09-11: 7,500,000.00 of September's instalment is 10 days overdue.
		var position = signed(new Terms()).position(nok("7500000.00"), nok("0.00"), LocalDate.parse("2026-09-11"));
		assertThat(lines(position)).containsExactly("2026-03-01 6000000.00 6000000.00 0.00 0",
				"2026-09-01 9000000.00 1500000.00 7500000.00 10");
		assertThat(position.status()).isEqualTo(AgreementStatus.OVERDUE);
		assertThat(position.overdue()).isEqualTo(nok("7500000.00"));
	}

	@Test
	void settlesTheInstalmentRecordedFirstAmongThoseDueTheSameDay() {
		// Two instalments due in March; the database numbered the 9,000,000.00 one first (id 10).
		var agreement = signed(new Terms().schedule(line(MARCH, "6000000.00"), line(MARCH, "9000000.00")));
		var recorded = agreement.currentSchedule();
		ReflectionTestUtils.setField(recorded.get(0), "id", 20L);
		ReflectionTestUtils.setField(recorded.get(1), "id", 10L);
		var position = agreement.position(nok("9000000.00"), nok("0.00"), MARCH);
		assertThat(position.instalments()).extracting(AgreementPosition.Line::instalmentId).containsExactly(10L, 20L);
		assertThat(lines(position)).containsExactly("2026-03-01 9000000.00 9000000.00 0.00 0",
				"2026-03-01 6000000.00 0.00 6000000.00 0");
	}

	@Test
	void isFullyReceivedToTheCentAndOverpaidBeyond() {
		var agreement = signed(new Terms());
		var after = LocalDate.parse("2026-12-01");
		var short1 = agreement.position(nok("14999999.99"), nok("0.00"), after);
		assertThat(short1.status()).isEqualTo(AgreementStatus.OVERDUE);
		assertThat(short1.outstanding()).isEqualTo(nok("0.01"));
		var full = agreement.position(nok("15000000.00"), nok("0.00"), after);
		assertThat(full.status()).isEqualTo(AgreementStatus.FULLY_RECEIVED);
		assertThat(full.outstanding()).isEqualTo(nok("0.00"));
		assertThat(full.overpaid()).isEqualTo(nok("0.00"));
		assertThat(full.overdue()).isEqualTo(nok("0.00"));
		var over = agreement.position(nok("15500000.00"), nok("250000.00"), after);
		assertThat(over.status()).isEqualTo(AgreementStatus.FULLY_RECEIVED);
		assertThat(lines(over)).containsExactly("2026-03-01 6000000.00 6000000.00 0.00 0",
				"2026-09-01 9000000.00 9000000.00 0.00 0");
		assertThat(over.outstanding()).isEqualTo(nok("0.00"));
		assertThat(over.overpaid()).isEqualTo(nok("500000.00"));
		assertThat(over.refunded()).isEqualTo(nok("250000.00"));
		assertThat(over.received()).isEqualTo(nok("15500000.00"));
	}

	@Test
	void derivesDraftCancelledAndClosedBeforeAnythingReceived() {
		var draft = agreement(new Terms());
		assertThat(draft.position(nok("0.00"), nok("0.00"), MARCH).status()).isEqualTo(AgreementStatus.DRAFT);
		var cancelled = signed(new Terms());
		cancelled.cancel(MARCH);
		assertThat(cancelled.position(nok("15000000.00"), nok("0.00"), MARCH).status())
			.isEqualTo(AgreementStatus.CANCELLED);
		var closed = signed(new Terms());
		closed.close(SEPTEMBER, nok("15000000.00"));
		assertThat(closed.position(nok("15000000.00"), nok("0.00"), SEPTEMBER).status()).isEqualTo(AgreementStatus.CLOSED);
		// Signed, nothing received, nothing due yet.
		assertThat(signed(new Terms()).position(nok("0.00"), nok("0.00"), LocalDate.parse("2026-02-15")).status())
			.isEqualTo(AgreementStatus.SIGNED);
	}

	@Test
	void whatIsOutstandingNeverGoesBelowZero() {
		var agreement = agreement(new Terms());
		assertThat(agreement.outstanding(nok("5000000.00"))).isEqualTo(nok("10000000.00"));
		assertThat(agreement.outstanding(nok("15000000.00"))).isEqualTo(nok("0.00"));
		assertThat(agreement.outstanding(nok("20000000.00"))).isEqualTo(nok("0.00"));
	}

	@Test
	void givesThePostingRulesItsFacts() {
		var terms = new Terms().earmark(2, EarmarkKind.THEME, "MLA");
		terms.window = FundingWindow.CPCJF_GENERAL_PURPOSE;
		var agreement = signed(terms);
		ReflectionTestUtils.setField(agreement, "id", 8L);
		assertThat(agreement.getId()).isEqualTo(8L);
		var facts = ContributionRules.AgreementFacts.of(agreement, "MEMBER_STATE");
		assertThat(facts.id()).isEqualTo(8L);
		assertThat(facts.reference()).isEqualTo("NOR-2026-1");
		assertThat(facts.donorId()).isEqualTo(100L);
		assertThat(facts.donorType()).isEqualTo("MEMBER_STATE");
		assertThat(facts.window()).isEqualTo(FundingWindow.CPCJF_GENERAL_PURPOSE);
		assertThat(facts.earmarkKind()).isEqualTo(EarmarkKind.THEME);
		assertThat(facts.earmarkTarget()).isEqualTo("MLA");
		assertThat(facts.conditional()).isFalse();
		assertThat(facts.inKind()).isFalse();
		assertThat(facts.signatureRate()).isEqualByComparingTo("10.5");
	}

	// ---------------------------------------------------------------------------------------------

	static void assertRefused(ThrowingCallable call, String code, Object... arguments) {
		assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
			assertThat(e.messageKey()).isEqualTo(code);
			if (arguments.length > 0) {
				assertThat(e.arguments()).containsExactly(arguments);
			}
		});
	}

	static Agreement agreement(Terms terms) {
		return new Agreement(terms.toTerms());
	}

	static Agreement signed(Terms terms) {
		var agreement = agreement(terms);
		agreement.sign(LocalDate.parse("2026-02-01"), SIGNATURE_RATE);
		return agreement;
	}

	static ScheduleLine line(LocalDate dueOn, String amount) {
		return new ScheduleLine(dueOn, amount == null ? null : new BigDecimal(amount));
	}

	static Money nok(String amount) {
		return Money.of(amount, "NOK");
	}

	/** "due date, due, received, outstanding, days overdue" per instalment. */
	static List<String> lines(AgreementPosition position) {
		return position.instalments()
			.stream()
			.map(l -> l.dueOn() + " " + l.due().amount() + " " + l.received().amount() + " " + l.outstanding().amount()
					+ " " + l.daysOverdue())
			.toList();
	}

	/** The terms of a test agreement, changed field by field. */
	static final class Terms {

		String reference = " NOR-2026-1 ";

		String currency = "nok";

		String amount = "15000000.00";

		FundingWindow window = FundingWindow.CPCJF_SPECIAL_PURPOSE;

		String pniInstitute;

		int earmarkLevel = 1;

		EarmarkKind earmarkKind;

		String earmarkTarget;

		BigDecimal pscRate;

		String pscApprovalReference;

		boolean conditional;

		boolean inKind;

		LocalDate periodStart = LocalDate.parse("2026-01-01");

		LocalDate periodEnd = LocalDate.parse("2027-12-31");

		List<ScheduleLine> schedule = List.of(line(SEPTEMBER, "9000000.00"), line(MARCH, "6000000.00"));

		List<LocalDate> reportDueDates;

		Terms amount(String value) {
			amount = value;
			return this;
		}

		Terms earmark(int level, EarmarkKind kind, String target) {
			earmarkLevel = level;
			earmarkKind = kind;
			earmarkTarget = target;
			return this;
		}

		Terms psc(String rate, String approval) {
			pscRate = new BigDecimal(rate);
			pscApprovalReference = approval;
			return this;
		}

		Terms schedule(ScheduleLine... lines) {
			return schedule(new ArrayList<>(Arrays.asList(lines)));
		}

		Terms schedule(List<ScheduleLine> lines) {
			schedule = lines;
			return this;
		}

		AgreementTerms toTerms() {
			return new AgreementTerms(reference, 100, currency, new BigDecimal(amount), window, pniInstitute,
					earmarkLevel, earmarkKind, earmarkTarget, pscRate, pscApprovalReference, conditional, periodStart,
					periodEnd, null, schedule, reportDueDates, inKind);
		}

	}

}
