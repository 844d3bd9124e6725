package org.tafund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tafund.books.Account;
import org.tafund.books.Balance;
import org.tafund.books.BalanceQuery;
import org.tafund.books.Dimension;
import org.tafund.books.JournalQueries;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.support.ConcurrentPosts;
import org.tafund.support.IntegrationTest;
import org.tafund.support.OwnDatabase;
import org.tafund.support.TestClock;
import org.tafund.support.TestRates;

/**
 * A revaluation run takes every open receivable in the database, whoever created it: this class
 * has a database of its own, so that its figures are its agreements' alone.
 */
@IntegrationTest
@OwnDatabase
class RevaluationTests {

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	JournalQueries books;

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@org.junit.jupiter.api.Test
	void aRunAppearsInTheAuditTrailWithWhoRanItItsPeriodEndAndResult() throws Exception {
		try (var signedIn = org.tafund.support.SignedIn.as("finance.officer", org.tafund.security.Role.FINANCE)) {
			contributions.revalue(LocalDate.parse("2019-12-31"));
		}
		var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/audit")
			.param("user", "finance.officer")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("auditor")
				.roles("AUDITOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.tafund.support.VisibleText.of(page)).contains("Revaluation run", "Period end", "Exchange gain (loss)");
		var revision = java.util.regex.Pattern.compile("/audit/revisions/(\\d+)").matcher(page);
		assertThat(revision.find()).isTrue();
		var detail = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/audit/revisions/" + revision.group(1))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("auditor")
				.roles("AUDITOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.tafund.support.VisibleText.of(detail)).contains("Revaluation run", "31 Dec 2019", "finance.officer",
				"0.00 USD");
	}

	long donor() {
		return donors.register(new DonorDetails("Revaluation Test Donor " + UUID.randomUUID(), DonorType.FOUNDATION,
				null, null, null, null, true, List.of())).id();
	}

	void rate(String currency, String date, String unitsPerUsd) {
		TestRates.ensure(rates, currency, date, unitsPerUsd);
	}

	ReceiptView receive(long agreementId, String date, String amount, String currency, boolean overpayment) {
		return contributions.recordReceipt(agreementId,
				new ReceiptCommand(LocalDate.parse(date), new BigDecimal(amount), currency, "BANK-1", null, overpayment));
	}

	static String key(BusinessRuleViolation e) {
		return e.messageKey();
	}

	@Test
	void revaluesOpenReceivablesAtPeriodEndAndNeverRecomputesAStoredRun() {
		rate("NOK", "2024-06-01", "10.00");
		rate("NOK", "2024-09-01", "10.50");
		rate("NOK", "2024-12-01", "11.00");
		var agreement = contributions.createAgreement(new AgreementTerms("NOK-" + UUID.randomUUID(), donor(), "NOK",
				new BigDecimal("1000000.00"), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 1, null, null, null, null,
				false, null, null, LocalDate.parse("2024-06-01"),
				List.of(new ScheduleLine(LocalDate.parse("2024-10-01"), new BigDecimal("1000000.00")))));
		// 1,000,000.00 NOK / 10.00 = 100,000.00 USD recognised at signature
		assertThat(agreement.recognisedUsd()).isEqualTo(Money.usd("100000.00"));
		receive(agreement.id(), "2024-09-01", "400000.00", "NOK", false);

		var run = contributions.revalue(LocalDate.parse("2024-12-31"));
		// outstanding 600,000.00 NOK: at recognition 600,000 / 10.00 = 60,000.00 USD;
		// at the period-end rate 600,000 / 11.00 = 54,545.45 USD; loss 54,545.45 - 60,000.00 = -5,454.55
		var line = run.lines().stream().filter(l -> l.agreementId().equals(agreement.id())).findFirst().orElseThrow();
		assertThat(line.outstanding()).isEqualTo(Money.of("600000.00", "NOK"));
		assertThat(line.usdAtRecognition()).isEqualTo(Money.usd("60000.00"));
		assertThat(line.periodEndRate()).isEqualByComparingTo("11.00");
		assertThat(line.revaluedUsd()).isEqualTo(Money.usd("54545.45"));
		assertThat(line.gainLossUsd()).isEqualTo(Money.usd("-5454.55"));
		assertThat(run.gainLossUsd()).isEqualTo(run.lines().stream().map(RevaluationView.Line::gainLossUsd)
			.reduce(Money.zero("USD"), Money::plus));
		// The page names the agreement by its reference, linked, not by its number.
		String page;
		try {
			page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/contributions/revaluations")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("f")
					.roles("FINANCE")))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		assertThat(page).contains(">" + agreement.reference() + "</a>")
			.doesNotContain(">#" + agreement.id() + "</a>");

		// A rate entered later for the same month changes nothing already stored, and the run is not redone.
		rate("NOK", "2024-12-15", "12.00");
		assertThatThrownBy(() -> contributions.revalue(LocalDate.parse("2024-12-31")))
			.satisfies(e -> assertThat(key((BusinessRuleViolation) e)).isEqualTo("revaluation.exists"));
		var stored = contributions.revaluations().stream().filter(r -> r.periodEnd().equals(LocalDate.parse("2024-12-31")))
			.findFirst().orElseThrow();
		assertThat(stored.lines().stream().filter(l -> l.agreementId().equals(agreement.id())).findFirst().orElseThrow()
			.gainLossUsd()).isEqualTo(Money.usd("-5454.55"));

		// The first run books its whole difference.
		assertThat(line.bookedUsd()).isEqualTo(Money.usd("-5454.55"));
		// The next run, at 12.00: 600,000 / 12.00 = 50,000.00 against 60,000.00 at recognition, a loss
		// of -10,000.00, of which -5,454.55 was booked already: it books -4,545.45. The two runs add up
		// to -10,000.00, the whole change since signature, counted once.
		var next = contributions.revalue(LocalDate.parse("2025-03-31"));
		var nextLine = next.lines().stream().filter(l -> l.agreementId().equals(agreement.id())).findFirst().orElseThrow();
		assertThat(nextLine.usdAtRecognition()).isEqualTo(Money.usd("60000.00"));
		assertThat(nextLine.revaluedUsd()).isEqualTo(Money.usd("50000.00"));
		assertThat(nextLine.gainLossUsd()).isEqualTo(Money.usd("-10000.00"));
		assertThat(nextLine.bookedUsd()).isEqualTo(Money.usd("-4545.45"));
		assertThat(line.bookedUsd().plus(nextLine.bookedUsd())).isEqualTo(nextLine.gainLossUsd());
		// Paid in full before a third run: that run reverses what the two booked, +10,000.00.
		receive(agreement.id(), "2025-04-15", "600000.00", "NOK", false);
		var third = contributions.revalue(LocalDate.parse("2025-06-30"));
		var settled = third.lines().stream().filter(l -> l.agreementId().equals(agreement.id())).findFirst().orElseThrow();
		assertThat(settled.outstanding()).isEqualTo(Money.of("0.00", "NOK"));
		assertThat(settled.gainLossUsd()).isEqualTo(Money.usd("0.00"));
		assertThat(settled.bookedUsd()).isEqualTo(Money.usd("10000.00"));
		// A run for an earlier period end, made now, books its own: at 10.50 (the rate of 1 September;
		// the 12.00 of 15 December came later) 600,000 / 10.50 = 57,142.86 against 60,000.00, -2,857.14.
		var october = contributions.revalue(LocalDate.parse("2024-10-31"));
		assertThat(october.lines().stream().filter(l -> l.agreementId().equals(agreement.id())).findFirst()
			.orElseThrow().bookedUsd()).isEqualTo(Money.usd("-2857.14"));
		assertThat(receivable(agreement.id(), "2024-10-31")).isEqualByComparingTo("57142.86");
		// The December run, made before it, is adjusted back to its own rate (11.00, not the 12.00
		// entered since): +2,857.14 there, and the March and June runs need nothing.
		var december = run("2024-12-31");
		assertThat(december.adjustments()).filteredOn(a -> a.agreementId().equals(agreement.id())).singleElement()
			.satisfies(a -> {
				assertThat(a.cause()).isEqualTo("REVALUATION_RUN");
				assertThat(a.causeId()).isEqualTo(october.id());
				assertThat(a.revaluedUsd()).isEqualTo(Money.usd("54545.45"));
				assertThat(a.bookedUsd()).isEqualTo(Money.usd("2857.14"));
			});
		assertThat(receivable(agreement.id(), "2024-12-31")).isEqualByComparingTo("54545.45");
		assertThat(receivable(agreement.id(), "2025-03-31")).isEqualByComparingTo("50000.00");
		assertThat(run("2025-03-31").adjustments()).noneMatch(a -> a.agreementId().equals(agreement.id()));
		assertThat(receivable(agreement.id(), "2025-06-30")).isEqualByComparingTo("0.00");
	}


