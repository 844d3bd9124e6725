package org.tafund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.support.ConcurrentPosts;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;
import org.tafund.support.Unique;

/**
 * The rules of agreements, pledges, receipts and refunds, each refused with its code: through the
 * API (422 and the problem's {@code code}) where a request can break it, else through the page
 * that offers the action, else at the service, whose Java callers get the same rules.
 */
@IntegrationTest
class ContributionRefusalTests {

	static final String DONOR_OFFICER = "donor.officer";

	static final String FINANCE_OFFICER = "finance.officer";

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	long donor() {
		return donors.register(new DonorDetails(Unique.name("Refusal Test Donor"), DonorType.FOUNDATION, null, null,
				null, null, true, List.of())).id();
	}

	/** A USD agreement of 1,000.00 due on 2025-06-30, signed on 2025-01-15 unless {@code signedOn} is null. */
	AgreementView agreement(LocalDate signedOn) {
		return contributions.createAgreement(terms(donor(), "1000.00", signedOn,
				List.of(new ScheduleLine(LocalDate.parse("2025-06-30"), new BigDecimal("1000.00")))));
	}

	static AgreementTerms terms(long donorId, String amount, LocalDate signedOn, List<ScheduleLine> schedule) {
		return new AgreementTerms(Unique.name("CR"), donorId, "USD", new BigDecimal(amount),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null, signedOn,
				schedule);
	}

	static final LocalDate SIGNED = LocalDate.parse("2025-01-15");

	ReceiptView receive(long agreementId, String date, String amount) {
		return contributions.recordReceipt(agreementId,
				new ReceiptCommand(LocalDate.parse(date), new BigDecimal(amount), "USD", null, null, false));
	}

	/** The code of the rule that {@code call} breaks. */
	static String code(ThrowingCallable call) {
		var thrown = catchThrowable(call);
		assertThat(thrown).isInstanceOf(BusinessRuleViolation.class);
		return ((BusinessRuleViolation) thrown).messageKey();
	}

