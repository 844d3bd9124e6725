package org.tafund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.support.IntegrationTest;
import org.tafund.support.TestRates;

@IntegrationTest
class ContributionTests {

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	long donor() {
		return donors.register(new DonorDetails("Contribution Test Donor " + UUID.randomUUID(), DonorType.FOUNDATION,
				null, null, null, null, true, List.of())).id();
	}

	void rate(String currency, String date, String unitsPerUsd) {
		TestRates.ensure(rates, currency, date, unitsPerUsd);
	}

	AgreementView usdAgreement(String total, String... schedule) {
		var lines = new ArrayList<ScheduleLine>();
		for (int i = 0; i < schedule.length; i += 2) {
			lines.add(new ScheduleLine(LocalDate.parse(schedule[i]), new BigDecimal(schedule[i + 1])));
		}
		return contributions.createAgreement(new AgreementTerms("T-" + UUID.randomUUID(), donor(), "USD",
				new BigDecimal(total), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null,
				null, LocalDate.parse("2025-01-15"), lines));
	}

	ReceiptView receive(long agreementId, String date, String amount, String currency, boolean overpayment) {
		return contributions.recordReceipt(agreementId,
				new ReceiptCommand(LocalDate.parse(date), new BigDecimal(amount), currency, "BANK-1", null, overpayment));
	}

	static String key(BusinessRuleViolation e) {
		return e.messageKey();
	}

