package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Channel;
import org.tafund.projects.Codes.RequestStatus;
import org.tafund.projects.Codes.Subject;
import org.tafund.projects.Codes.Theme;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.security.SystemIdentity;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.support.ConcurrentPosts;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;
import org.tafund.support.SignedIn;
import org.tafund.support.Unique;

/**
 * The rules of projects, requests for assistance, allocations, expenditure and activities, each
 * refused with its code: through the API (422 and the problem's {@code code}) where a request can
 * break it, else through the page form that checks it, else at the service.
 */
@IntegrationTest
class ProjectRefusalTests {

	static final String FINANCE_OFFICER = "finance.officer";

	@Autowired
	ProjectManagement projects;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	/** A signed, unearmarked USD agreement of {@code amount}. */
	long agreement(String amount) {
		long donor = donors.register(new DonorDetails(Unique.name("Project Refusal Donor"), DonorType.FOUNDATION, null,
				null, null, null, true, List.of())).id();
		return contributions.createAgreement(new AgreementTerms(Unique.name("PR"), donor, "USD", new BigDecimal(amount),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null,
				LocalDate.parse("2024-01-10"),
				List.of(new ScheduleLine(LocalDate.parse("2024-12-31"), new BigDecimal(amount))))).id();
	}

	ProjectDetails details(String code, Set<String> countries, Set<String> managers) {
		return new ProjectDetails(code, "Refusal test", null, Theme.MLA, Set.of(Codes.Instrument.UNTOC), countries,
				reference.implementingEntity("UNODC-HQ").orElseThrow().id(), managers, null, null, null, null, 2,
				"15130", null, Set.of(), List.of());
	}

	/** Signs the finance officer in for calls straight to the service, until closed. */
	static SignedIn financeOfficer() {
		return SignedIn.as(FINANCE_OFFICER, Role.FINANCE);
	}

	ProjectView project() {
		try (var signedIn = financeOfficer()) {
			return projects.createProject(details(Unique.name("PR"), Set.of("SEN"), Set.of("project.manager")));
		}
	}

	/** A project with {@code amount} USD allocated to it on 2024-02-01. */
	ProjectView funded(String amount) {
		var project = project();
		long agreement = agreement(amount);
		try (var signedIn = financeOfficer()) {
			projects.allocate(agreement, project.id(), new BigDecimal(amount), LocalDate.parse("2024-02-01"));
		}
		return project;
	}