	@Test
	void revaluesAReceivableCancelledAfterThePeriodEndAtThatPeriodEnd() {
		rate("CHF", "2025-07-01", "0.80");
		rate("CHF", "2025-08-01", "1.00");
		rate("CHF", "2025-09-01", "0.50");
		// 100,000.00 CHF / 0.80 = 125,000.00 USD recognised at signature
		var agreement = contributions.createAgreement(new AgreementTerms("CHF-" + UUID.randomUUID(), donor(), "CHF",
				new BigDecimal("100000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null,
				false, null, null, LocalDate.parse("2025-07-10"),
				List.of(new ScheduleLine(LocalDate.parse("2026-01-31"), new BigDecimal("100000.00")))));
		// At 1.00: 100,000.00 USD, a loss of 25,000.00
		contributions.revalue(LocalDate.parse("2025-08-31"));
		assertThat(receivable(agreement.id(), "2025-08-31")).isEqualByComparingTo("100000.00");
		// Cancelled today: until today it was binding, and its receivable is revalued at earlier period ends.
		var cancelled = contributions.cancel(agreement.id(), contributions.agreement(agreement.id()).version());
		var run = contributions.revalue(LocalDate.parse("2025-09-30"));
		var line = run.lines().stream().filter(l -> l.agreementId().equals(agreement.id())).findFirst().orElseThrow();
		// At 0.50: 200,000.00 USD; the run books +100,000.00 on top of the -25,000.00 booked before.
		assertThat(line.outstanding()).isEqualTo(Money.of("100000.00", "CHF"));
		assertThat(line.revaluedUsd()).isEqualTo(Money.usd("200000.00"));
		assertThat(line.bookedUsd()).isEqualTo(Money.usd("100000.00"));
		assertThat(receivable(agreement.id(), "2025-09-30")).isEqualByComparingTo("200000.00");
		// A run on or after the cancellation takes back what the runs added: nothing is receivable any more.
		assertThat(cancelled.status()).isEqualTo(AgreementStatus.CANCELLED);
		var settled = contributions.revalue(TestClock.TODAY);
		assertThat(settled.lines().stream().filter(l -> l.agreementId().equals(agreement.id())).findFirst().orElseThrow()
			.bookedUsd()).isEqualTo(Money.usd("-75000.00"));
		assertThat(receivable(agreement.id(), TestClock.TODAY.toString())).isEqualByComparingTo("0.00");
	}

	@Test
	void revaluesAPastPeriodEndAtTheTotalOfThatDayNotALaterAmendments() {
		rate("GBP", "2023-01-01", "0.80");
		rate("GBP", "2023-06-01", "0.50");
		// GBP 100,000.00 / 0.80 = 125,000.00 USD recognised at signature
		var agreement = contributions.createAgreement(new AgreementTerms("GBP-" + UUID.randomUUID(), donor(), "GBP",
				new BigDecimal("100000.00"), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 1, null, null, null, null,
				false, null, null, LocalDate.parse("2023-01-10"),
				List.of(new ScheduleLine(LocalDate.parse("2024-01-31"), new BigDecimal("100000.00")))));
		// Raised to 150,000.00 on 2023-09-01 (+50,000 / 0.80 = +62,500.00), recorded before the June run.
		contributions.amend(agreement.id(), contributions.agreement(agreement.id()).version(),
				LocalDate.parse("2023-09-01"), "Raised", new BigDecimal("150000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2024-01-31"), new BigDecimal("150000.00"))));
		// On 2023-06-30 the agreement was still GBP 100,000.00: at 0.50 that is 200,000.00 USD against
		// 125,000.00 carried, +75,000.00 (not the 150,000.00 signed in September).
		var run = contributions.revalue(LocalDate.parse("2023-06-30"));
		var line = run.lines().stream().filter(l -> l.agreementId().equals(agreement.id())).findFirst().orElseThrow();
		assertThat(line.outstanding()).isEqualTo(Money.of("100000.00", "GBP"));
		assertThat(line.revaluedUsd()).isEqualTo(Money.usd("200000.00"));
		assertThat(line.bookedUsd()).isEqualTo(Money.usd("75000.00"));
		assertThat(receivable(agreement.id(), "2023-06-30")).isEqualByComparingTo("200000.00");
		// After the amendment the books carry 200,000.00 + 62,500.00.
		assertThat(receivable(agreement.id(), "2023-09-30")).isEqualByComparingTo("262500.00");
		// Paid before the period ends the other tests revalue: left open, a run today (another test's)
		// would revalue it, and a later test's run at an earlier period end would be refused for it.
		receive(agreement.id(), "2023-12-01", "150000.00", "GBP", false);
	}

	@Test
	void raisingAnOverpaidAgreementRecognisesItsRevenueOnce() {
		rate("DKK", "2026-06-01", "8.00");
		// Dated after every period end the other tests revalue, which would otherwise take it too.
		// DKK 80,000.00 / 8.00 = 10,000.00 USD; 96,000.00 arrives as an overpayment: 12,000.00 USD of cash,
		// 10,000.00 relieving the receivable and 2,000.00 of revenue of the day.
		var agreement = contributions.createAgreement(new AgreementTerms("DKK-" + UUID.randomUUID(), donor(), "DKK",
				new BigDecimal("80000.00"), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 1, null, null, null, null,
				false, null, null, LocalDate.parse("2026-06-02"),
				List.of(new ScheduleLine(LocalDate.parse("2026-12-31"), new BigDecimal("80000.00")))));
		receive(agreement.id(), "2026-06-03", "96000.00", "DKK", true);
		assertThat(revenue(agreement.id())).isEqualByComparingTo("12000.00");
		// The donor confirms the higher figure: the total follows what came, and nothing is recognised again.
		contributions.amend(agreement.id(), contributions.agreement(agreement.id()).version(),
				LocalDate.parse("2026-06-04"), "Donor confirms the higher figure", new BigDecimal("96000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2026-12-31"), new BigDecimal("96000.00"))));
		assertThat(revenue(agreement.id())).isEqualByComparingTo("12000.00");
		assertThat(receivable(agreement.id(), "2026-12-31")).isEqualByComparingTo("0.00");
		// Raised beyond it, only the new outstanding 4,000.00 / 8.00 = 500.00 is receivable and revenue.
		contributions.amend(agreement.id(), contributions.agreement(agreement.id()).version(),
				LocalDate.parse("2026-06-05"), "Raised again", new BigDecimal("100000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2026-12-31"), new BigDecimal("100000.00"))));
		assertThat(revenue(agreement.id())).isEqualByComparingTo("12500.00");
		assertThat(receivable(agreement.id(), "2026-12-31")).isEqualByComparingTo("500.00");
	}

	@Test
	void anEventDatedOnOrBeforeARunAlreadyMadeAdjustsThatRunAtItsPeriodEnd() {
		rate("PLN", "2022-01-01", "4.00");
		rate("PLN", "2022-03-01", "5.00");
		rate("PLN", "2022-06-01", "8.00");
		// PLN 400,000.00 / 4.00 = 100,000.00 USD recognised at signature
		var agreement = contributions.createAgreement(new AgreementTerms("PLN-" + UUID.randomUUID(), donor(), "PLN",
				new BigDecimal("400000.00"), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 1, null, null, null, null,
				false, null, null, LocalDate.parse("2022-01-10"),
				List.of(new ScheduleLine(LocalDate.parse("2022-12-31"), new BigDecimal("400000.00")))));
		// At 5.00: 80,000.00 (-20,000.00); at 8.00: 50,000.00 (a further -30,000.00).
		var march = contributions.revalue(LocalDate.parse("2022-03-31"));
		contributions.revalue(LocalDate.parse("2022-06-30"));
		assertThat(receivable(agreement.id(), "2022-03-31")).isEqualByComparingTo("80000.00");
		assertThat(receivable(agreement.id(), "2022-06-30")).isEqualByComparingTo("50000.00");

		// A receipt of 15 March recorded now: PLN 100,000.00 at 5.00 is 20,000.00 of cash; it relieves
		// 25,000.00 at the signature rate (a realised loss of 5,000.00), leaving PLN 300,000.00 due.
		var receipt = receive(agreement.id(), "2022-03-15", "100000.00", "PLN", false);
		// 31 March: 300,000 / 5.00 = 60,000.00 against 75,000.00 - 20,000.00 carried: +5,000.00 booked there.
		// 30 June: 300,000 / 8.00 = 37,500.00 against 75,000.00 - 45,000.00 carried: +7,500.00.
		assertThat(receivable(agreement.id(), "2022-03-31")).isEqualByComparingTo("60000.00");
		assertThat(receivable(agreement.id(), "2022-06-30")).isEqualByComparingTo("37500.00");
		var adjusted = run("2022-03-31");
		assertThat(adjusted.lines()).isEqualTo(march.lines());
		assertThat(adjusted.adjustments()).singleElement().satisfies(a -> {
			assertThat(a.agreementId()).isEqualTo(agreement.id());
			assertThat(a.cause()).isEqualTo("RECEIPT");
			assertThat(a.causeId()).isEqualTo(receipt.id());
			assertThat(a.outstanding()).isEqualTo(Money.of("300000.00", "PLN"));
			assertThat(a.revaluedUsd()).isEqualTo(Money.usd("60000.00"));
			assertThat(a.bookedUsd()).isEqualTo(Money.usd("5000.00"));
		});
		assertThat(adjusted.bookedUsd()).isEqualTo(march.bookedUsd().plus(Money.usd("5000.00")));

		// Raised to 500,000.00 on 1 May: March is untouched; on 30 June 400,000 / 8.00 = 50,000.00
		// against 100,000.00 - 37,500.00 carried: -12,500.00.
		var amended = contributions.amend(agreement.id(), contributions.agreement(agreement.id()).version(),
				LocalDate.parse("2022-05-01"), "Raised", new BigDecimal("500000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2022-12-31"), new BigDecimal("500000.00"))));
		assertThat(receivable(agreement.id(), "2022-03-31")).isEqualByComparingTo("60000.00");
		assertThat(receivable(agreement.id(), "2022-06-30")).isEqualByComparingTo("50000.00");
		assertThat(run("2022-06-30").adjustments()).filteredOn(a -> a.cause().equals("AMENDMENT"))
			.singleElement()
			.satisfies(a -> assertThat(a.bookedUsd()).isEqualTo(Money.usd("-12500.00")));

		// An agreement signed on 1 February, recorded now: PLN 80,000.00 / 4.00 = 20,000.00 at signature,
		// 16,000.00 at 5.00 (-4,000.00 on 31 March) and 10,000.00 at 8.00 (-6,000.00 more on 30 June).
		var late = contributions.createAgreement(new AgreementTerms("PLN-" + UUID.randomUUID(), donor(), "PLN",
				new BigDecimal("80000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null,
				false, null, null, LocalDate.parse("2022-02-01"),
				List.of(new ScheduleLine(LocalDate.parse("2022-12-31"), new BigDecimal("80000.00")))));
		assertThat(receivable(late.id(), "2022-03-31")).isEqualByComparingTo("16000.00");
		assertThat(receivable(late.id(), "2022-06-30")).isEqualByComparingTo("10000.00");
		assertThat(run("2022-03-31").adjustments()).filteredOn(a -> a.agreementId().equals(late.id()))
			.singleElement()
			.satisfies(a -> assertThat(a.bookedUsd()).isEqualTo(Money.usd("-4000.00")));

		// Settled in July: no receivable is left for later runs of the other tests to take.
		receive(agreement.id(), "2022-07-15", "400000.00", "PLN", false);
		receive(late.id(), "2022-07-15", "80000.00", "PLN", false);
		assertThat(amended.total()).isEqualTo(Money.of("500000.00", "PLN"));
	}

	@Test
	void aRunAndABackDatedReceiptRecordedAtTheSameTimeSeeEachOther() throws Exception {
		rate("HUF", "2021-01-01", "300.00");
		rate("HUF", "2021-03-01", "400.00");
		// Three races, three period ends: whichever commits first, the other must count it.
		for (var month : List.of("2021-03-31", "2021-04-30", "2021-05-31")) {
			// HUF 30,000,000.00 / 300.00 = 100,000.00 USD at signature.
			var agreement = contributions.createAgreement(new AgreementTerms("HUF-" + UUID.randomUUID(), donor(), "HUF",
					new BigDecimal("30000000.00"), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 1, null, null, null,
					null, false, null, null, LocalDate.parse("2021-01-10"),
					List.of(new ScheduleLine(LocalDate.parse("2021-12-31"), new BigDecimal("30000000.00")))));
			var periodEnd = LocalDate.parse(month);
			var responses = ConcurrentPosts.post(port, "finance.officer",
					List.of(new ConcurrentPosts.Request("/api/v1/revaluations", "{\"periodEnd\":\"" + month + "\"}"),
							new ConcurrentPosts.Request("/api/v1/agreements/" + agreement.id() + "/receipts",
									"{\"receivedOn\":\"" + periodEnd.minusDays(3) + "\",\"amount\":12000000.00,"
											+ "\"currency\":\"HUF\"}")));
			assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(201, 201);
			// 18,000,000.00 still due at the period end, at 400.00: 45,000.00, whichever came first.
			assertThat(receivable(agreement.id(), month)).as(month).isEqualByComparingTo("45000.00");
			receive(agreement.id(), "2021-06-01", "18000000.00", "HUF", false);
		}
	}

	private RevaluationView run(String periodEnd) {
		return contributions.revaluations()
			.stream()
			.filter(r -> r.periodEnd().equals(LocalDate.parse(periodEnd)))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void twoRevaluationsForOneDateLetOneThrough() throws Exception {
		// A period end before any of this class's agreements is signed: the run revalues nothing.
		var body = "{\"periodEnd\":\"2020-01-31\"}";
		var responses = ConcurrentPosts.post(port, "finance.officer", "/api/v1/revaluations", List.of(body, body));
		assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 422);
		assertThat(ConcurrentPosts.codes(responses)).containsExactly("revaluation.exists");
		assertThat(contributions.revaluations()).filteredOn(r -> r.periodEnd().equals(LocalDate.parse("2020-01-31")))
			.singleElement()
			.satisfies(run -> assertThat(run.lines()).isEmpty());
	}

	private BigDecimal revenue(long agreementId) {
		return books.sums(BalanceQuery.upTo(LocalDate.of(9999, 12, 31))
			.accounts(Account.REV_SPECIAL)
			.where(Dimension.AGREEMENT_ID, agreementId))
			.stream()
			.map(Balance::net)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.negate();
	}

	private BigDecimal receivable(long agreementId, String date) {
		return books.sums(BalanceQuery.upTo(LocalDate.parse(date))
			.accounts(Account.RECEIVABLE, Account.RECEIVABLE_FX)
			.where(Dimension.AGREEMENT_ID, agreementId))
			.stream()
			.map(Balance::net)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