	@Test
	void aReceiptWorthLessThanOneUsCentIsRefusedAsSuch() {
		rate("PYG", "2025-01-01", "7800.00");
		var agreement = contributions.createAgreement(new AgreementTerms("T-" + UUID.randomUUID(), donor(), "PYG",
				new BigDecimal("7800000"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2025-01-15"),
				List.of(new ScheduleLine(LocalDate.parse("2025-06-30"), new BigDecimal("7800000")))));
		// PYG 30 / 7,800 = 0.0038 USD: rounds to 0.00.
		assertThatThrownBy(() -> receive(agreement.id(), "2025-02-01", "30", "PYG", false))
			.satisfies(e -> assertThat(key((BusinessRuleViolation) e)).isEqualTo("receipt.belowOneCent"));
		assertThat(contributions.agreement(agreement.id()).receipts()).isEmpty();
		// PYG 40 / 7,800 = 0.0051 USD: one cent, booked.
		assertThat(receive(agreement.id(), "2025-02-01", "40", "PYG", false).usd()).isEqualTo(Money.usd("0.01"));
	}

	@Test
	void anAgreementStillOwedMoneyIsSettledBeforeItCloses() {
		var agreement = usdAgreement("100000.00", "2025-02-01", "100000.00");
		receive(agreement.id(), "2025-02-10", "70000.00", "USD", false);
		// 30,000.00 still receivable: closing would leave it in the books for good.
		assertThatThrownBy(() -> contributions.close(agreement.id(), contributions.agreement(agreement.id()).version()))
			.satisfies(e -> {
				assertThat(key((BusinessRuleViolation) e)).isEqualTo("agreement.close.outstanding");
				assertThat(((BusinessRuleViolation) e).arguments()).containsExactly(agreement.reference(), "30000.00 USD");
			});
		assertThat(contributions.agreement(agreement.id()).status()).isNotEqualTo(AgreementStatus.CLOSED);
		// The donor will not pay the rest: amended to what came, the agreement closes.
		contributions.amend(agreement.id(), contributions.agreement(agreement.id()).version(),
				LocalDate.parse("2025-06-30"), "Donor pays no more", new BigDecimal("70000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2025-02-01"), new BigDecimal("70000.00"))));
		var closed = contributions.close(agreement.id(), contributions.agreement(agreement.id()).version());
		assertThat(closed.status()).isEqualTo(AgreementStatus.CLOSED);
	}

	@Test
	void appliesReceiptsToTheOldestInstalmentsFirstAndRefusesUnannouncedOverpayments() {
		var agreement = usdAgreement("100000.00", "2025-02-01", "60000.00", "2025-08-01", "40000.00");
		assertThat(agreement.status()).isEqualTo(AgreementStatus.OVERDUE);

		receive(agreement.id(), "2025-02-10", "50000.00", "USD", false);
		var partial = contributions.agreement(agreement.id()).position();
		assertThat(partial.instalments().get(0).received()).isEqualTo(Money.usd("50000.00"));
		assertThat(partial.instalments().get(0).outstanding()).isEqualTo(Money.usd("10000.00"));
		assertThat(partial.instalments().get(1).received()).isEqualTo(Money.usd("0.00"));

		receive(agreement.id(), "2025-03-01", "10000.00", "USD", false);
		var exact = contributions.agreement(agreement.id()).position();
		assertThat(exact.instalments().get(0).outstanding().isZero()).isTrue();
		assertThat(exact.outstanding()).isEqualTo(Money.usd("40000.00"));

		assertThatThrownBy(() -> receive(agreement.id(), "2025-08-01", "45000.00", "USD", false))
			.isInstanceOf(BusinessRuleViolation.class)
			.satisfies(e -> assertThat(key((BusinessRuleViolation) e)).isEqualTo("receipt.exceedsOutstanding"));
		receive(agreement.id(), "2025-08-01", "45000.00", "USD", true);
		var full = contributions.agreement(agreement.id());
		assertThat(full.status()).isEqualTo(AgreementStatus.FULLY_RECEIVED);
		assertThat(full.position().outstanding()).isEqualTo(Money.usd("0.00"));
		assertThat(full.position().overpaid()).isEqualTo(Money.usd("5000.00"));
		assertThat(full.receivedUsd()).isEqualTo(Money.usd("105000.00"));
	}

	@Test
	void convertsAReceiptInAnotherCurrencyThroughUsdAndKeepsBothAmountsAndRates() {
		rate("EUR", "2025-03-01", "0.90");
		rate("EUR", "2025-04-01", "0.92");
		rate("GBP", "2025-04-01", "0.80");
		var agreement = contributions.createAgreement(new AgreementTerms("EUR-" + UUID.randomUUID(), donor(), "EUR",
				new BigDecimal("100000.00"), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 2, EarmarkKind.THEME,
				"EXTRADITION", null, null, false, null, null, LocalDate.parse("2025-03-01"),
				List.of(new ScheduleLine(LocalDate.parse("2025-06-30"), new BigDecimal("100000.00")))));
		// 100,000.00 EUR / 0.90 EUR per USD = 111,111.11 USD recognised at signature
		assertThat(agreement.recognisedUsd()).isEqualTo(Money.usd("111111.11"));

		var receipt = receive(agreement.id(), "2025-04-10", "10000.00", "GBP", false);
		// 10,000.00 GBP / 0.80 = 12,500.00 USD; 12,500.00 USD x 0.92 = 11,500.00 EUR
		assertThat(receipt.amount()).isEqualTo(Money.of("10000.00", "GBP"));
		assertThat(receipt.rate()).isEqualByComparingTo("0.80");
		assertThat(receipt.rateDate()).isEqualTo(LocalDate.parse("2025-04-01"));
		assertThat(receipt.usd()).isEqualTo(Money.usd("12500.00"));
		assertThat(receipt.inAgreementCurrency()).isEqualTo(Money.of("11500.00", "EUR"));
		assertThat(receipt.agreementRate()).isEqualByComparingTo("0.92");
		assertThat(contributions.agreement(agreement.id()).position().outstanding())
			.isEqualTo(Money.of("88500.00", "EUR"));
	}

	@Test
	void refusesAReceiptInACurrencyWithoutARateNamingCurrencyAndDate() throws Exception {
		var agreement = usdAgreement("1000.00", "2025-12-31", "1000.00");
		mvc.perform(post("/api/v1/agreements/{id}/receipts", agreement.id())
			.with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"receivedOn\":\"2025-05-01\",\"amount\":\"100.00\",\"currency\":\"SGD\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("fx.missing"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SGD")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 May 2025")));
		assertThat(contributions.agreement(agreement.id()).receipts()).isEmpty();
	}

	@Test
	void anAmendmentKeepsTheEarlierScheduleVisible() {
		var agreement = usdAgreement("100000.00", "2025-02-01", "60000.00", "2025-08-01", "40000.00");
		receive(agreement.id(), "2025-02-01", "60000.00", "USD", false);
		var amended = contributions.amend(agreement.id(), agreement.version(), LocalDate.parse("2025-05-01"),
				"Donor increased its contribution", new BigDecimal("120000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2025-02-01"), new BigDecimal("60000.00")),
						new ScheduleLine(LocalDate.parse("2025-09-01"), new BigDecimal("60000.00"))));
		assertThat(amended.total()).isEqualTo(Money.usd("120000.00"));
		assertThat(amended.position().outstanding()).isEqualTo(Money.usd("60000.00"));
		assertThat(amended.earlierSchedules()).extracting(AgreementView.EarlierInstalment::amount)
			.containsExactly(Money.usd("60000.00"), Money.usd("40000.00"));
		assertThat(amended.amendments()).singleElement().satisfies(a -> {
			assertThat(a.reason()).isEqualTo("Donor increased its contribution");
			assertThat(a.previousTotal()).isEqualByComparingTo("100000.00");
			assertThat(a.newTotal()).isEqualByComparingTo("120000.00");
		});
		assertThatThrownBy(() -> contributions.amend(agreement.id(), agreement.version(), LocalDate.parse("2025-05-02"),
				"stale", new BigDecimal("1.00"), List.of(new ScheduleLine(LocalDate.parse("2025-09-01"), BigDecimal.ONE))))
			.isInstanceOf(org.tafund.shared.ConcurrentEdit.class);
	}

	@Test
	void reversalsAndRefundsMoveTheBalancesAndNothingIsEdited() {
		var agreement = usdAgreement("100000.00", "2025-12-01", "100000.00");
		var receipt = receive(agreement.id(), "2025-03-01", "60000.00", "USD", false);
		contributions.reverseReceipt(receipt.id(), "Booked on the wrong agreement");
		var afterReversal = contributions.agreement(agreement.id());
		assertThat(afterReversal.position().received()).isEqualTo(Money.usd("0.00"));
		assertThat(afterReversal.receipts()).hasSize(2);
		assertThat(afterReversal.receipts().get(0).reversed()).isTrue();
		assertThat(afterReversal.receipts().get(1).amount()).isEqualTo(Money.usd("-60000.00"));
		assertThatThrownBy(() -> contributions.reverseReceipt(receipt.id(), "again"))
			.satisfies(e -> assertThat(key((BusinessRuleViolation) e)).isEqualTo("receipt.alreadyReversed"));

		receive(agreement.id(), "2025-03-02", "60000.00", "USD", false);
		contributions.refund(agreement.id(), LocalDate.parse("2025-10-01"), new BigDecimal("10000.00"),
				"Unspent balance of the 2025 workshop");
		var afterRefund = contributions.agreement(agreement.id()).position();
		assertThat(afterRefund.refunded()).isEqualTo(Money.usd("10000.00"));
		assertThat(afterRefund.outstanding()).isEqualTo(Money.usd("40000.00"));
		assertThatThrownBy(() -> contributions.refund(agreement.id(), LocalDate.parse("2025-10-02"),
				new BigDecimal("50000.01"), "too much"))
			.satisfies(e -> assertThat(key((BusinessRuleViolation) e)).isEqualTo("refund.exceedsReceived"));
	}

	@Test
	void eightConcurrentIdenticalReceiptPostsWithOneKeyRecordOneReceipt() throws Exception {
		var agreement = usdAgreement("100000.00", "2025-12-01", "100000.00");
		var body = "{\"receivedOn\":\"2025-04-01\",\"amount\":\"1000.00\",\"currency\":\"USD\",\"bankReference\":\"SWIFT-8\"}";
		var key = "key-" + UUID.randomUUID();
		var responses = concurrently(8, () -> send("/api/v1/agreements/" + agreement.id() + "/receipts", body,
				"Idempotency-Key", key, "finance.officer"));
		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
		assertThat(new HashSet<>(responses.stream().map(HttpResponse::body).toList())).hasSize(1);
		assertThat(contributions.agreement(agreement.id()).receipts()).hasSize(1);

		var other = send("/api/v1/agreements/" + agreement.id() + "/receipts", body.replace("1000.00", "2000.00"),
				"Idempotency-Key", key, "finance.officer");
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(contributions.agreement(agreement.id()).receipts()).hasSize(1);

		// The same key from another user is that user's own request, not a replay of the first response.
		var byAdmin = send("/api/v1/agreements/" + agreement.id() + "/receipts", body, "Idempotency-Key", key, "admin");
		assertThat(byAdmin.statusCode()).isEqualTo(201);
		assertThat(byAdmin.body()).isNotEqualTo(responses.get(0).body());
		assertThat(contributions.agreement(agreement.id()).receipts()).hasSize(2);
	}

	@Test
	void twoConcurrentAmendmentsOfOneAgreementLetExactlyOneWin() throws Exception {
		var agreement = usdAgreement("100000.00", "2025-12-01", "100000.00");
		var responses = concurrently(2, () -> send("/api/v1/agreements/" + agreement.id() + "/amendments",
				"{\"amendedOn\":\"2025-06-01\",\"reason\":\"Revised\",\"amount\":\"90000.00\",\"instalments\":[{\"dueOn\":\"2025-12-01\",\"amount\":\"90000.00\"}]}",
				"If-Match", "\"" + agreement.version() + "\"", "donor.officer"));
		assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 412);
		assertThat(contributions.agreement(agreement.id()).amendments()).hasSize(1);
	}

	@Test
	void refusesBadInputWithAClearProblemAndStoresNothing() throws Exception {
		long donorId = donor();
		var template = "{\"donorId\":%d,\"reference\":\"%s\",\"currency\":\"%s\",\"amount\":\"%s\",\"window\":\"CPCJF_GENERAL_PURPOSE\",\"signedOn\":\"2025-01-15\",\"instalments\":[{\"dueOn\":\"2025-02-01\",\"amount\":\"%s\"}]}";
		expectProblem(template.formatted(donorId, "BAD-1", "USD", "100.00", "90.00"), 422, "agreement.schedule.sum");
		expectProblem(template.formatted(donorId, "BAD-2", "USD", "100.001", "100.001"), 422, "money.tooManyDecimals");
		expectProblem(template.formatted(donorId, "BAD-3", "JPY", "100.5", "100.5"), 422, "money.tooManyDecimals");
		expectProblem(template.formatted(donorId, "BAD-4", "XYZ", "100.00", "100.00"), 422, "money.currency.unknown");
		expectProblem(template.formatted(donorId, "BAD-5", "USD", "-100.00", "-100.00"), 400, null);
		expectProblem(template.formatted(donorId, "BAD-6", "USD", "100.00", "100.00").replace("2025-02-01", "2025-02-30"),
				400, null);
		expectProblem("{\"donorId\": ", 400, null);
		expectProblem(template.formatted(donorId, "BAD-9", "USD", "1e30", "1e30"), 422, "money.tooLarge");
		expectProblem(template.formatted(donorId, "X".repeat(61), "USD", "100.00", "100.00"), 400, null);
		expectProblem(template.formatted(donorId, "BAD-7", "USD", "100.00", "100.00")
			.replace("\"window\"", "\"earmarkLevel\":2,\"earmarkKind\":\"THEME\",\"earmarkTarget\":\"piracy\",\"window\""), 422,
				"agreement.earmark.theme");
		expectProblem(template.formatted(donorId, "BAD-8", "USD", "100.00", "100.00")
			.replace("\"window\"", "\"earmarkLevel\":3,\"earmarkKind\":\"COUNTRY\",\"earmarkTarget\":\"ATL\",\"window\""), 422,
				"donor.country.unknown");
		expectProblem(template.formatted(donorId, "BAD-10", "USD", "100.00", "100.00")
			.replace("\"window\"", "\"earmarkLevel\":2,\"earmarkKind\":\"REGION\",\"earmarkTarget\":\"Atlantis\",\"window\""), 422,
				"agreement.earmark.region");
		expectProblem(template.formatted(donorId, "BAD-11", "USD", "100.00", "100.00")
			.replace("\"window\"", "\"earmarkLevel\":3,\"earmarkKind\":\"PROJECT\",\"earmarkTarget\":\"NO-SUCH-1\",\"window\""), 422,
				"agreement.earmark.project");
		expectProblem(template.formatted(donorId, "BAD-12", "USD", "100.00", "100.00").replace("2025-01-15", "2999-01-15"),
				422, "date.future");
		expectProblem(template.formatted(donorId, "BAD-13", "USD", "100.00", "100.00").replace("2025-01-15", "1925-01-15"),
				422, "date.tooEarly");
		// An instalment due in 9999 (the probe stored one) or an agreement period from 0001.
		expectProblem(template.formatted(donorId, "BAD-15", "USD", "100.00", "100.00").replace("2025-02-01", "9999-12-31"),
				422, "date.tooLate");
		expectProblem(template.formatted(donorId, "BAD-16", "USD", "100.00", "100.00")
			.replace("\"window\"", "\"periodStart\":\"0001-01-01\",\"window\""), 422, "date.tooEarly");
		// A null line and a value of the wrong kind are 400s that name the field.
		mvc.perform(post("/api/v1/agreements").with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(template.formatted(donorId, "BAD-14", "USD", "100.00", "100.00")
				.replaceAll("\\[\\{.*\\}\\]", "[null]")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instalments[0]"));
		mvc.perform(post("/api/v1/agreements").with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(template.formatted(donorId, "BAD-15", "USD", "100.00", "100.00").replace("CPCJF_GENERAL_PURPOSE", "LOTTERY")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("window"))
			.andExpect(jsonPath("$.detail").value("The value of 'window' is not of the expected kind."));
		mvc.perform(post("/api/v1/agreements").with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(template.formatted(donorId, "BAD-16", "USD", "100.00", "100.00").replace("\"2025-02-01\"", "\"soon\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("instalments[0].dueOn"));
		var ok = template.formatted(donorId, "GOOD-" + UUID.randomUUID(), "USD", "100.00", "100.00")
			.replace("\"instalments\"", "\"reportDueDates\":[\"2025-12-31\"],\"instalments\"");
		mvc.perform(post("/api/v1/agreements").with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ok))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.total.amount").value("100.00"))
			.andExpect(jsonPath("$.reportDueDates[0]").value("2025-12-31"));
		expectProblem(ok, 422, "agreement.reference.taken");
		assertThat(jdbc.queryForObject("select count(*) from agreement where reference like 'BAD-%'", Integer.class))
			.isZero();
	}

	@Test
	void refusesFutureDatesAndOverlongTextOnMoneyMovementsWithAMessage() {
		var agreement = usdAgreement("1000.00", "2025-12-01", "1000.00");
		var tomorrow = LocalDate.now(clock).plusDays(1).toString();
		assertThatThrownBy(() -> receive(agreement.id(), tomorrow, "10.00", "USD", false))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(key(e)).isEqualTo("date.future"));
		assertThatThrownBy(() -> contributions.recordReceipt(agreement.id(), new ReceiptCommand(
				LocalDate.parse("2025-03-01"), new BigDecimal("10.00"), "USD", "B".repeat(101), null, false)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(key(e)).isEqualTo("text.tooLong"));
		receive(agreement.id(), "2025-03-01", "100.00", "USD", false);
		assertThatThrownBy(() -> contributions.refund(agreement.id(), LocalDate.parse("2025-03-02"),
				new BigDecimal("10.00"), "R".repeat(501)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(key(e)).isEqualTo("text.tooLong"));
		assertThatThrownBy(() -> contributions.refund(agreement.id(), LocalDate.parse("2025-01-01"),
				new BigDecimal("10.00"), "Returned"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					e -> assertThat(key(e)).isEqualTo("refund.beforeSignature"));
		assertThatThrownBy(() -> contributions.amend(agreement.id(), agreement.version(), LocalDate.parse("2024-12-31"),
				"Earlier", new BigDecimal("1000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2025-12-01"), new BigDecimal("1000.00")))))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					e -> assertThat(key(e)).isEqualTo("amendment.beforeSignature"));
		assertThatThrownBy(() -> contributions.revalue(LocalDate.now(clock).plusMonths(1)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(key(e)).isEqualTo("date.future"));
		var stored = contributions.agreement(agreement.id());
		assertThat(stored.receipts()).hasSize(1);
		assertThat(stored.refunds()).isEmpty();
		assertThat(stored.amendments()).isEmpty();
	}

	@Test
	void aPledgeTurnsIntoAnAgreementOnce() {
		long donorId = donor();
		var pledge = contributions.recordPledge(donorId, LocalDate.parse("2025-01-05"), new BigDecimal("25000.00"), "USD",
				FundingWindow.CPCJF_GENERAL_PURPOSE, "Announced at the Commission");
		var terms = new AgreementTerms("PL-" + UUID.randomUUID(), donorId, "USD", new BigDecimal("25000.00"),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null,
				LocalDate.parse("2025-02-01"), List.of(new ScheduleLine(LocalDate.parse("2025-03-01"), new BigDecimal("25000.00"))));
		var agreement = contributions.createAgreementFromPledge(pledge.id(), terms);
		assertThat(contributions.pledgesOf(donorId)).singleElement()
			.satisfies(p -> assertThat(p.agreementId()).isEqualTo(agreement.id()));
		assertThat(contributions.ofDonor(donorId).pledgedUsd()).isEqualTo(Money.usd("0.00"));
		assertThatThrownBy(() -> contributions.createAgreementFromPledge(pledge.id(), new AgreementTerms(
				"PL2-" + UUID.randomUUID(), donorId, "USD", new BigDecimal("1.00"), FundingWindow.CPCJF_GENERAL_PURPOSE,
				null, 1, null, null, null, null, false, null, null, null,
				List.of(new ScheduleLine(LocalDate.parse("2025-03-01"), BigDecimal.ONE)))))
			.satisfies(e -> assertThat(key((BusinessRuleViolation) e)).isEqualTo("pledge.alreadyConverted"));
	}

	@Test
	void refusesMoneyOnDraftsAndCancelledAgreementsAndSchedulesOutsideThePeriod() {
		long donorId = donor();
		assertThatThrownBy(() -> contributions.createAgreement(new AgreementTerms("P-" + UUID.randomUUID(), donorId,
				"USD", new BigDecimal("10.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null,
				false, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-06-30"), null,
				List.of(new ScheduleLine(LocalDate.parse("2025-07-01"), new BigDecimal("10.00"))))))
			.satisfies(e -> assertThat(key((BusinessRuleViolation) e)).isEqualTo("agreement.schedule.outsidePeriod"));
		assertThatThrownBy(() -> contributions.createAgreement(new AgreementTerms("P-" + UUID.randomUUID(), donorId,
				"USD", new BigDecimal("10.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null,
				new BigDecimal("0.07"), null, false, null, null, null,
				List.of(new ScheduleLine(LocalDate.parse("2025-07-01"), new BigDecimal("10.00"))))))
			.satisfies(e -> assertThat(key((BusinessRuleViolation) e)).isEqualTo("agreement.psc.approval"));
		var draft = contributions.createAgreement(new AgreementTerms("D-" + UUID.randomUUID(), donorId, "USD",
				new BigDecimal("10.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null,
				new BigDecimal("0.07"), "PSC waiver 2025/12", false, null, null, null,
				List.of(new ScheduleLine(LocalDate.parse("2025-07-01"), new BigDecimal("10.00")))));
		assertThat(draft.status()).isEqualTo(AgreementStatus.DRAFT);
		assertThatThrownBy(() -> receive(draft.id(), "2025-07-01", "10.00", "USD", false))
			.satisfies(e -> assertThat(key((BusinessRuleViolation) e)).isEqualTo("agreement.notSigned"));
		var signed = usdAgreement("10.00", "2025-07-01", "10.00");
		var cancelled = contributions.cancel(signed.id(), signed.version());
		assertThat(cancelled.status()).isEqualTo(AgreementStatus.CANCELLED);
		assertThatThrownBy(() -> receive(signed.id(), "2025-07-01", "10.00", "USD", false))
			.satisfies(e -> assertThat(key((BusinessRuleViolation) e)).isEqualTo("agreement.cancelled"));
	}

	void expectProblem(String body, int status, String code) throws Exception {
		var result = mvc.perform(post("/api/v1/agreements").with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().is(status));
		result.andExpect(
				org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
					.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		if (code != null) {
			result.andExpect(jsonPath("$.code").value(code));
		}
	}

	HttpResponse<String> send(String path, String body, String header, String value, String user) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":tafund-demo-2026").getBytes()))
			.header("Content-Type", "application/json")
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	interface Call {

		HttpResponse<String> send() throws Exception;

	}

	static List<HttpResponse<String>> concurrently(int n, Call call) throws Exception {
		var pool = Executors.newFixedThreadPool(n);
		var start = new CountDownLatch(1);
		try {
			var futures = new ArrayList<Future<HttpResponse<String>>>();
			for (int i = 0; i < n; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.send();
				}));
			}
			start.countDown();
			var responses = new ArrayList<HttpResponse<String>>();
			for (var future : futures) {
				responses.add(future.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
