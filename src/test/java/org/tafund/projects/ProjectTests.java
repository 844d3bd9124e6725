package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.EarmarkKind;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ReceiptView;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Theme;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.support.IntegrationTest;
import org.tafund.support.SignedIn;
import org.tafund.support.TestRates;

@IntegrationTest
class ProjectTests {

	@Autowired
	ProjectManagement projects;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	long agreement(String amount, int earmarkLevel, EarmarkKind kind, String target) {
		long donor = donors.register(new DonorDetails("Project Test Donor " + UUID.randomUUID(), DonorType.FOUNDATION,
				null, null, null, null, true, List.of())).id();
		return contributions.createAgreement(new AgreementTerms("PT-" + UUID.randomUUID(), donor, "USD",
				new BigDecimal(amount), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, earmarkLevel, kind, target, null,
				null, false, null, null, LocalDate.parse("2024-01-10"),
				List.of(new ScheduleLine(LocalDate.parse("2024-12-31"), new BigDecimal(amount))))).id();
	}

	/** Creates a project as a finance officer would, straight through the service. */
	ProjectView project(Theme theme, String country, String manager, int status) {
		try (var financeOfficer = SignedIn.as("finance.officer", Role.FINANCE)) {
			return createProject(theme, country, manager, status);
		}
	}

	private ProjectView createProject(Theme theme, String country, String manager, int status) {
		return projects.createProject(new ProjectDetails("P-" + UUID.randomUUID().toString().substring(0, 8), "Test " + theme,
				null, theme, Set.of(Codes.Instrument.UNTOC), Set.of(country),
				reference.implementingEntity("UNODC-ROSEN").orElseThrow().id(), Set.of(manager), null, null, null, null,
				status, "15130", null, Set.of(),
				List.of(new ProjectDetails.Budget(2024, BudgetCategory.TRAVEL, new BigDecimal("5000.00")))));
	}

	static String key(Throwable e) {
		return ((BusinessRuleViolation) e).messageKey();
	}

	void allocate(long agreement, ProjectView project, String amount) {
		try (var financeOfficer = SignedIn.as("finance.officer", Role.FINANCE)) {
			projects.allocate(agreement, project.id(), new BigDecimal(amount), LocalDate.parse("2024-02-01"));
		}
	}

	@Test
	void allocatesWithinTheEarmarkAndRefusesOutsideIt() {
		var mla = project(Theme.MLA, "SEN", "project.manager", 2);
		var extradition = project(Theme.EXTRADITION, "THA", "project.manager", 2);
		var nigeria = project(Theme.BOTH, "NGA", "project.manager", 2);
		var closed = project(Theme.MLA, "SEN", "project.manager", 4);

		var toMla = agreement("10000.00", 2, EarmarkKind.THEME, "MLA");
		allocate(toMla, mla, "1000.00");
		allocate(toMla, nigeria, "1000.00");
		assertThatThrownBy(() -> allocate(toMla, extradition, "1000.00"))
			.satisfies(e -> assertThat(key(e)).isEqualTo("allocation.earmark"));

		var toNigeria = agreement("10000.00", 3, EarmarkKind.COUNTRY, "NGA");
		allocate(toNigeria, nigeria, "1000.00");
		assertThatThrownBy(() -> allocate(toNigeria, mla, "1000.00"))
			.satisfies(e -> assertThat(key(e)).isEqualTo("allocation.earmark"));

		var toWestAfrica = agreement("10000.00", 2, EarmarkKind.REGION, "Western Africa");
		allocate(toWestAfrica, mla, "1000.00");
		assertThatThrownBy(() -> allocate(toWestAfrica, extradition, "1000.00"))
			.satisfies(e -> assertThat(key(e)).isEqualTo("allocation.earmark"));

		var general = agreement("10000.00", 1, null, null);
		allocate(general, extradition, "1000.00");
		assertThatThrownBy(() -> allocate(general, closed, "1000.00"))
			.satisfies(e -> assertThat(key(e)).isEqualTo("allocation.projectClosed"));
		assertThat(projects.project(mla.id()).allocatedUsd()).isEqualTo(Money.usd("2000.00"));
	}

