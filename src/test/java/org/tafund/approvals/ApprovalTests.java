package org.tafund.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.AgreementView;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.shared.Money;
import org.tafund.support.IntegrationTest;

import com.jayway.jsonpath.JsonPath;

/**
 * Maker-checker on the real database: a receipt above the threshold posts nothing until a second
 * person approves it, and then exactly its amount; nobody approves their own record.
 */
@IntegrationTest
class ApprovalTests {

	static final LocalDate SIGNED = LocalDate.parse("2025-01-15");

	static final String RECEIVED_ON = "2025-02-10";

	@Autowired
	MockMvc mvc;

	@Autowired
	Approvals approvals;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.tafund.projects.ProjectManagement projects;

	@Autowired
	org.tafund.reference.ReferenceCatalogue reference;

	@Autowired
	org.tafund.security.UserManagement users;

	// Each test's own people: names nobody else uses, so that "awaiting me" holds only this test's records.
	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	final RequestPostProcessor maker = user("maker-" + suffix).roles("FINANCE");

	final RequestPostProcessor checker = user("checker-" + suffix).roles("FINANCE", "APPROVER");

	final RequestPostProcessor officerWithoutApproval = user("other-" + suffix).roles("FINANCE");

	final RequestPostProcessor admin = user("admin-" + suffix).roles("ADMIN");

	final RequestPostProcessor secondAdmin = user("admin2-" + suffix).roles("ADMIN");

	List<Approvals.PolicyView> before;

	@BeforeEach
	void receiptsAboveOneHundredThousandNeedASecondPerson() {
		before = approvals.policies();
		approvals.setPolicy(ApprovalAction.RECEIPT, true, new BigDecimal("100000.00"));
	}

	// The policy is the whole application's: left as it was for every other test.
	@AfterEach
	void restorePolicies() {
		before.forEach(policy -> approvals.setPolicy(policy.action(), policy.required(), policy.thresholdUsd()));
	}