	static MockHttpServletRequestBuilder json(String path, String body) {
		return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	void expectRefusal(MockHttpServletRequestBuilder request, String user, String code) throws Exception {
		mvc.perform(request.with(httpBasic(user, "tafund-demo-2026")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value(code));
	}

	static String agreementJson(long donorId, String reference, String more) {
		return """
				{"donorId":%d,"reference":"%s","currency":"USD","amount":"1000.00","window":"CPCJF_GENERAL_PURPOSE",
				 "signedOn":"2025-01-15","instalments":[{"dueOn":"2025-06-30","amount":"1000.00"}]%s}"""
			.formatted(donorId, reference, more);
	}

	@Test
	void refusesAgreementTermsThatBreakARuleAndStoresNone() throws Exception {
		long donor = donor();
		var references = List.of(Unique.name("CR-PNI"), Unique.name("CR-LEVEL"), Unique.name("CR-TARGET"),
				Unique.name("CR-PSC"), Unique.name("CR-PERIOD"), Unique.name("CR-PLEDGE"));
		expectRefusal(json("/api/v1/agreements", agreementJson(donor, references.get(0), "")
			.replace("CPCJF_GENERAL_PURPOSE", "PNI_INSTITUTE")), DONOR_OFFICER, "agreement.pni.required");
		expectRefusal(json("/api/v1/agreements", agreementJson(donor, references.get(1), ",\"earmarkLevel\":5")),
				DONOR_OFFICER, "agreement.earmark.level");
		expectRefusal(json("/api/v1/agreements", agreementJson(donor, references.get(2), ",\"earmarkLevel\":2")),
				DONOR_OFFICER, "agreement.earmark.target");
		expectRefusal(json("/api/v1/agreements", agreementJson(donor, references.get(3), ",\"pscRate\":\"1.5\"")),
				DONOR_OFFICER, "agreement.psc.range");
		expectRefusal(json("/api/v1/agreements", agreementJson(donor, references.get(4),
				",\"periodStart\":\"2025-12-31\",\"periodEnd\":\"2025-01-01\"")), DONOR_OFFICER,
				"agreement.period.order");
		// A pledge becomes an agreement of its own donor only.
		var pledge = contributions.recordPledge(donor(), LocalDate.parse("2025-01-02"), new BigDecimal("1000.00"),
				"USD", null, null);
		expectRefusal(json("/api/v1/agreements", agreementJson(donor, references.get(5), ",\"pledgeId\":" + pledge.id())),
				DONOR_OFFICER, "pledge.otherDonor");
		assertThat(jdbc.queryForObject("select count(*) from agreement where reference in (?, ?, ?, ?, ?, ?)",
				Integer.class, references.toArray())).isZero();
	}

	@Test
	void aPledgeIsCancelledOnceWithItsReasonAndNeverOnceItBecameAnAgreement() throws Exception {
		long donor = donor();
		var pledge = contributions.recordPledge(donor, LocalDate.parse("2025-03-03"), new BigDecimal("250000.00"), "USD",
				null, null);
		var officer = user("donor.officer").roles("DONOR_RELATIONS");
		var panel = "/contributions/donors/" + donor + "/summary";
		var refused = org.tafund.support.Refused.redirect(mvc, post("/contributions/pledges/" + pledge.id() + "/cancel")
			.param("donorId", String.valueOf(donor))
			.param("version", "0")
			.param("reason", ""), officer, panel);
		var problem = (org.springframework.context.MessageSourceResolvable) refused.getFlashMap().get("pledgeProblem");
		assertThat(problem.getCodes()[0]).isEqualTo("pledge.cancel.reason");
		assertThat(org.tafund.support.Refused.follow(mvc, refused, officer)).contains("Say why the pledge is cancelled.");

		mvc.perform(post("/contributions/pledges/" + pledge.id() + "/cancel").param("donorId", String.valueOf(donor))
			.param("version", "0")
			.param("reason", "The ministry withdrew the announcement.")
			.with(officer)
			.with(csrf())).andExpect(redirectedUrl(panel)).andExpect(flash().attribute("message", "pledge.cancelledNow"));
		var summary = contributions.ofDonor(donor);
		assertThat(summary.pledges()).singleElement().satisfies(p -> {
			assertThat(p.cancelledBy()).isEqualTo("donor.officer");
			assertThat(p.cancellationReason()).isEqualTo("The ministry withdrew the announcement.");
			assertThat(p.open()).isFalse();
		});
		assertThat(summary.pledgedByCurrency()).isEmpty();
		assertThat(code(() -> contributions.cancelPledge(pledge.id(), 1, "Again"))).isEqualTo("pledge.cancelled");
		assertThat(code(() -> contributions.createAgreementFromPledge(pledge.id(),
				terms(donor, "250000.00", SIGNED, List.of(new ScheduleLine(LocalDate.parse("2025-06-30"),
						new BigDecimal("250000.00"))))))).isEqualTo("pledge.cancelled");

		var kept = contributions.recordPledge(donor, LocalDate.parse("2025-03-04"), new BigDecimal("1000.00"), "USD",
				null, null);
		contributions.createAgreementFromPledge(kept.id(), terms(donor, "1000.00", SIGNED,
				List.of(new ScheduleLine(LocalDate.parse("2025-06-30"), new BigDecimal("1000.00")))));
		long version = contributions.pledgesOf(donor).stream().filter(p -> p.id().equals(kept.id())).findFirst()
			.orElseThrow().version();
		assertThat(code(() -> contributions.cancelPledge(kept.id(), version, "Too late"))).isEqualTo(
				"pledge.cancel.becameAgreement");
	}

	@Test
	void refusesIncompleteTermsThatOnlyJavaCallersCanSend() {
		long donor = donor();
		var line = List.of(new ScheduleLine(LocalDate.parse("2025-06-30"), new BigDecimal("1000.00")));
		var blankReference = new AgreementTerms(" ", donor, "USD", new BigDecimal("1000.00"),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null, SIGNED, line);
		assertThat(code(() -> contributions.createAgreement(blankReference))).isEqualTo("agreement.reference.required");
		assertThat(code(() -> contributions.createAgreement(terms(donor, "0.00", SIGNED, line))))
			.isEqualTo("agreement.amount.positive");
		assertThat(code(() -> contributions.createAgreement(terms(donor, "1000.00", SIGNED, List.of()))))
			.isEqualTo("agreement.schedule.required");
		assertThat(code(() -> contributions.createAgreement(terms(donor, "1000.00", SIGNED,
				List.of(new ScheduleLine(LocalDate.parse("2025-06-30"), null))))))
			.isEqualTo("agreement.schedule.incomplete");
		assertThat(code(() -> contributions.createAgreement(terms(donor, "1000.00", SIGNED,
				List.of(new ScheduleLine(LocalDate.parse("2025-03-31"), new BigDecimal("1000.00")),
						new ScheduleLine(LocalDate.parse("2025-06-30"), new BigDecimal("0.00")))))))
			.isEqualTo("agreement.schedule.positive");
		assertThat(contributions.agreementsOf(donor)).isEmpty();

		assertThat(code(() -> contributions.recordPledge(donor, null, new BigDecimal("10.00"), "USD", null, null)))
			.isEqualTo("pledge.date.required");
		assertThat(code(() -> contributions.recordPledge(donor, SIGNED, new BigDecimal("0.00"), "USD", null, null)))
			.isEqualTo("pledge.amount.positive");
		assertThat(contributions.pledgesOf(donor)).isEmpty();
		assertThat(code(() -> contributions.revalue(null))).isEqualTo("revaluation.date.required");
	}

	@Test
	void thePledgeFormShowsAWrongOrMissingAmountBesideItWithWhatWasTyped() throws Exception {
		long donor = donor();
		var officer = user(DONOR_OFFICER).roles("DONOR_RELATIONS");
		// Not well formed: the panel again at once (htmx puts it in place of the panel), message beside the amount.
		for (var amount : new String[][] { { null, "NotNull", "Give the pledged amount." },
				{ "12,5O", "typeMismatch", "Amount: “12,5O” is not an amount." },
				{ "-5.00", "Positive", "The pledged amount must be more than zero." } }) {
			var request = post("/contributions/pledges").with(officer)
				.with(csrf())
				.param("donorId", String.valueOf(donor))
				.param("pledgedOn", "2025-01-02")
				.param("currency", "EUR");
			if (amount[0] != null) {
				request.param("amount", amount[0]);
			}
			mvc.perform(request)
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrorCode("pledgeForm", "amount", amount[1]))
				.andExpect(content().string(containsString("id=\"donor-contributions\"")))
				.andExpect(content().string(containsString(
						"<div class=\"invalid-feedback\" id=\"pledgeAmount-error\">" + amount[2] + "</div>")))
				.andExpect(content().string(containsString("value=\"" + (amount[0] == null ? "" : amount[0]) + "\"")))
				.andExpect(content().string(containsString("value=\"2025-01-02\"")))
				.andExpect(content().string(containsString("value=\"EUR\"")));
		}
		assertThat(contributions.pledgesOf(donor)).isEmpty();

		// Refused by a rule (dated after today): the redirect, followed by htmx, shows the panel with the
		// reason beside the date and the amount as typed.
		var future = LocalDate.now(clock).plusDays(3).toString();
		var refused = Refused.redirect(mvc, post("/contributions/pledges").param("donorId", String.valueOf(donor))
			.param("pledgedOn", future)
			.param("amount", "2500.00")
			.param("currency", "EUR"), officer, "/contributions/donors/" + donor + "/summary");
		assertThat(Refused.fieldError(refused, "pledgeForm", "pledgedOn")).isEqualTo("date.future");
		assertThat(Refused.follow(mvc, refused, officer)).contains("id=\"pledgedOn-error\"")
			.contains("value=\"2500.00\"")
			.contains("value=\"" + future + "\"");
		assertThat(contributions.pledgesOf(donor)).isEmpty();

		// Well formed and allowed: recorded, and the panel says so.
		var recorded = mvc.perform(post("/contributions/pledges").with(officer)
			.with(csrf())
			.param("donorId", String.valueOf(donor))
			.param("pledgedOn", "2025-01-02")
			.param("amount", "2500.00")
			.param("currency", "USD"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/contributions/donors/" + donor + "/summary"))
			.andExpect(flash().attribute("message", "pledge.recorded"))
			.andReturn();
		assertThat(Refused.follow(mvc, recorded, officer)).contains("The pledge has been recorded.");
		assertThat(contributions.pledgesOf(donor)).singleElement()
			.satisfies(p -> assertThat(p.amount()).isEqualTo(Money.usd("2500.00")));
	}

	@Test
	void anAgreementIsSignedOnceAndOnADate() {
		var draft = agreement(null);
		assertThat(code(() -> contributions.sign(draft.id(), draft.version(), null)))
			.isEqualTo("agreement.signedOn.required");
		var signed = contributions.sign(draft.id(), draft.version(), SIGNED);
		assertThat(signed.signedOn()).isEqualTo(SIGNED);
		assertThat(code(() -> contributions.sign(draft.id(), signed.version(), LocalDate.parse("2025-02-01"))))
			.isEqualTo("agreement.alreadySigned");
		assertThat(contributions.agreement(draft.id()).signedOn()).isEqualTo(SIGNED);
	}

	@Test
	void aClosedAgreementTakesNoMoneyAndOneWithCashCannotBeCancelled() throws Exception {
		var officer = user(DONOR_OFFICER).roles("DONOR_RELATIONS");
		var paid = agreement(SIGNED);
		receive(paid.id(), "2025-02-01", "400.00");
		mvc.perform(post("/contributions/agreements/{id}/cancel", paid.id()).with(officer)
			.with(csrf())
			.param("version", String.valueOf(contributions.agreement(paid.id()).version())))
			.andExpect(redirectedUrl("/contributions/agreements/" + paid.id() + "#agreement-actions"))
			.andExpect(flash().attribute("actionProblem", hasProperty("code", is("agreement.cancel.received"))));
		assertThat(contributions.agreement(paid.id()).status()).isNotEqualTo(AgreementStatus.CANCELLED);
		// 600.00 is still owed: it is settled before the agreement closes.
		mvc.perform(post("/contributions/agreements/{id}/close", paid.id()).with(officer)
			.with(csrf())
			.param("version", String.valueOf(contributions.agreement(paid.id()).version())))
			.andExpect(redirectedUrl("/contributions/agreements/" + paid.id() + "#agreement-actions"))
			.andExpect(flash().attribute("actionProblem", hasProperty("code", is("agreement.close.outstanding"))));
		receive(paid.id(), "2025-02-15", "600.00");

		mvc.perform(post("/contributions/agreements/{id}/close", paid.id()).with(officer)
			.with(csrf())
			.param("version", String.valueOf(contributions.agreement(paid.id()).version())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "agreement.closedNow"));
		assertThat(contributions.agreement(paid.id()).status()).isEqualTo(AgreementStatus.CLOSED);
		expectRefusal(json("/api/v1/agreements/" + paid.id() + "/receipts",
				"{\"receivedOn\":\"2025-03-01\",\"amount\":\"100.00\",\"currency\":\"USD\"}"), FINANCE_OFFICER,
				"agreement.closed");
		mvc.perform(post("/contributions/agreements/{id}/close", paid.id()).with(officer)
			.with(csrf())
			.param("version", String.valueOf(contributions.agreement(paid.id()).version())))
			.andExpect(redirectedUrl("/contributions/agreements/" + paid.id() + "#agreement-actions"))
			.andExpect(flash().attribute("actionProblem", hasProperty("code", is("agreement.closed"))));
		assertThat(contributions.agreement(paid.id()).position().received()).isEqualTo(Money.usd("1000.00"));
	}

	@Test
	void refusesAmendmentsOfDraftsBelowWhatWasReceivedOrWithoutDateOrReason() throws Exception {
		var amendment = """
				{"amendedOn":"2025-03-01","reason":"Revised","amount":"500.00","instalments":[{"dueOn":"2025-06-30","amount":"500.00"}]}""";
		var draft = agreement(null);
		expectRefusal(json("/api/v1/agreements/" + draft.id() + "/amendments", amendment)
			.header("If-Match", "\"" + draft.version() + "\""), DONOR_OFFICER, "agreement.amend.draft");

		var signed = agreement(SIGNED);
		receive(signed.id(), "2025-02-01", "600.00");
		var version = contributions.agreement(signed.id()).version();
		expectRefusal(json("/api/v1/agreements/" + signed.id() + "/amendments", amendment)
			.header("If-Match", "\"" + version + "\""), DONOR_OFFICER, "agreement.amend.belowReceived");
		var schedule = List.of(new ScheduleLine(LocalDate.parse("2025-06-30"), new BigDecimal("800.00")));
		assertThat(code(() -> contributions.amend(signed.id(), version, null, "Revised", new BigDecimal("800.00"),
				schedule))).isEqualTo("amendment.date.required");
		assertThat(code(() -> contributions.amend(signed.id(), version, LocalDate.parse("2025-03-01"), " ",
				new BigDecimal("800.00"), schedule))).isEqualTo("agreement.amend.reason");
		assertThat(contributions.agreement(signed.id()).amendments()).isEmpty();
		assertThat(contributions.agreement(draft.id()).amendments()).isEmpty();
	}

	@Test
	void refusesReceiptsBeforeTheSignatureAndTheReversalOfAReversal() throws Exception {
		var agreement = agreement(SIGNED);
		expectRefusal(json("/api/v1/agreements/" + agreement.id() + "/receipts",
				"{\"receivedOn\":\"2025-01-10\",\"amount\":\"100.00\",\"currency\":\"USD\"}"), FINANCE_OFFICER,
				"receipt.beforeSignature");
		var receipt = receive(agreement.id(), "2025-02-01", "100.00");
		var reversal = mvc.perform(json("/api/v1/receipts/" + receipt.id() + "/reversal", "{\"reason\":\"Wrong agreement\"}")
			.with(httpBasic(FINANCE_OFFICER, "tafund-demo-2026")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long reversalId = ((Number) com.jayway.jsonpath.JsonPath.read(reversal, "$.id")).longValue();
		expectRefusal(json("/api/v1/receipts/" + reversalId + "/reversal", "{\"reason\":\"Undo the undo\"}"),
				FINANCE_OFFICER, "receipt.reverseReversal");
		assertThat(contributions.agreement(agreement.id()).receipts()).hasSize(2);
	}

	@Test
	void refusesReceiptsAndRefundsThatOnlyJavaCallersCanSend() {
		var agreement = agreement(SIGNED);
		assertThat(code(() -> contributions.recordReceipt(agreement.id(),
				new ReceiptCommand(null, new BigDecimal("10.00"), "USD", null, null, false))))
			.isEqualTo("receipt.date.required");
		assertThat(code(() -> receive(agreement.id(), "2025-02-01", "0.00"))).isEqualTo("receipt.amount.positive");
		var receipt = receive(agreement.id(), "2025-02-01", "500.00");
		assertThat(code(() -> contributions.reverseReceipt(receipt.id(), " "))).isEqualTo("receipt.reversal.reason");

		var march = LocalDate.parse("2025-03-01");
		assertThat(code(() -> contributions.refund(agreement.id(), null, new BigDecimal("10.00"), "Returned")))
			.isEqualTo("refund.date.required");
		assertThat(code(() -> contributions.refund(agreement.id(), march, new BigDecimal("0.00"), "Returned")))
			.isEqualTo("refund.amount.positive");
		assertThat(code(() -> contributions.refund(agreement.id(), march, new BigDecimal("10.00"), " ")))
			.isEqualTo("refund.reason");
		var position = contributions.agreement(agreement.id()).position();
		assertThat(position.received()).isEqualTo(Money.usd("500.00"));
		assertThat(position.refunded()).isEqualTo(Money.usd("0.00"));
	}

	@Test
	void twoReceiptsThatTogetherExceedWhatIsOutstandingLetOneThrough() throws Exception {
		var agreement = agreement(SIGNED);
		var body = "{\"receivedOn\":\"2025-02-01\",\"amount\":\"600.00\",\"currency\":\"USD\"}";
		var responses = ConcurrentPosts.post(port, FINANCE_OFFICER, "/api/v1/agreements/" + agreement.id() + "/receipts",
				List.of(body, body));
		assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 422);
		assertThat(ConcurrentPosts.codes(responses)).containsExactly("receipt.exceedsOutstanding");
		assertThat(contributions.agreement(agreement.id()).position().received()).isEqualTo(Money.usd("600.00"));
	}

}