	@Test
	void refusesAnAllocationAboveWhatTheAgreementStillHasUnallocated() {
		var agreement = agreement("100000.00", 1, null, null);
		var first = project(Theme.MLA, "SEN", "project.manager", 2);
		var second = project(Theme.MLA, "MLI", "project.manager", 2);
		allocate(agreement, first, "60000.00");
		assertThatThrownBy(() -> allocate(agreement, second, "40000.01"))
			.satisfies(e -> {
				assertThat(key(e)).isEqualTo("allocation.exceedsUnallocated");
				assertThat(((BusinessRuleViolation) e).arguments()).contains("40,000.00 USD");
			});
		allocate(agreement, second, "40000.00");
		assertThat(projects.project(second.id()).allocatedUsd()).isEqualTo(Money.usd("40000.00"));
	}

	ReceiptView receive(long agreement, String date, String amount, boolean overpayment) {
		return contributions.recordReceipt(agreement,
				new ReceiptCommand(LocalDate.parse(date), new BigDecimal(amount), "USD", "BANK-P", null, overpayment));
	}

	@Test
	void noChangeOnTheIncomeSideLeavesAllocationsWithoutTheMoneyBehindThem() {
		var project = project(Theme.MLA, "SEN", "project.manager", 2);

		// Unconditional, 100,000 recognised; 60,000 allocated; 105,000 received (5,000 overpaid).
		var paid = agreement("100000.00", 1, null, null);
		allocate(paid, project, "60000.00");
		receive(paid, "2024-03-01", "100000.00", false);
		receive(paid, "2024-03-02", "5000.00", true);
		// Returning the overpayment takes nothing from what the agreement funds ...
		contributions.refund(paid, LocalDate.parse("2024-03-10"), new BigDecimal("5000.00"), "Overpaid");
		// ... so 40,000 more is still free: 100,000 - 60,000.
		assertThatThrownBy(() -> contributions.refund(paid, LocalDate.parse("2024-03-11"),
				new BigDecimal("40000.01"), "Returned"))
			.satisfies(e -> {
				assertThat(key(e)).isEqualTo("agreement.allocationsUncovered");
				assertThat(((BusinessRuleViolation) e).arguments()).contains("60,000.00 USD", "59,999.99 USD");
			});
		contributions.refund(paid, LocalDate.parse("2024-03-11"), new BigDecimal("40000.00"), "Returned");
		assertThat(contributions.allocationBasis(paid).fundingUsd()).isEqualTo(Money.usd("60000.00"));

		// An amendment lowering the total below what is allocated, and a cancellation, are refused.
		var receivable = agreement("100000.00", 1, null, null);
		allocate(receivable, project, "30000.00");
		var view = contributions.agreement(receivable);
		assertThatThrownBy(() -> contributions.amend(receivable, view.version(), LocalDate.parse("2024-04-01"),
				"Donor cut", new BigDecimal("20000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2024-12-31"), new BigDecimal("20000.00")))))
			.satisfies(e -> assertThat(key(e)).isEqualTo("agreement.allocationsUncovered"));
		assertThatThrownBy(() -> contributions.cancel(receivable, view.version()))
			.satisfies(e -> assertThat(key(e)).isEqualTo("agreement.allocationsUncovered"));
		assertThat(contributions.agreement(receivable).total()).isEqualTo(Money.usd("100000.00"));
		contributions.amend(receivable, view.version(), LocalDate.parse("2024-04-01"), "Donor cut",
				new BigDecimal("30000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2024-12-31"), new BigDecimal("30000.00"))));

		// A conditional agreement funds only cash: reversing the receipt behind an allocation is refused.
		long donor = donors.register(new DonorDetails("Conditional Donor " + UUID.randomUUID(), DonorType.FOUNDATION,
				null, null, null, null, true, List.of())).id();
		long conditional = contributions.createAgreement(new AgreementTerms("PC-" + UUID.randomUUID(), donor, "USD",
				new BigDecimal("50000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, true,
				null, null, LocalDate.parse("2024-01-10"),
				List.of(new ScheduleLine(LocalDate.parse("2024-12-31"), new BigDecimal("50000.00"))))).id();
		var cash = receive(conditional, "2024-02-01", "50000.00", false);
		allocate(conditional, project, "50000.00");
		assertThatThrownBy(() -> contributions.reverseReceipt(cash.id(), "Bounced"))
			.satisfies(e -> assertThat(key(e)).isEqualTo("agreement.allocationsUncovered"));
		assertThat(contributions.agreement(conditional).receipts()).hasSize(1);
	}

	@Test
	void aReceiptPartlyRefundedCannotBeReversed() {
		var agreement = agreement("1000.00", 1, null, null);
		var receipt = receive(agreement, "2024-02-01", "1000.00", false);
		contributions.refund(agreement, LocalDate.parse("2024-02-05"), new BigDecimal("600.00"), "Returned");
		assertThatThrownBy(() -> contributions.reverseReceipt(receipt.id(), "Wrong agreement"))
			.satisfies(e -> assertThat(key(e)).isEqualTo("receipt.reversal.belowRefunded"));
		assertThat(contributions.agreement(agreement).receipts()).hasSize(1);
	}

	@Test
	void chargesPscOnEachExpenditureLineAndRefusesAnOverdrawWithTheShortfall() {
		TestRates.ensure(rates, "DKK", "2024-03-01", "6.80");
		var project = project(Theme.MLA, "SEN", "project.manager", 2);
		allocate(agreement("2000.00", 1, null, null), project, "2000.00");

		try (var financeOfficer = SignedIn.as("finance.officer", Role.FINANCE)) {
			var line = projects.spend(project.id(), null, LocalDate.parse("2024-03-15"), BudgetCategory.TRAVEL,
					new BigDecimal("10000.00"), "DKK", "PO-1", "Flights for the central authority workshop");
			// 10,000.00 DKK / 6.80 DKK per USD = 1,470.588... -> 1,470.59 USD
			assertThat(line.usd()).isEqualTo(Money.usd("1470.59"));
			// PSC: 1,470.59 x 0.13 = 191.1767 -> 191.18 USD
			assertThat(line.psc()).isEqualTo(Money.usd("191.18"));
			var after = projects.project(project.id());
			// balance: 2,000.00 - 1,470.59 - 191.18 = 338.23
			assertThat(after.balanceUsd()).isEqualTo(Money.usd("338.23"));

			// 300.00 USD costs 300.00 + 39.00 PSC = 339.00, which is 0.77 more than the 338.23 left
			assertThatThrownBy(() -> projects.spend(project.id(), null, LocalDate.parse("2024-03-20"),
					BudgetCategory.TRAVEL, new BigDecimal("300.00"), "USD", "PO-2", null))
				.satisfies(e -> {
					assertThat(key(e)).isEqualTo("expenditure.overdraw");
					assertThat(((BusinessRuleViolation) e).arguments()).containsExactly("339.00 USD", "338.23 USD",
							"0.77 USD");
				});
		}
		assertThat(projects.expenditure(project.id())).hasSize(1);
	}

	@Test
	void refusesParticipantBreakdownsThatDoNotAddUp() throws Exception {
		var project = project(Theme.MLA, "SEN", "project.manager", 2);
		var body = """
				{"projectId":%d,"type":"TRAINING_OR_WORKSHOP","title":"Central authority training","startDate":"2024-05-06",
				 "endDate":"2024-05-08","mode":"IN_PERSON","country":"SEN","city":"Dakar","instruments":["UNTOC"],
				 "participants":{"women":12,"men":10,"sexNotRecorded":0,"centralAuthority":8,"prosecution":6,"judiciary":4,
				 "lawEnforcement":2,"ministry":1,"otherInstitution":%d}}""";
		mvc.perform(post("/api/v1/activities").with(httpBasic("project.manager", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(project.id(), 0)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("participants.mismatch"));
		var tooMany = body.formatted(project.id(), 0).replace("\"women\":12", "\"women\":100012")
			.replace("\"centralAuthority\":8", "\"centralAuthority\":100008");
		mvc.perform(post("/api/v1/activities").with(httpBasic("project.manager", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(tooMany))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("participants.tooMany"));
		mvc.perform(post("/api/v1/activities").with(httpBasic("project.manager", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(project.id(), 1).replace("\"city\":\"Dakar\"", "\"city\":\"" + "D".repeat(101) + "\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("city"));
		mvc.perform(get("/api/v1/activities").param("projectId", project.id().toString())
			.with(httpBasic("auditor", "tafund-demo-2026"))).andExpect(jsonPath("$.length()").value(0));
		mvc.perform(post("/api/v1/activities").with(httpBasic("project.manager", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(project.id(), 1)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.participants.women").value(12));
	}

	@Autowired
	org.tafund.security.UserManagement users;

	@Test
	void anotherManagersProjectIsRefusedByPageAndApi() throws Exception {
		if (users.findByUsername("other.manager").isEmpty()) {
			users.create(new org.tafund.security.NewUser("other.manager", "Other Manager", null, "another long password",
					Set.of(Role.PROJECT_MANAGER)));
		}
		assertThatThrownBy(() -> project(Theme.MLA, "SEN", "finance.officer", 2))
			.satisfies(e -> assertThat(key(e)).isEqualTo("project.manager.notProjectManager"));
		var theirs = project(Theme.EXTRADITION, "SEN", "other.manager", 2);
		mvc.perform(post("/api/v1/expenditures").with(httpBasic("project.manager", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"projectId\":" + theirs.id()
					+ ",\"spentOn\":\"2024-03-10\",\"category\":\"TRAVEL\",\"amount\":\"100.00\",\"currency\":\"USD\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/projects/{id}/expenditures", theirs.id()).with(user("project.manager").roles("PROJECT_MANAGER"))
			.with(csrf())
			.param("spentOn", "2024-03-10")
			.param("category", "TRAVEL")
			.param("amount", "100.00")
			.param("currency", "USD")).andExpect(status().isForbidden());
		mvc.perform(get("/activities/new").param("projectId", theirs.id().toString())
			.with(user("project.manager").roles("PROJECT_MANAGER"))).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/projects/{id}", theirs.id()).with(httpBasic("project.manager", "tafund-demo-2026"))
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(projectJson(theirs.code(), "Taken over"))).andExpect(status().isForbidden());
		assertThat(projects.expenditure(theirs.id())).isEmpty();
	}

	@Test
	void aStaleProjectEditGetsAConflict() throws Exception {
		var mine = project(Theme.MLA, "SEN", "project.manager", 2);
		mvc.perform(put("/api/v1/projects/{id}", mine.id()).with(httpBasic("project.manager", "tafund-demo-2026"))
			.header("If-Match", "\"" + mine.version() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(projectJson(mine.code(), "First edit"))).andExpect(status().isOk());
		mvc.perform(put("/api/v1/projects/{id}", mine.id()).with(httpBasic("project.manager", "tafund-demo-2026"))
			.header("If-Match", "\"" + mine.version() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(projectJson(mine.code(), "Second, stale edit")))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.code").value("conflict.concurrentEdit"));
		assertThat(projects.project(mine.id()).title()).isEqualTo("First edit");
	}

	@Test
	void eightConcurrentRetriesOfOneAllocationRecordItOnce() throws Exception {
		var agreement = agreement("50000.00", 1, null, null);
		var target = project(Theme.MLA, "SEN", "project.manager", 2);
		var body = "{\"agreementId\":" + agreement + ",\"projectId\":" + target.id()
				+ ",\"amountUsd\":\"50000.00\",\"allocatedOn\":\"2024-02-01\"}";
		var key = "alloc-" + UUID.randomUUID();
		var pool = Executors.newFixedThreadPool(8);
		var start = new CountDownLatch(1);
		try {
			var calls = new ArrayList<Future<HttpResponse<String>>>();
			for (int i = 0; i < 8; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return HttpClient.newHttpClient()
						.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/allocations"))
							.header("Authorization",
									"Basic " + Base64.getEncoder().encodeToString("finance.officer:tafund-demo-2026".getBytes()))
							.header("Content-Type", "application/json")
							.header("Idempotency-Key", key)
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build(), HttpResponse.BodyHandlers.ofString());
				}));
			}
			start.countDown();
			for (var call : calls) {
				assertThat(call.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(projects.allocations(target.id())).hasSize(1);
		assertThat(projects.project(target.id()).allocatedUsd()).isEqualTo(Money.usd("50000.00"));
	}

	@Test
	void onlyFinanceSetsANonStandardPscRate() throws Exception {
		var code = "PSC-" + UUID.randomUUID().toString().substring(0, 8);
		var zeroPsc = projectJson(code, "No PSC").replace("\"pscRate\":\"0.13\"", "\"pscRate\":\"0\"");
		mvc.perform(post("/api/v1/projects").with(httpBasic("project.manager", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(zeroPsc))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("project.psc.financeOnly"));
		var mine = project(Theme.MLA, "SEN", "project.manager", 2);
		mvc.perform(put("/api/v1/projects/{id}", mine.id()).with(httpBasic("project.manager", "tafund-demo-2026"))
			.header("If-Match", "\"" + mine.version() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(projectJson(mine.code(), "Cheaper").replace("\"pscRate\":\"0.13\"", "\"pscRate\":\"0.05\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("project.psc.financeOnly"));
		mvc.perform(post("/api/v1/projects").with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(zeroPsc))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.pscRate").value(0));
	}

	static String projectJson(String code, String title) {
		return """
				{"code":"%s","title":"%s","theme":"MLA","instruments":["UNTOC"],"beneficiaryCountries":["SEN"],
				 "managers":["project.manager"],"plannedStart":"2024-01-01","plannedEnd":"2025-12-31","status":2,
				 "dacPurposeCode":"15130","pscRate":"0.13"}""".formatted(code, title);
	}

}