	Expenditure.ExpenditureView spend(ProjectView project, String amount) {
		try (var signedIn = financeOfficer()) {
			return projects.spend(project.id(), null, LocalDate.parse("2024-03-01"), BudgetCategory.TRAVEL,
					new BigDecimal(amount), "USD", null, null);
		}
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

	void expectRefusal(MockHttpServletRequestBuilder request, String code) throws Exception {
		mvc.perform(request.with(httpBasic(FINANCE_OFFICER, "tafund-demo-2026")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value(code));
	}

	String created(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(httpBasic(FINANCE_OFFICER, "tafund-demo-2026")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	static String projectJson(String code, String more) {
		return """
				{"code":"%s","title":"Refusal test","theme":"MLA","beneficiaryCountries":["SEN"],
				 "managers":["project.manager"],"status":2%s}""".formatted(code, more);
	}

	@Test
	void refusesProjectsThatBreakARuleThroughTheApi() throws Exception {
		var taken = project().code();
		expectRefusal(json("/api/v1/projects", projectJson(taken, "")), "project.code.taken");
		expectRefusal(json("/api/v1/projects", projectJson(Unique.name("PR"),
				",\"plannedStart\":\"2025-12-31\",\"plannedEnd\":\"2025-01-01\"")), "project.dates.order");
		expectRefusal(json("/api/v1/projects", projectJson(Unique.name("PR"), """
				,"budget":[{"year":2025,"category":"TRAVEL","amountUsd":"100.00"},{"year":2025,"category":"TRAVEL","amountUsd":"200.00"}]""")),
				"project.budget.repeated");
		expectRefusal(json("/api/v1/projects", projectJson(Unique.name("PR"),
				",\"budget\":[{\"year\":2025,\"category\":\"TRAVEL\",\"amountUsd\":\"-100.00\"}]")), "project.budget.negative");
		expectRefusal(json("/api/v1/projects", projectJson(Unique.name("PR"), "").replace("\"status\":2", "\"status\":99")),
				"project.status.unknown");
		expectRefusal(json("/api/v1/projects", projectJson(Unique.name("PR"), ",\"dacPurposeCode\":\"99999\"")),
				"project.dac.unknown");
		expectRefusal(json("/api/v1/projects", projectJson(Unique.name("PR"), ",\"implementingEntityId\":987654321")),
				"project.entity.unknown");
		expectRefusal(json("/api/v1/projects", projectJson(Unique.name("PR"), ",\"requestIds\":[987654321]")),
				"project.request.unknown");
	}

	@Test
	void refusesIncompleteProjectsFromJavaCallersAndThePage() throws Exception {
		var code = Unique.name("PR");
		try (var signedIn = financeOfficer()) {
			assertThat(code(() -> projects.createProject(details(" ", Set.of("SEN"), Set.of("project.manager")))))
				.isEqualTo("project.code.required");
			assertThat(code(() -> projects.createProject(details(code, Set.of(), Set.of("project.manager")))))
				.isEqualTo("project.countries.required");
			assertThat(code(() -> projects.createProject(details(code, Set.of("SEN"), Set.of()))))
				.isEqualTo("project.managers.required");
		}
		// Not well formed (no theme, no implementing entity): the form again at once, as typed.
		mvc.perform(post("/projects").with(user("project.manager").roles("PROJECT_MANAGER"))
			.with(csrf())
			.param("code", code)
			.param("title", "No theme chosen")
			.param("countries", "SEN"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "theme", "implementingEntityId"))
			.andExpect(content().string(containsString("Choose a theme for the project.")))
			.andExpect(content().string(containsString("value=\"No theme chosen\"")))
			.andExpect(content().string(containsString("value=\"" + code + "\"")));
		// Refused by a rule (no such manager): back to the form's page, beside the managers, as typed.
		var entity = reference.implementingEntity("UNODC-HQ").orElseThrow().id();
		var page = Refused.page(mvc, post("/projects").param("code", code)
			.param("title", "Unknown manager")
			.param("theme", Theme.values()[0].name())
			.param("implementingEntityId", String.valueOf(entity))
			.param("countries", "SEN")
			.param("managers", "project.manager, nobody.here"), user("project.manager").roles("PROJECT_MANAGER"),
				"/projects/new");
		assertThat(page).containsPattern("id=\"managers-error\"[^>]*>[^<]*nobody.here")
			.contains("value=\"Unknown manager\"")
			.containsPattern("<option [^>]*value=\"SEN\" selected");
		assertThat(projects.projects(new ProjectFilter(null, null, null, null, null, null)))
			.noneMatch(p -> p.code().equalsIgnoreCase(code));
	}

	@Test
	void aRequestIsDeclinedOnlyWithAReasonAndRecordedOnlyComplete() throws Exception {
		var request = created(json("/api/v1/requests", """
				{"state":"SEN","receivedOn":"2025-01-10","channel":"NOTE_VERBALE","subjects":["EXTRADITION"],
				 "description":"%s"}""".formatted(Unique.name("Request"))));
		long id = id(request);
		expectRefusal(json("/api/v1/requests/" + id + "/status", "{\"status\":\"DECLINED\",\"version\":0}"),
				"request.decline.reason");
		mvc.perform(json("/api/v1/requests/" + id + "/status",
				"{\"status\":\"DECLINED\",\"reason\":\"Outside the Fund's mandate\",\"version\":0}")
			.with(httpBasic(FINANCE_OFFICER, "tafund-demo-2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLINED"))
			.andExpect(jsonPath("$.declineReason").value("Outside the Fund's mandate"));

		assertThat(code(() -> projects.recordRequest("SEN", LocalDate.parse("2025-01-10"), Channel.EMAIL, Set.of(),
				null, "No subject"))).isEqualTo("request.subjects.required");
		var description = Unique.name("Request without a channel");
		mvc.perform(post("/projects/requests").with(user("project.manager").roles("PROJECT_MANAGER"))
			.with(csrf())
			.param("state", "SEN")
			.param("receivedOn", "2025-01-10")
			.param("subjects", Subject.EXTRADITION.name())
			.param("description", description))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "channel"))
			.andExpect(content().string(containsString("Choose the channel the request came through.")))
			.andExpect(content().string(containsString(description)));
		assertThat(projects.requests(null)).noneMatch(r -> r.description().equals(description));
	}

	@Test
	void aRequestMovesOnlyAlongItsWorkflowAndItsPageNamesTheStepRefused() throws Exception {
		var request = projects.recordRequest("SEN", LocalDate.parse("2025-02-10"), Channel.EMAIL,
				Set.of(Subject.EXTRADITION), Set.of(), Unique.name("Workflow request"));
		long id = request.id();
		// Never accepted before it is assessed.
		expectRefusal(json("/api/v1/requests/" + id + "/status", "{\"status\":\"ACCEPTED\",\"version\":0}"),
				"request.status.notAllowed");
		var assessed = projects.changeRequestStatus(id, 0, RequestStatus.UNDER_ASSESSMENT, null);
		assertThat(assessed.version()).isEqualTo(1);
		var accepted = projects.changeRequestStatus(id, assessed.version(), RequestStatus.ACCEPTED, null);
		assertThat(code(() -> projects.changeRequestStatus(id, accepted.version(), RequestStatus.UNDER_ASSESSMENT,
				null))).isEqualTo("request.status.notAllowed");
		// A stale version is a conflict, not a lost update.
		assertThat(code(() -> projects.changeRequestStatus(id, assessed.version(), RequestStatus.WITHDRAWN, null)))
			.isEqualTo("conflict.concurrentEdit");
		var withdrawn = projects.changeRequestStatus(id, accepted.version(), RequestStatus.WITHDRAWN,
				"The ministry asked bilaterally instead.");
		assertThat(withdrawn.declineReason()).isEqualTo("The ministry asked bilaterally instead.");
		assertThat(code(() -> projects.changeRequestStatus(id, withdrawn.version(), RequestStatus.ACCEPTED, null)))
			.isEqualTo("request.status.notAllowed");

		// The page: a step not chosen, and a step the status does not allow, each named on the page.
		var pm = user("project.manager").roles("PROJECT_MANAGER");
		var other = projects.recordRequest("SEN", LocalDate.parse("2025-02-11"), Channel.EMAIL,
				Set.of(Subject.EXTRADITION), Set.of(), Unique.name("Workflow page"));
		var refused = Refused.redirect(mvc, post("/projects/requests/" + other.id() + "/status").param("version", "0"),
				pm, "/projects/requests/" + other.id() + "#status-form");
		assertThat(Refused.fieldError(refused, "statusForm", "status")).isEqualTo("request.status.required");
		assertThat(Refused.follow(mvc, refused, pm)).contains("Choose the request’s next status.");
		var page = Refused.page(mvc, post("/projects/requests/" + other.id() + "/status").param("version", "0")
			.param("status", "ACCEPTED"), pm, "/projects/requests/" + other.id() + "#status-form");
		assertThat(page).contains("A request that is Received cannot become Accepted.");
		assertThat(projects.request(other.id()).status()).isEqualTo(RequestStatus.RECEIVED);
	}

	@Test
	void theEditPageRefusesAnIncompleteBudgetLineAStaleVersionAndAnotherManagersProject() throws Exception {
		var project = project();
		var pm = user("project.manager").roles("PROJECT_MANAGER");
		var edit = post("/projects/" + project.id() + "/edit").param("version", String.valueOf(project.version()))
			.param("title", "Edited")
			.param("theme", "MLA")
			.param("implementingEntityId", String.valueOf(project.implementingEntityId()))
			.param("countries", "SEN")
			.param("managers", "project.manager");
		var page = Refused.page(mvc, edit.param("budget[0].year", "2026").param("budget[0].amountUsd", "100"), pm,
				"/projects/" + project.id() + "/edit");
		assertThat(page).contains("Each budget line needs a year, a category and an amount.");
		assertThat(code(() -> new ProjectEditForm(0L, "t", null, Theme.MLA, 2, 1L, Set.of(), Set.of(), Set.of(),
				Set.of(), null, null, null, null,
				List.of(new ProjectEditForm.BudgetRow(null, BudgetCategory.STAFF, BigDecimal.TEN))).toDetails(project)))
			.isEqualTo("project.budget.incomplete");
		assertThat(projects.project(project.id()).title()).isEqualTo("Refusal test");

		try (var signedIn = financeOfficer()) {
			projects.updateProject(project.id(), project.version(), new ProjectEditForm(project.version(),
					"Changed meanwhile", null, Theme.MLA, 2, project.implementingEntityId(), Set.of("SEN"),
					Set.of("project.manager"), Set.of(), Set.of(), null, null, null, null, List.of()).toDetails(project));
		}
		var stale = post("/projects/" + project.id() + "/edit").param("version", String.valueOf(project.version()))
			.param("title", "Typed on an old page")
			.param("theme", "MLA")
			.param("implementingEntityId", String.valueOf(project.implementingEntityId()))
			.param("countries", "SEN")
			.param("managers", "project.manager");
		// Not lost: the typed form again, beside what the other person stored, and "project.changedMeanwhile".
		var again = mvc.perform(stale.with(pm).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"))
			.andReturn();
		assertThat(again.getModelAndView().getModel().get("current")).isNotNull();
		page = again.getResponse().getContentAsString();
		assertThat(page).contains("value=\"Typed on an old page\"")
			.contains("Someone else saved project " + project.code())
			.containsPattern("id=\"current-values\"[\\s\\S]*Changed meanwhile");
		assertThat(projects.project(project.id()).title()).isEqualTo("Changed meanwhile");

		mvc.perform(get("/projects/" + project.id() + "/edit").with(user("other.manager").roles("PROJECT_MANAGER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anActivityIsWithdrawnOnceWithItsReasonAndThenNeitherChangedNorCounted() throws Exception {
		var project = project();
		long activity = id(created(json("/api/v1/activities", activityJson(project.id()))));
		var pm = user("project.manager").roles("PROJECT_MANAGER");
		var summary = "/activities/projects/" + project.id() + "/summary";
		assertThat(mvc.perform(get(summary).with(pm)).andReturn().getResponse().getContentAsString())
			.contains("3 participants");

		var refused = Refused.redirect(mvc, post("/activities/" + activity + "/withdrawal").param("version", "0")
			.param("reason", " "), pm, "/activities/" + activity + "/edit#withdrawal-form");
		assertThat(Refused.fieldError(refused, "withdrawalForm", "reason")).isEqualTo("activity.withdrawal.reason");

		mvc.perform(post("/activities/" + activity + "/withdrawal").param("version", "0")
			.param("reason", "The ministry postponed it to next year.")
			.with(pm)
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/projects/" + project.id()));
		var page = mvc.perform(get(summary).with(pm)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Withdrawn")
			.contains("by project.manager: The ministry postponed it to next year.")
			.contains("0 participants");

		var again = Refused.page(mvc, post("/activities/" + activity + "/withdrawal").param("version", "1")
			.param("reason", "Twice"), pm, "/activities/" + activity + "/edit#withdrawal-form");
		assertThat(again).contains("was withdrawn on");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/activities/" + activity)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(activityJson(project.id()))
			.with(httpBasic(FINANCE_OFFICER, "tafund-demo-2026")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("activity.alreadyWithdrawn"));
		mvc.perform(get("/api/v1/activities/" + activity).with(httpBasic(FINANCE_OFFICER, "tafund-demo-2026")))
			.andExpect(jsonPath("$.withdrawnOn").isNotEmpty())
			.andExpect(jsonPath("$.withdrawnBy").value("project.manager"));
	}

	@Test
	void nobodySignedInCreatesChangesAllocatesAndSpendsNothing() {
		var project = funded("1000.00");
		long agreement = agreement("1000.00");
		var code = Unique.name("PR");
		var cheaper = details(project.code(), Set.of("SEN"), Set.of("project.manager"))
			.withPscRate(new BigDecimal("0.05"));
		var anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		for (var nobody : java.util.Arrays.asList(null, anonymous)) {
			SecurityContextHolder.getContext().setAuthentication(nobody);
			try {
				assertThatThrownBy(() -> projects.createProject(details(code, Set.of("SEN"), Set.of("project.manager"))))
					.isInstanceOf(AccessDeniedException.class);
				assertThatThrownBy(() -> projects.updateProject(project.id(), project.version(), cheaper))
					.isInstanceOf(AccessDeniedException.class);
				assertThatThrownBy(() -> projects.allocate(agreement, project.id(), new BigDecimal("10.00"),
						LocalDate.parse("2024-02-01"))).isInstanceOf(AccessDeniedException.class);
				assertThatThrownBy(() -> projects.spend(project.id(), null, LocalDate.parse("2024-03-01"),
						BudgetCategory.TRAVEL, new BigDecimal("10.00"), "USD", null, null))
					.isInstanceOf(AccessDeniedException.class);
				assertThat(projects.canEdit(project.id())).isFalse();
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}
		assertThat(projects.projects(ProjectFilter.all())).noneMatch(p -> p.code().equalsIgnoreCase(code));
		var unchanged = projects.project(project.id());
		assertThat(unchanged.pscRate()).isEqualByComparingTo("0.13");
		assertThat(unchanged.allocatedUsd()).isEqualTo(Money.usd("1000.00"));
		assertThat(projects.expenditure(project.id())).isEmpty();

		// Work nobody signed in for runs as the system, with the roles it names, and only while it runs.
		var created = SystemIdentity.call(
				() -> projects.createProject(details(code, Set.of("SEN"), Set.of("project.manager"))), Role.FINANCE);
		assertThat(created.code()).isEqualToIgnoringCase(code);
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
		assertThatThrownBy(() -> projects.allocate(agreement, created.id(), new BigDecimal("10.00"),
				LocalDate.parse("2024-02-01"))).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void refusesAllocationsAndExpenditureThatOnlyJavaCallersCanSend() {
		var project = funded("1000.00");
		long agreement = agreement("1000.00");
		try (var signedIn = financeOfficer()) {
			assertThat(code(() -> projects.allocate(agreement, project.id(), new BigDecimal("0.00"),
					LocalDate.parse("2024-02-01")))).isEqualTo("allocation.amount.positive");
			assertThat(code(() -> projects.allocate(agreement, project.id(), new BigDecimal("10.00"), null)))
				.isEqualTo("allocation.date.required");
			assertThat(code(() -> projects.spend(project.id(), null, null, BudgetCategory.TRAVEL,
					new BigDecimal("10.00"), "USD", null, null))).isEqualTo("expenditure.incomplete");
			assertThat(code(() -> spend(project, "0.00"))).isEqualTo("expenditure.amount.positive");
			var line = spend(project, "100.00");
			assertThat(code(() -> projects.reverseExpenditure(line.id(), " "))).isEqualTo("receipt.reversal.reason");
		}
		assertThat(projects.expenditure(project.id())).hasSize(1);
		assertThat(projects.project(project.id()).allocatedUsd()).isEqualTo(Money.usd("1000.00"));
	}

	@Test
	void refusesExpenditureOnAnotherProjectsActivityAndASecondOrNestedReversal() throws Exception {
		var project = funded("1000.00");
		var other = project();
		var activity = created(json("/api/v1/activities", activityJson(other.id())));
		expectRefusal(json("/api/v1/expenditures", expenditureJson(project.id(), "100.00")
			.replace("}", ",\"activityId\":" + id(activity) + "}")), "expenditure.activity.otherProject");

		long line = id(created(json("/api/v1/expenditures", expenditureJson(project.id(), "100.00"))));
		long reversal = id(created(json("/api/v1/expenditures/" + line + "/reversal", "{\"reason\":\"Wrong project\"}")));
		expectRefusal(json("/api/v1/expenditures/" + line + "/reversal", "{\"reason\":\"Again\"}"),
				"expenditure.alreadyReversed");
		expectRefusal(json("/api/v1/expenditures/" + reversal + "/reversal", "{\"reason\":\"Undo the undo\"}"),
				"expenditure.reverseReversal");
		assertThat(projects.expenditure(project.id())).hasSize(2);
		assertThat(projects.project(project.id()).balanceUsd()).isEqualTo(Money.usd("1000.00"));
	}

	static String expenditureJson(long projectId, String amount) {
		return "{\"projectId\":%d,\"spentOn\":\"2024-03-01\",\"category\":\"TRAVEL\",\"amount\":\"%s\",\"currency\":\"USD\"}"
			.formatted(projectId, amount);
	}

	static String activityJson(long projectId) {
		return """
				{"projectId":%d,"type":"TRAINING_OR_WORKSHOP","title":"Refusal test workshop","startDate":"2024-05-06",
				 "endDate":"2024-05-08","mode":"IN_PERSON","country":"SEN","city":"Dakar",
				 "participants":{"women":2,"men":1,"sexNotRecorded":0,"centralAuthority":3,"prosecution":0,"judiciary":0,
				 "lawEnforcement":0,"ministry":0,"otherInstitution":0}}""".formatted(projectId);
	}

	@Test
	void twoAllocationsThatTogetherExceedWhatIsUnallocatedLetOneThrough() throws Exception {
		long agreement = agreement("1000.00");
		var project = project();
		var body = "{\"agreementId\":%d,\"projectId\":%d,\"amountUsd\":\"600.00\",\"allocatedOn\":\"2024-02-01\"}"
			.formatted(agreement, project.id());
		var responses = ConcurrentPosts.post(port, FINANCE_OFFICER, "/api/v1/allocations", List.of(body, body));
		assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 422);
		assertThat(ConcurrentPosts.codes(responses)).containsExactly("allocation.exceedsUnallocated");
		assertThat(projects.project(project.id()).allocatedUsd()).isEqualTo(Money.usd("600.00"));
	}

	@Test
	void twoExpendituresThatTogetherOverdrawTheProjectLetOneThrough() throws Exception {
		var project = funded("1000.00");
		// Each costs 500.00 + 65.00 PSC = 565.00: one fits in 1,000.00, both do not.
		var body = expenditureJson(project.id(), "500.00");
		var responses = ConcurrentPosts.post(port, FINANCE_OFFICER, "/api/v1/expenditures", List.of(body, body));
		assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 422);
		assertThat(ConcurrentPosts.codes(responses)).containsExactly("expenditure.overdraw");
		assertThat(projects.project(project.id()).balanceUsd()).isEqualTo(Money.usd("435.00"));
	}

	// The probe's PUTs that changed a project's code or an activity's project answered 200 and
	// silently kept the old value; a lone surrogate in a text was stored as "?".
	@Test
	void refusesChangingAProjectsCodeOrAnActivitysProjectAndHalfCharacters() throws Exception {
		var code = Unique.name("PR");
		var body = projectJson(code, "");
		long project = id(created(json("/api/v1/projects", body)));
		var put = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/projects/" + project)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace(code, code + "X"));
		mvc.perform(put.with(httpBasic(FINANCE_OFFICER, "tafund-demo-2026")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("field.immutable"));
		assertThat(projects.project(project).code()).isEqualToIgnoringCase(code);

		long other = id(created(json("/api/v1/projects", projectJson(Unique.name("PR"), ""))));
		long activity = id(created(json("/api/v1/activities", activityJson(project))));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/activities/" + activity)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(activityJson(other))
			.with(httpBasic(FINANCE_OFFICER, "tafund-demo-2026")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("field.immutable"));

		mvc.perform(json("/api/v1/requests", """
				{"state":"SEN","receivedOn":"2025-01-10","channel":"NOTE_VERBALE","subjects":["EXTRADITION"],
				 "description":"half \\ud800 a character"}""").with(httpBasic(FINANCE_OFFICER, "tafund-demo-2026")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("description"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("lone UTF-16 surrogate")));
		// A whole character outside the basic plane (a surrogate pair) is fine.
		created(json("/api/v1/requests", """
				{"state":"SEN","receivedOn":"2025-01-10","channel":"NOTE_VERBALE","subjects":["EXTRADITION"],
				 "description":"a whole \\ud83d\\ude00 character %s"}""".formatted(Unique.name("R"))));
	}

	// The probe stored 0001-01-01 and 9999-12-31 as project, budget, activity and request dates.
	@Test
	void refusesPlanningDatesOutsideNineteenNinetyToTwentyOneHundredAndRequestsFromTheFuture() throws Exception {
		expectRefusal(json("/api/v1/projects", projectJson(Unique.name("PR"), ",\"plannedStart\":\"0001-01-01\"")),
				"date.tooEarly");
		expectRefusal(json("/api/v1/projects", projectJson(Unique.name("PR"), ",\"plannedEnd\":\"9999-12-31\"")),
				"date.tooLate");
		expectRefusal(json("/api/v1/projects", projectJson(Unique.name("PR"),
				",\"budget\":[{\"year\":1,\"category\":\"TRAVEL\",\"amountUsd\":\"100.00\"}]")), "year.outOfRange");
		var project = project();
		expectRefusal(json("/api/v1/activities", activityJson(project.id()).replace("\"endDate\":\"2024-05-08\"",
				"\"endDate\":\"9999-12-31\"")), "date.tooLate");
		expectRefusal(json("/api/v1/requests", """
				{"state":"SEN","receivedOn":"0001-01-01","channel":"NOTE_VERBALE","subjects":["EXTRADITION"],
				 "description":"Too early"}"""), "date.tooEarly");
		expectRefusal(json("/api/v1/requests", """
				{"state":"SEN","receivedOn":"2099-01-01","channel":"NOTE_VERBALE","subjects":["EXTRADITION"],
				 "description":"From the future"}"""), "date.future");
		// The edges themselves are fine.
		created(json("/api/v1/projects", projectJson(Unique.name("PR"), ",\"plannedStart\":\"1990-01-01\","
				+ "\"plannedEnd\":\"2100-12-31\",\"budget\":[{\"year\":2100,\"category\":\"TRAVEL\",\"amountUsd\":\"1.00\"}]")));
	}

	@Test
	void refusesActivitiesWithDatesOutOfOrderWithoutAPlaceOrWithoutTheBasics() throws Exception {
		var project = project();
		expectRefusal(json("/api/v1/activities", activityJson(project.id()).replace("\"endDate\":\"2024-05-08\"",
				"\"endDate\":\"2024-05-01\"")), "activity.dates.order");
		expectRefusal(json("/api/v1/activities", activityJson(project.id()).replace("\"country\":\"SEN\",", "")),
				"activity.country.required");
		expectRefusal(json("/api/v1/activities", activityJson(project.id()).replace("\"women\":2", "\"women\":-2")
			.replace("\"centralAuthority\":3", "\"centralAuthority\":-1")), "participants.negative");
		var manager = user("project.manager").roles("PROJECT_MANAGER");
		mvc.perform(post("/activities").with(manager)
			.with(csrf())
			.param("projectId", String.valueOf(project.id()))
			.param("title", "No type chosen")
			.param("startDate", "2024-05-06")
			.param("endDate", "2024-05-08")
			.param("country", "SEN"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "type"))
			.andExpect(content().string(containsString("Choose the type of activity.")))
			.andExpect(content().string(containsString("value=\"No type chosen\"")));
		var page = Refused.page(mvc, post("/activities").param("projectId", String.valueOf(project.id()))
			.param("type", "TRAINING_OR_WORKSHOP")
			.param("title", "Negative head count")
			.param("startDate", "2024-05-06")
			.param("endDate", "2024-05-08")
			.param("country", "SEN")
			.param("women", "-1"), manager, "/activities/new?projectId=" + project.id());
		assertThat(page).contains("Participant counts cannot be negative.")
			.contains("value=\"Negative head count\"")
			.contains("value=\"-1\"");
	}

}