	AgreementView agreement() {
		var donor = donors.register(new DonorDetails("Approval Test Donor " + UUID.randomUUID(), DonorType.FOUNDATION,
				null, null, null, null, true, List.of())).id();
		return contributions.createAgreement(new AgreementTerms("APP-" + UUID.randomUUID(), donor, "USD",
				new BigDecimal("500000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, SIGNED, List.of(new ScheduleLine(LocalDate.parse("2025-03-01"), new BigDecimal("500000.00")))));
	}

	String receipt(String amount, String reference) {
		return "{\"receivedOn\":\"" + RECEIVED_ON + "\",\"amount\":\"" + amount
				+ "\",\"currency\":\"USD\",\"bankReference\":\"" + reference + "\"}";
	}

	/** Posts a receipt and returns the response body. */
	String postReceipt(long agreementId, RequestPostProcessor who, String amount, String reference, int status)
			throws Exception {
		return mvc
			.perform(post("/api/v1/agreements/{id}/receipts", agreementId).with(who)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(receipt(amount, reference)))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	org.springframework.test.web.servlet.ResultActions decide(long id, String decision, RequestPostProcessor who,
			String body) throws Exception {
		var request = post("/api/v1/approvals/{id}/" + decision, id).with(who).with(csrf());
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request);
	}

	/** What the journal holds on an account for the agreement, debits less credits. */
	BigDecimal booked(long agreementId, String account) {
		return jdbc.queryForObject("select coalesce(sum(debit_usd - credit_usd), 0) from journal_line "
				+ "where agreement_id = ? and account_code = ?", BigDecimal.class, agreementId, account);
	}

	static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void aReceiptAboveTheThresholdPostsNothingUntilASecondPersonApprovesIt() throws Exception {
		var agreement = agreement();
		var receivableBefore = booked(agreement.id(), "RECEIVABLE");
		assertThat(receivableBefore).isEqualByComparingTo("500000.00");

		var pending = postReceipt(agreement.id(), maker, "150000.00", "BANK-A", 202);
		assertThat((String) JsonPath.read(pending, "$.status")).isEqualTo("PENDING");
		assertThat((String) JsonPath.read(pending, "$.madeBy")).isEqualTo("maker-" + suffix);
		assertThat(new BigDecimal(JsonPath.read(pending, "$.amountUsd").toString())).isEqualByComparingTo("150000.00");
		var id = id(pending);

		// Pending: no receipt, nothing in the books, the balance as it was; shown on the agreement.
		assertThat(contributions.agreement(agreement.id()).receipts()).isEmpty();
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("0");
		assertThat(booked(agreement.id(), "RECEIVABLE")).isEqualByComparingTo(receivableBefore);
		assertThat(approvals.pendingOf("AGREEMENT", agreement.id())).extracting(ApprovalView::id).containsExactly(id);
		assertThat(approvals.pendingUsd(ApprovalAction.RECEIPT)).isGreaterThanOrEqualTo(new BigDecimal("150000.00"));

		// Its maker cannot approve it, on the API nor on the page.
		decide(id, "approve", maker, null).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("approval.ownRecord"));
		mvc.perform(post("/approvals/{id}/approve", id).with(maker).with(csrf()))
			.andExpect(redirectedUrl("/approvals#approval-" + id))
			.andExpect(flash().attribute("problem", org.hamcrest.Matchers.<Object>hasProperty("codes",
					org.hamcrest.Matchers.hasItemInArray("approval.ownRecord"))));
		// Nor can a finance officer without the approver role.
		decide(id, "approve", officerWithoutApproval, null).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("approval.notApprover"));
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("0");

		// The agreement page shows it apart, with the pending figure.
		mvc.perform(get("/contributions/agreements/{id}", agreement.id()).with(maker))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Pending: USD 150,000.00 in 1 record")));
		// The checker sees it awaiting them, and in the menu's count.
		mvc.perform(get("/api/v1/approvals").with(checker))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + id + ")].summary").value(
					org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("150,000.00 USD received on 10 Feb 2025 (BANK-A)"))));
		// In French, in French words and separators (the helper found the English text on French pages).
		mvc.perform(get("/approvals").param("lang", "fr").with(checker))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("150\u202f000,00 USD reçus le 10 févr. 2025 (BANK-A)")));
		mvc.perform(get("/approvals").with(checker))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"approve-" + id + "\"")));

		// A second person's approval books it: exactly its amount, once.
		decide(id, "approve", checker, "{\"reason\":\"Bank statement checked\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decidedBy").value("checker-" + suffix))
			.andExpect(jsonPath("$.resultRef").value(org.hamcrest.Matchers.startsWith("Receipt ")));
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("150000.00");
		assertThat(booked(agreement.id(), "RECEIVABLE")).isEqualByComparingTo(receivableBefore.subtract(new BigDecimal("150000.00")));
		var receipts = contributions.agreement(agreement.id()).receipts();
		assertThat(receipts).singleElement().satisfies(r -> {
			assertThat(r.amount()).isEqualTo(Money.usd("150000.00"));
			assertThat(r.bankReference()).isEqualTo("BANK-A");
			assertThat(r.receivedOn()).isEqualTo(LocalDate.parse(RECEIVED_ON));
		});
		assertThat(approvals.pendingOf("AGREEMENT", agreement.id())).isEmpty();

		// Decided once: a second approval books nothing more.
		decide(id, "approve", secondAdmin, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("approval.notPending"));
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("150000.00");
		// And the decision is in the audit trail.
		assertThat(jdbc.queryForObject("select count(*) from approval_request_aud where id = ? and status = 'APPROVED'",
				Integer.class, id)).isEqualTo(1);
	}

	@Test
	void anAdministratorDoesNotApproveTheirOwnRecordEither() throws Exception {
		var agreement = agreement();
		var id = id(postReceipt(agreement.id(), admin, "120000.00", "BANK-ADMIN", 202));
		decide(id, "approve", admin, null).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("approval.ownRecord"));
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("0");
		decide(id, "approve", secondAdmin, null).andExpect(status().isOk());
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("120000.00");
	}

	@Test
	void aRejectionBooksNothingAndASecondPendingReceiptOfTheSameIsRefused() throws Exception {
		var agreement = agreement();
		var id = id(postReceipt(agreement.id(), maker, "200000.00", "BANK-DUP", 202));
		var duplicate = postReceipt(agreement.id(), maker, "200000.00", "BANK-DUP", 422);
		assertThat((String) JsonPath.read(duplicate, "$.code")).isEqualTo("approval.duplicate");
		// Another reference is another receipt.
		var other = id(postReceipt(agreement.id(), maker, "200000.00", "BANK-OTHER", 202));

		decide(id, "reject", checker, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("approval.reason.required"));
		decide(id, "reject", checker, "{\"reason\":\"Not on the bank statement\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.decisionReason").value("Not on the bank statement"));
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("0");
		assertThat(contributions.agreement(agreement.id()).receipts()).isEmpty();

		// Only its maker withdraws a pending record.
		decide(other, "withdraw", checker, null).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("approval.withdraw.notMaker"));
		decide(other, "withdraw", maker, null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));
		assertThat(approvals.pendingOf("AGREEMENT", agreement.id())).isEmpty();
		// Decided: the same receipt may be asked for again.
		postReceipt(agreement.id(), maker, "200000.00", "BANK-DUP", 202);
	}

	@Test
	void atOrBelowTheThresholdAReceiptIsBookedAtOnce() throws Exception {
		var agreement = agreement();
		postReceipt(agreement.id(), maker, "100000.00", "BANK-LOW", 201);
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("100000.00");
		assertThat(approvals.pendingOf("AGREEMENT", agreement.id())).isEmpty();
	}

	@Test
	void aReversalAndARefundUnderApprovalWaitAsReceiptsDo() throws Exception {
		var agreement = agreement();
		var receipt = contributions.recordReceipt(agreement.id(),
				new ReceiptCommand(LocalDate.parse(RECEIVED_ON), new BigDecimal("80000.00"), "USD", "BANK-R", null, false));
		approvals.setPolicy(ApprovalAction.RECEIPT_REVERSAL, true, null);
		approvals.setPolicy(ApprovalAction.REFUND, true, new BigDecimal("1000.00"));

		var reversal = mvc
			.perform(post("/api/v1/receipts/{id}/reversal", receipt.id()).with(maker)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Booked twice\"}"))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var refund = mvc
			.perform(post("/api/v1/agreements/{id}/refunds", agreement.id()).with(maker)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"refundedOn\":\"" + RECEIVED_ON + "\",\"amount\":\"5000.00\",\"reason\":\"Unspent\"}"))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("80000.00");
		assertThat(contributions.agreement(agreement.id()).refunds()).isEmpty();

		decide(id(refund), "approve", checker, null).andExpect(status().isOk());
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("75000.00");
		// The reversal is refused on approval while the refund depends on the receipt: it stays pending.
		decide(id(reversal), "approve", checker, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("receipt.reversal.belowRefunded"));
		assertThat(approvals.get(id(reversal)).status()).isEqualTo(ApprovalStatus.PENDING);
		assertThat(booked(agreement.id(), "CASH")).isEqualByComparingTo("75000.00");
	}

	@Test
	void anAllocationAndExpenditureUnderApprovalWaitAndAreBookedByTheChecker() throws Exception {
		var agreement = agreement();
		long project;
		try (var signedIn = org.tafund.support.SignedIn.as("finance.officer", org.tafund.security.Role.FINANCE)) {
			project = projects.createProject(new org.tafund.projects.ProjectDetails("APR-" + suffix, "Approvals project",
					null, org.tafund.projects.Codes.Theme.MLA, java.util.Set.of(), java.util.Set.of("SEN"),
					reference.implementingEntity("UNODC-HQ").orElseThrow().id(), java.util.Set.of("project.manager"), null,
					null, null, null, 2, "15130", null, java.util.Set.of(), List.of()))
				.id();
		}
		approvals.setPolicy(ApprovalAction.ALLOCATION, true, null);
		approvals.setPolicy(ApprovalAction.EXPENDITURE, true, new BigDecimal("1000.00"));

		var allocation = mvc
			.perform(post("/api/v1/allocations").with(maker)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"agreementId\":" + agreement.id() + ",\"projectId\":" + project
						+ ",\"amountUsd\":\"40000.00\",\"allocatedOn\":\"2025-02-01\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.subjectType").value("PROJECT"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(listed("/api/v1/projects/" + project + "/allocations")).isEmpty();
		decide(id(allocation), "approve", maker, null).andExpect(status().isForbidden());
		decide(id(allocation), "approve", checker, null).andExpect(status().isOk());
		assertThat(listed("/api/v1/projects/" + project + "/allocations")).singleElement()
			.satisfies(a -> assertThat(a).contains("\"amountUsd\":{\"amount\":\"40000.00\""));

		// 5,000.00 with 13% PSC: 5,650.00 USD, above the threshold.
		var expenditure = mvc
			.perform(post("/api/v1/expenditures").with(maker)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"projectId\":" + project + ",\"spentOn\":\"2025-03-01\",\"category\":\"TRAVEL\","
						+ "\"amount\":\"5000.00\",\"currency\":\"USD\",\"reference\":\"TA-1\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.amountUsd").value(5650.00))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(listed("/api/v1/projects/" + project + "/expenditures")).isEmpty();
		assertThat(spentInTheBooks(project)).isEqualByComparingTo("0");
		decide(id(expenditure), "approve", checker, null).andExpect(status().isOk());
		assertThat(listed("/api/v1/projects/" + project + "/expenditures")).hasSize(1);
		assertThat(spentInTheBooks(project)).isEqualByComparingTo("5000.00");
	}

	/** The rows of a list the API answers, each as JSON. */
	List<String> listed(String path) throws Exception {
		var body = mvc.perform(get(path).with(checker)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		List<Object> rows = JsonPath.read(body, "$");
		return rows.stream().map(row -> com.jayway.jsonpath.JsonPath.parse(row).jsonString()).toList();
	}

	BigDecimal spentInTheBooks(long projectId) {
		return jdbc.queryForObject("select coalesce(sum(debit_usd - credit_usd), 0) from journal_line "
				+ "where project_id = ? and account_code like 'EXP%'", BigDecimal.class, projectId);
	}

	@Test
	void newRatesUnderApprovalAreStoredOnlyOnceApproved() throws Exception {
		approvals.setPolicy(ApprovalAction.RATE_IMPORT, true, null);
		// A day of 1991 no run has used for this currency.
		var day = LocalDate.parse("1991-01-01").plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(3000));
		while (rateStored("ISK", day) || rateStored("ISK", day.plusDays(1))) {
			day = day.plusDays(2);
		}
		var typed = mvc
			.perform(post("/api/v1/exchange-rates").with(maker)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currency\":\"ISK\",\"effectiveDate\":\"" + day + "\",\"unitsPerUsd\":\"58.25\"}"))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rateStored("ISK", day)).isFalse();
		var file = "currency,effective_date,units_per_usd\nISK," + day.plusDays(1) + ",58.50\n";
		var imported = mvc.perform(post("/api/v1/exchange-rates/import").with(maker).with(csrf()).contentType("text/csv")
			.content(file)).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
		assertThat(rateStored("ISK", day.plusDays(1))).isFalse();
		// A file with a refused line is refused as before, line by line, and nothing waits.
		mvc.perform(post("/api/v1/exchange-rates/import").with(maker).with(csrf()).contentType("text/csv")
			.content("currency,effective_date,units_per_usd\nISK," + day.plusDays(1) + ",-1\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rejections[0].line").value(2));

		decide(id(typed), "approve", checker, null).andExpect(status().isOk());
		decide(id(imported), "approve", checker, null).andExpect(status().isOk())
			.andExpect(jsonPath("$.resultRef").value("1 exchange rates"));
		assertThat(rateStored("ISK", day)).isTrue();
		assertThat(rateStored("ISK", day.plusDays(1))).isTrue();
	}

	boolean rateStored(String currency, LocalDate day) {
		return jdbc.queryForObject("select count(*) from exchange_rate where currency = ? and effective_date = ?",
				Integer.class, currency, day) > 0;
	}

	@Test
	void aRevaluationRunUnderApprovalDoesNotRunUntilApproved() throws Exception {
		approvals.setPolicy(ApprovalAction.REVALUATION_RUN, true, null);
		var pending = mvc
			.perform(post("/api/v1/revaluations").with(maker)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"periodEnd\":\"2024-02-29\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.action").value("REVALUATION_RUN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(runsAt("2024-02-29")).isZero();
		// Rejected: it never runs.
		decide(id(pending), "reject", checker, "{\"reason\":\"Rates of February not final\"}").andExpect(status().isOk());
		assertThat(runsAt("2024-02-29")).isZero();
	}

	int runsAt(String periodEnd) {
		return jdbc.queryForObject("select count(*) from revaluation_run where period_end = ?", Integer.class,
				LocalDate.parse(periodEnd));
	}

	@Test
	void aRoleChangeUnderApprovalIsMadeByAnotherAdministrator() throws Exception {
		approvals.setPolicy(ApprovalAction.USER_ROLES, true, null);
		var user = users.create(new org.tafund.security.NewUser("rc-" + suffix, "Role Change", null,
				"a long enough password 2026", java.util.Set.of(org.tafund.security.Role.AUDITOR)));
		mvc.perform(post("/admin/users/{id}/roles", user.id()).with(admin)
			.with(csrf())
			.param("version", String.valueOf(user.version()))
			.param("roles", "FINANCE"))
			.andExpect(flash().attribute("message", "approval.submitted"));
		assertThat(users.get(user.id()).roles()).containsExactly(org.tafund.security.Role.AUDITOR);
		var pending = approvals.pendingOf("USER", user.id());
		assertThat(pending).singleElement().satisfies(p -> assertThat(p.action()).isEqualTo(ApprovalAction.USER_ROLES));
		decide(pending.get(0).id(), "approve", admin, null).andExpect(status().isForbidden());
		// A finance approver does not approve what only administrators may do.
		decide(pending.get(0).id(), "approve", checker, null).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("approval.notApprover"));
		decide(pending.get(0).id(), "approve", secondAdmin, null).andExpect(status().isOk());
		assertThat(users.get(user.id()).roles()).containsExactly(org.tafund.security.Role.FINANCE);
	}

	@Test
	void aRecordNobodySignedInForCannotWaitForApproval() {
		var agreement = agreement();
		// Maker-checker tells people apart: work with nobody signed in has no maker.
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> contributions.submitReceipt(agreement.id(), new ReceiptCommand(
					LocalDate.parse(RECEIVED_ON), new BigDecimal("300000.00"), "USD", "BANK-NOBODY", null, false)))
			.satisfies(e -> assertThat(((MessageSourceResolvable) e).getCodes()).contains("approval.signedInOnly"));
		assertThat(approvals.pendingOf("AGREEMENT", agreement.id())).isEmpty();
	}

	// The browser tour typed "abc" and got a bare "HTTP 400" page.
	@Test
	void aThresholdThatIsNotAnAmountIsRefusedWithAMessageOnThePage() throws Exception {
		mvc.perform(post("/admin/approvals/REFUND").with(admin).with(csrf()).param("required", "true").param("threshold", "abc"))
			.andExpect(redirectedUrl("/admin/approvals#policy-REFUND"))
			.andExpect(flash().attribute("problem", org.hamcrest.Matchers.<Object>hasProperty("codes",
					org.hamcrest.Matchers.hasItemInArray("approval.threshold.notAnAmount"))));
		assertThat(approvals.policies().stream().filter(p -> p.action() == ApprovalAction.REFUND).findFirst().orElseThrow()
			.required()).isEqualTo(before.stream().filter(p -> p.action() == ApprovalAction.REFUND).findFirst().orElseThrow()
				.required());
	}

	@Test
	void aNegativeThresholdIsRefused() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> approvals.setPolicy(ApprovalAction.REFUND, true, new BigDecimal("-1")))
			.satisfies(e -> assertThat(((MessageSourceResolvable) e).getCodes()).contains("approval.threshold.negative"));
	}

}
