package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.data.domain.PageRequest;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorSearch;
import org.tafund.donors.DonorType;
import org.tafund.projects.Codes;
import org.tafund.projects.ProjectDetails;
import org.tafund.projects.ProjectFilter;
import org.tafund.projects.ProjectManagement;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.security.UserManagement;
import org.tafund.support.IntegrationTest;
import org.tafund.support.SignedIn;

/**
 * Walks every route of the application for every role and for an anonymous visitor, and checks
 * the status each gets. A route that is not in the matrix fails the test: adding a page or an
 * API call means deciding here who may use it.
 */
@IntegrationTest
class AccessMatrixTests {

	static final Set<Role> ANY_ROLE = EnumSet.allOf(Role.class);

	static final Set<Role> ADMIN_AUDITOR = EnumSet.of(Role.ADMIN, Role.AUDITOR);

	static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

	static final Set<Role> FINANCE_ADMIN = EnumSet.of(Role.FINANCE, Role.ADMIN);

	static final Set<Role> DONOR_ADMIN = EnumSet.of(Role.DONOR_RELATIONS, Role.ADMIN);

	static final Set<Role> PROJECT_WRITERS = EnumSet.of(Role.PROJECT_MANAGER, Role.FINANCE, Role.ADMIN);

	/** Which demo user signs in for each role. */
	static String demoUser(Role role) {
		return switch (role) {
			case DONOR_RELATIONS -> "donor.officer";
			case PROJECT_MANAGER -> "project.manager";
			case FINANCE -> "finance.officer";
			case ADMIN -> "admin";
			case AUDITOR -> "auditor";
			// The demo approver holds FINANCE too; the matrix checks the approver role on its own.
			case APPROVER -> "finance.approver";
		};
	}

	/**
	 * One route: its method and pattern as mapped, a concrete path to call, the status an allowed
	 * caller gets, the roles allowed, and whether anonymous visitors are allowed too.
	 */
	record Route(String method, String pattern, String path, int allowedStatus, Set<Role> roles, boolean anonymous,
			String body) {
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserManagement users;

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	long agreementId(long donorId) {
		return contributions.agreementsOf(donorId)
			.stream()
			.findFirst()
			.orElseGet(() -> contributions.createAgreement(new AgreementTerms("MATRIX-1", donorId, "USD",
					new BigDecimal("1000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null,
					false, null, null, LocalDate.parse("2025-01-15"),
					List.of(new ScheduleLine(LocalDate.parse("2025-06-30"), new BigDecimal("1000.00"))))))
			.id();
	}

	@Autowired
	ProjectManagement projects;

	@Autowired
	ReferenceCatalogue reference;

	/** A project the demo project manager manages, made by the finance officer. */
	long projectId() {
		try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) {
			return projects.projects(ProjectFilter.all())
				.stream()
				.filter(p -> p.code().equals("MATRIX-P1"))
				.findFirst()
				.orElseGet(() -> projects.createProject(new ProjectDetails("MATRIX-P1", "Matrix project", null,
						Codes.Theme.MLA, Set.of(), Set.of("SEN"), reference.implementingEntity("UNODC-HQ").orElseThrow().id(),
						Set.of("project.manager"), null, null, null, null, 2, "15130", null, Set.of(), List.of())))
				.id();
		}
	}

	long requestId() {
		return projects.requests(null)
			.stream()
			.findFirst()
			.orElseGet(() -> projects.recordRequest("SEN", java.time.LocalDate.parse("2025-01-10"),
					Codes.Channel.EMAIL, Set.of(Codes.Subject.EXTRADITION), Set.of(), "Access matrix request"))
			.id();
	}

	long donorId() {
		return donors.search(new DonorSearch("Access Matrix Foundation", null, null, null), PageRequest.of(0, 1))
			.stream()
			.findFirst()
			.orElseGet(() -> donors.register(new DonorDetails("Access Matrix Foundation", DonorType.FOUNDATION, null,
					null, null, null, true, List.of())))
			.id();
	}

	List<Route> matrix() {
		long adminId = users.findByUsername("admin").orElseThrow().id();
		var routes = new ArrayList<Route>();
		// public
		routes.add(new Route("GET", "/login", "/login", 200, ANY_ROLE, true, null));
		routes.add(new Route("ANY", "/error", "/error", 404, ANY_ROLE, true, null));
		routes.add(new Route("GET", "/actuator/health", "/actuator/health", 200, ANY_ROLE, true, null));
		routes.add(new Route("GET", "/actuator/info", "/actuator/info", 200, ANY_ROLE, true, null));
		// every signed-in user
		routes.add(new Route("GET", "/", "/", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/reports", "/reports", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/account/password", "/account/password", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/account/password", "/account/password", 200, ANY_ROLE, false, ""));
		routes.add(new Route("GET", "/api/v1/me", "/api/v1/me", 200, ANY_ROLE, false, null));
		// administration: ADMIN changes, AUDITOR reads
		routes.add(new Route("GET", "/admin/users", "/admin/users", 200, ADMIN_AUDITOR, false, null));
		routes.add(new Route("GET", "/admin/users/new", "/admin/users/new", 200, ADMIN, false, null));
		routes.add(new Route("POST", "/admin/users", "/admin/users", 200, ADMIN, false, ""));
		routes.add(new Route("GET", "/admin/users/{id}", "/admin/users/" + adminId, 200, ADMIN_AUDITOR, false, null));
		for (var action : List.of("roles", "disable", "enable", "unlock", "details", "password-reset")) {
			routes.add(new Route("POST", "/admin/users/{id}/" + action, "/admin/users/999999/" + action, 404, ADMIN,
					false, "version=0"));
		}
		routes.add(new Route("GET", "/api/v1/users", "/api/v1/users", 200, ADMIN_AUDITOR, false, null));
		routes.add(new Route("GET", "/api/v1/users/{id}", "/api/v1/users/" + adminId, 200, ADMIN_AUDITOR, false,
				null));
		routes.add(new Route("POST", "/api/v1/users", "/api/v1/users", 400, ADMIN, false, "{}"));
		routes.add(new Route("GET", "/actuator/prometheus", "/actuator/prometheus", 200, ADMIN, false, null));
		routes.add(new Route("GET", "/actuator/sbom", "/actuator/sbom", 200, ADMIN, false, null));
		// exchange rates: everyone reads, FINANCE and ADMIN write
		routes.add(new Route("GET", "/exchange-rates", "/exchange-rates", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/exchange-rates/{id}/correction", "/exchange-rates/999999/correction", 404,
				FINANCE_ADMIN, false, null));
		routes.add(new Route("POST", "/exchange-rates/{id}/correction", "/exchange-rates/999999/correction", 404,
				FINANCE_ADMIN, false, "unitsPerUsd=1&reason=Typo"));
		routes.add(new Route("POST", "/exchange-rates", "/exchange-rates", 200, FINANCE_ADMIN, false, ""));
		routes.add(new Route("POST", "/exchange-rates/import", "/exchange-rates/import", 302, FINANCE_ADMIN, false,
				""));
		routes.add(new Route("GET", "/exchange-rates/import/preview", "/exchange-rates/import/preview", 302, ANY_ROLE, false,
				null));
		routes.add(new Route("POST", "/exchange-rates/import/confirm", "/exchange-rates/import/confirm", 302, FINANCE_ADMIN,
				false, ""));
		routes.add(new Route("POST", "/exchange-rates/import/cancel", "/exchange-rates/import/cancel", 302, FINANCE_ADMIN,
				false, ""));
		routes.add(new Route("GET", "/api/v1/exchange-rates", "/api/v1/exchange-rates", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/api/v1/exchange-rates", "/api/v1/exchange-rates", 400, FINANCE_ADMIN, false,
				"{}"));
		routes.add(new Route("POST", "/api/v1/exchange-rates/import", "/api/v1/exchange-rates/import", 422,
				FINANCE_ADMIN, false, "currency,effective_date,units_per_usd\n"));
		// donors: everyone reads, DONOR_RELATIONS and ADMIN write
		long donorId = donorId();
		routes.add(new Route("GET", "/donors", "/donors", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/donors/new", "/donors/new", 200, DONOR_ADMIN, false, null));
		routes.add(new Route("POST", "/donors", "/donors", 200, DONOR_ADMIN, false, ""));
		routes.add(new Route("GET", "/donors/{id}", "/donors/" + donorId, 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/donors/{id}/edit", "/donors/" + donorId + "/edit", 200, DONOR_ADMIN, false,
				null));
		routes.add(new Route("POST", "/donors/{id}", "/donors/" + donorId, 200, DONOR_ADMIN, false, ""));
		routes.add(new Route("GET", "/api/v1/donors", "/api/v1/donors", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/api/v1/donors", "/api/v1/donors", 400, DONOR_ADMIN, false, "{}"));
		routes.add(new Route("GET", "/api/v1/donors/{id}", "/api/v1/donors/" + donorId, 200, ANY_ROLE, false, null));
		routes.add(new Route("PUT", "/api/v1/donors/{id}", "/api/v1/donors/" + donorId, 400, DONOR_ADMIN, false,
				"{}"));
		// contributions: everyone reads; DONOR_RELATIONS agreements and amendments, FINANCE money
		routes.add(new Route("POST", "/api/v1/agreements", "/api/v1/agreements", 400, DONOR_ADMIN, false, "{}"));
		routes.add(new Route("GET", "/api/v1/agreements/{id}", "/api/v1/agreements/999999", 404, ANY_ROLE, false,
				null));
		routes.add(new Route("GET", "/api/v1/agreements/{id}/receipts", "/api/v1/agreements/999999/receipts", 404,
				ANY_ROLE, false, null));
		routes.add(new Route("GET", "/api/v1/donors/{donorId}/agreements", "/api/v1/donors/" + donorId + "/agreements",
				200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/api/v1/agreements/{id}/amendments", "/api/v1/agreements/999999/amendments", 400,
				DONOR_ADMIN, false, "{}"));
		routes.add(new Route("POST", "/api/v1/agreements/{id}/receipts", "/api/v1/agreements/999999/receipts", 400,
				FINANCE_ADMIN, false, "{}"));
		routes.add(new Route("POST", "/api/v1/receipts/{id}/reversal", "/api/v1/receipts/999999/reversal", 400,
				FINANCE_ADMIN, false, "{}"));
		routes.add(new Route("POST", "/api/v1/agreements/{id}/refunds", "/api/v1/agreements/999999/refunds", 400,
				FINANCE_ADMIN, false, "{}"));
		long agreementId = agreementId(donorId);
		routes.add(new Route("GET", "/contributions", "/contributions", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/contributions/overdue", "/contributions/overdue", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/contributions/earmark-targets", "/contributions/earmark-targets?earmarkKind=THEME",
				200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/contributions/overdue.csv", "/contributions/overdue.csv", 200, ANY_ROLE, false,
				null));
		routes.add(new Route("GET", "/contributions/donors/{donorId}/summary",
				"/contributions/donors/" + donorId + "/summary", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/contributions/agreements/new", "/contributions/agreements/new", 200, DONOR_ADMIN,
				false, null));
		routes.add(new Route("POST", "/contributions/agreements", "/contributions/agreements", 200, DONOR_ADMIN, false,
				""));
		routes.add(new Route("GET", "/contributions/agreements/{id}", "/contributions/agreements/" + agreementId, 200,
				ANY_ROLE, false, null));
		routes.add(new Route("POST", "/contributions/agreements/{id}/receipts",
				"/contributions/agreements/999999/receipts", 404, FINANCE_ADMIN, false, ""));
		routes.add(new Route("POST", "/contributions/agreements/{id}/receipts/{receiptId}/reversal",
				"/contributions/agreements/999999/receipts/999999/reversal", 404, FINANCE_ADMIN, false, ""));
		routes.add(new Route("POST", "/contributions/agreements/{id}/refunds", "/contributions/agreements/999999/refunds",
				404, FINANCE_ADMIN, false, ""));
		routes.add(new Route("POST", "/contributions/pledges", "/contributions/pledges", 400, DONOR_ADMIN, false, ""));
		routes.add(new Route("POST", "/contributions/pledges/{id}/cancel", "/contributions/pledges/999999/cancel", 404,
				DONOR_ADMIN, false, "donorId=" + donorId + "&version=0&reason=Withdrawn"));
		routes.add(new Route("GET", "/contributions/revaluations", "/contributions/revaluations", 200, ANY_ROLE, false,
				null));
		routes.add(new Route("POST", "/contributions/revaluations", "/contributions/revaluations", 302, FINANCE_ADMIN,
				false, ""));
		routes.add(new Route("POST", "/api/v1/pledges", "/api/v1/pledges", 400, DONOR_ADMIN, false, "{}"));
		routes.add(new Route("GET", "/api/v1/pledges", "/api/v1/pledges", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/api/v1/revaluations", "/api/v1/revaluations", 400, FINANCE_ADMIN, false, "{}"));
		routes.add(new Route("GET", "/api/v1/revaluations", "/api/v1/revaluations", 200, ANY_ROLE, false, null));
		for (var action : List.of("sign", "amendments", "cancel", "close")) {
			routes.add(new Route("POST", "/contributions/agreements/{id}/" + action,
					"/contributions/agreements/999999/" + action, action.equals("amendments") ? 404 : 400, DONOR_ADMIN,
					false, ""));
		}
		routes.add(new Route("GET", "/history/{entity}/{id}", "/history/Donor/" + donorId, 200, ANY_ROLE, false, null));
		// projects and activities: everyone reads; managers (of that project), FINANCE and ADMIN write
		long projectId = projectId();
		routes.add(new Route("GET", "/projects", "/projects", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/projects/new", "/projects/new", 200, PROJECT_WRITERS, false, null));
		routes.add(new Route("POST", "/projects", "/projects", 200, PROJECT_WRITERS, false, ""));
		routes.add(new Route("GET", "/projects/{id}", "/projects/" + projectId, 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/projects/{id}/expenditures", "/projects/" + projectId + "/expenditures", 200,
				PROJECT_WRITERS, false, ""));
		routes.add(new Route("POST", "/projects/{id}/expenditures/{expenditureId}/reversal",
				"/projects/" + projectId + "/expenditures/999999/reversal", 404, PROJECT_WRITERS, false, ""));
		routes.add(new Route("POST", "/projects/{id}/allocations", "/projects/" + projectId + "/allocations", 200,
				FINANCE_ADMIN, false, ""));
		routes.add(new Route("GET", "/projects/{id}/edit", "/projects/" + projectId + "/edit", 200, PROJECT_WRITERS, false,
				null));
		routes.add(new Route("POST", "/projects/{id}/edit", "/projects/" + projectId + "/edit", 200, PROJECT_WRITERS,
				false, ""));
		routes.add(new Route("GET", "/projects/{id}/funding-choices", "/projects/" + projectId + "/funding-choices", 200,
				FINANCE_ADMIN, false, null));
		routes.add(new Route("GET", "/projects/requests/{id}", "/projects/requests/" + requestId(), 200, ANY_ROLE, false,
				null));
		routes.add(new Route("POST", "/projects/requests/{id}/status", "/projects/requests/999999/status", 404,
				PROJECT_WRITERS, false, "status=WITHDRAWN&version=0"));
		routes.add(new Route("GET", "/projects/requests", "/projects/requests", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/projects/requests", "/projects/requests", 200, PROJECT_WRITERS, false, ""));
		routes.add(new Route("GET", "/activities", "/activities", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/activities/new", "/activities/new?projectId=" + projectId, 200, PROJECT_WRITERS,
				false, null));
		routes.add(new Route("POST", "/activities", "/activities", 400, PROJECT_WRITERS, false, ""));
		routes.add(new Route("GET", "/activities/{id}/edit", "/activities/999999/edit", 404, PROJECT_WRITERS, false,
				null));
		routes.add(new Route("POST", "/activities/{id}", "/activities/999999", 404, PROJECT_WRITERS, false, ""));
		routes.add(new Route("POST", "/activities/{id}/withdrawal", "/activities/999999/withdrawal", 404,
				PROJECT_WRITERS, false, "reason=Cancelled"));
		routes.add(new Route("GET", "/activities/projects/{projectId}/summary",
				"/activities/projects/" + projectId + "/summary", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/api/v1/requests", "/api/v1/requests", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/api/v1/requests", "/api/v1/requests", 400, PROJECT_WRITERS, false, "{}"));
		routes.add(new Route("POST", "/api/v1/requests/{id}/status", "/api/v1/requests/999999/status", 400,
				PROJECT_WRITERS, false, "{}"));
		routes.add(new Route("GET", "/api/v1/projects", "/api/v1/projects", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/api/v1/projects", "/api/v1/projects", 400, PROJECT_WRITERS, false, "{}"));
		routes.add(new Route("GET", "/api/v1/projects/{id}", "/api/v1/projects/" + projectId, 200, ANY_ROLE, false,
				null));
		routes.add(new Route("PUT", "/api/v1/projects/{id}", "/api/v1/projects/" + projectId, 400, PROJECT_WRITERS,
				false, "{}"));
		routes.add(new Route("GET", "/api/v1/projects/{id}/allocations", "/api/v1/projects/" + projectId + "/allocations",
				200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/api/v1/projects/{id}/expenditures",
				"/api/v1/projects/" + projectId + "/expenditures", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/api/v1/allocations", "/api/v1/allocations", 400, FINANCE_ADMIN, false, "{}"));
		routes.add(new Route("POST", "/api/v1/expenditures", "/api/v1/expenditures", 400, PROJECT_WRITERS, false,
				"{}"));
		routes.add(new Route("POST", "/api/v1/expenditures/{id}/reversal", "/api/v1/expenditures/999999/reversal", 400,
				PROJECT_WRITERS, false, "{}"));
		routes.add(new Route("GET", "/api/v1/activities", "/api/v1/activities", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/api/v1/activities", "/api/v1/activities", 400, PROJECT_WRITERS, false, "{}"));
		routes.add(new Route("GET", "/api/v1/activities/{id}", "/api/v1/activities/999999", 404, ANY_ROLE, false,
				null));
		routes.add(new Route("PUT", "/api/v1/activities/{id}", "/api/v1/activities/999999", 400, PROJECT_WRITERS, false,
				"{}"));
		routes.add(new Route("GET", "/admin/reference", "/admin/reference", 200, ADMIN_AUDITOR, false, null));
		routes.add(new Route("POST", "/admin/countries/{code}/classification", "/admin/countries/ZZZ/classification",
				302, ADMIN, false, "classification=DEVELOPING"));
		routes.add(new Route("POST", "/admin/entities", "/admin/entities", 200, ADMIN, false, ""));
		routes.add(new Route("POST", "/admin/entities/{id}/active", "/admin/entities/999999/active", 302, ADMIN, false,
				"active=false"));
		// reports
		var finance = EnumSet.of(Role.FINANCE, Role.ADMIN, Role.AUDITOR);
		routes.add(new Route("GET", "/reports/ledger", "/reports/ledger", 200, finance, false, null));
		routes.add(new Route("GET", "/reports/ledger.{format}", "/reports/ledger.csv", 200, finance, false, null));
		routes.add(new Route("GET", "/reports/fund-statement", "/reports/fund-statement", 200, finance, false, null));
		routes.add(new Route("GET", "/api/v1/reports/fund-statement", "/api/v1/reports/fund-statement", 200, finance,
				false, null));
		routes.add(new Route("GET", "/reports/fund-statement.{format}", "/reports/fund-statement.pdf", 200, finance,
				false, null));
		routes.add(new Route("GET", "/api/v1/reports/ledger", "/api/v1/reports/ledger", 200, finance, false, null));
		for (var report : List.of("trial-balance", "financial-statements")) {
			routes.add(new Route("GET", "/reports/" + report, "/reports/" + report, 200, finance, false, null));
			routes.add(new Route("GET", "/reports/" + report + ".{format}", "/reports/" + report + ".xlsx", 200, finance,
					false, null));
			routes.add(new Route("GET", "/api/v1/reports/" + report, "/api/v1/reports/" + report, 200, finance, false,
					null));
		}
		var contributionReaders = EnumSet.of(Role.FINANCE, Role.ADMIN, Role.AUDITOR, Role.DONOR_RELATIONS);
		var projectReaders = EnumSet.of(Role.FINANCE, Role.ADMIN, Role.AUDITOR, Role.PROJECT_MANAGER);
		var donor = "?donorId=" + donorId();
		var project = "?projectId=" + projectId();
		routes.add(new Route("GET", "/reports/status-of-contributions", "/reports/status-of-contributions", 200,
				contributionReaders, false, null));
		routes.add(new Route("GET", "/reports/status-of-contributions.{format}",
				"/reports/status-of-contributions.xlsx", 200, contributionReaders, false, null));
		routes.add(new Route("GET", "/api/v1/reports/status-of-contributions", "/api/v1/reports/status-of-contributions",
				200, contributionReaders, false, null));
		routes.add(new Route("GET", "/reports/donor-statement", "/reports/donor-statement" + donor, 200,
				contributionReaders, false, null));
		routes.add(new Route("GET", "/reports/donor-statement.{format}", "/reports/donor-statement.pdf" + donor, 200,
				contributionReaders, false, null));
		routes.add(new Route("GET", "/api/v1/reports/donor-statement", "/api/v1/reports/donor-statement" + donor, 200,
				contributionReaders, false, null));
		routes.add(new Route("GET", "/reports/implementation", "/reports/implementation", 200, contributionReaders,
				false, null));
		routes.add(new Route("GET", "/reports/implementation.{format}", "/reports/implementation.pdf", 200,
				contributionReaders, false, null));
		routes.add(new Route("GET", "/api/v1/reports/implementation", "/api/v1/reports/implementation", 200,
				contributionReaders, false, null));
		routes.add(new Route("GET", "/reports/project-report", "/reports/project-report" + project, 200, projectReaders,
				false, null));
		routes.add(new Route("GET", "/reports/project-report.{format}", "/reports/project-report.csv" + project, 200,
				projectReaders, false, null));
		routes.add(new Route("GET", "/api/v1/reports/project-report", "/api/v1/reports/project-report" + project, 200,
				projectReaders, false, null));
		// books: FINANCE, ADMIN and AUDITOR read; FINANCE and ADMIN post manual entries and close; ADMIN reopens
		long none = 9_000_000_000_000_000_000L;
		routes.add(new Route("GET", "/books/accounts", "/books/accounts", 200, finance, false, null));
		routes.add(new Route("GET", "/books/journal", "/books/journal", 200, finance, false, null));
		routes.add(new Route("GET", "/books/journal/manual", "/books/journal/manual", 200, FINANCE_ADMIN, false, null));
		routes.add(new Route("POST", "/books/journal/manual", "/books/journal/manual", 200, FINANCE_ADMIN, false, ""));
		routes.add(new Route("GET", "/books/periods", "/books/periods", 200, finance, false, null));
		routes.add(new Route("POST", "/books/periods/close", "/books/periods/close", 200, FINANCE_ADMIN, false, ""));
		routes.add(new Route("POST", "/books/periods/{id}/reopen", "/books/periods/" + none + "/reopen", 404, ADMIN, false,
				"reason=matrix"));
		routes.add(new Route("GET", "/audit/journal", "/audit/journal", 200, finance, false, null));
		routes.add(new Route("GET", "/api/v1/journal/verify", "/api/v1/journal/verify", 200, finance, false, null));
		routes.add(new Route("GET", "/api/v1/journal/trial-balance", "/api/v1/journal/trial-balance", 200, finance, false,
				null));
		routes.add(new Route("GET", "/api/v1/journal/accounts", "/api/v1/journal/accounts", 200, finance, false, null));
		routes.add(new Route("GET", "/api/v1/journal/entries", "/api/v1/journal/entries", 200, finance, false, null));
		routes.add(new Route("GET", "/api/v1/journal/entries/{id}", "/api/v1/journal/entries/" + none, 404, finance, false,
				null));
		routes.add(new Route("POST", "/api/v1/journal/entries", "/api/v1/journal/entries", 400, FINANCE_ADMIN, false, "{}"));
		routes.add(new Route("GET", "/api/v1/periods", "/api/v1/periods", 200, finance, false, null));
		routes.add(new Route("GET", "/api/v1/periods/{id}", "/api/v1/periods/" + none, 404, finance, false, null));
		routes.add(new Route("GET", "/api/v1/periods/{id}/snapshot", "/api/v1/periods/" + none + "/snapshot", 404, finance,
				false, null));
		routes.add(new Route("POST", "/api/v1/periods/close", "/api/v1/periods/close", 422, FINANCE_ADMIN, false, "{}"));
		routes.add(new Route("POST", "/api/v1/periods/{id}/reopen", "/api/v1/periods/" + none + "/reopen", 404, ADMIN, false,
				"{\"reason\":\"matrix\"}"));
		// API tokens: everyone keeps their own (another's is 404); ADMIN revokes anyone's, AUDITOR reads the list
		routes.add(new Route("GET", "/account/tokens", "/account/tokens", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/account/tokens", "/account/tokens", 302, ANY_ROLE, false, "scope=READ&days=1"));
		routes.add(new Route("POST", "/account/tokens/{id}/revoke", "/account/tokens/999999/revoke", 404, ANY_ROLE, false,
				""));
		// Second factors: everyone keeps their own (who may change what is SecondFactorController's
		// rule); the demo users have none, so confirming leads to the page to set one up.
		routes.add(new Route("GET", "/sign-in/second-factor", "/sign-in/second-factor", 302, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/sign-in/second-factor/totp", "/sign-in/second-factor/totp", 302, ANY_ROLE, false,
				"code=000000"));
		routes.add(new Route("POST", "/sign-in/second-factor/recovery", "/sign-in/second-factor/recovery", 302, ANY_ROLE,
				false, "code=abcde-fghij"));
		routes.add(new Route("POST", "/sign-in/second-factor/passkey/options", "/sign-in/second-factor/passkey/options", 200,
				ANY_ROLE, false, ""));
		routes.add(new Route("POST", "/sign-in/second-factor/passkey", "/sign-in/second-factor/passkey", 200, ANY_ROLE,
				false, "{}"));
		// The OpenAPI description and its browser: every signed-in user
		routes.add(new Route("GET", "/v3/api-docs", "/v3/api-docs", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/v3/api-docs.yaml", "/v3/api-docs.yaml", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/v3/api-docs/swagger-config", "/v3/api-docs/swagger-config", 200, ANY_ROLE, false,
				null));
		routes.add(new Route("GET", "/api-docs", "/api-docs", 302, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/notifications", "/notifications", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/publishing", "/publishing", 200, FINANCE_ADMIN, false, null));
		routes.add(new Route("POST", "/publishing/exclusions", "/publishing/exclusions", 302, FINANCE_ADMIN, false, ""));
		routes.add(new Route("POST", "/publishing/exclusions/{id}/remove", "/publishing/exclusions/999999999/remove", 302,
				FINANCE_ADMIN, false, "version=0"));
		// The spreadsheet import of donors and agreements: donor relations' work, like the donors it creates.
		routes.add(new Route("GET", "/donors/import", "/donors/import", 200, DONOR_ADMIN, false, null));
		routes.add(new Route("POST", "/donors/import", "/donors/import", 302, DONOR_ADMIN, false, ""));
		routes.add(new Route("GET", "/donors/import/{id}", "/donors/import/999999999", 404, DONOR_ADMIN, false, null));
		routes.add(new Route("POST", "/donors/import/{id}/confirm", "/donors/import/999999999/confirm", 404, DONOR_ADMIN,
				false, ""));
		routes.add(new Route("GET", "/donors/import/template.xlsx", "/donors/import/template.xlsx", 200, DONOR_ADMIN, false,
				null));
		routes.add(new Route("GET", "/donors/import/template/{layout}.csv", "/donors/import/template/donors.csv", 200,
				DONOR_ADMIN, false, null));
		routes.add(new Route("GET", "/bank-statements", "/bank-statements", 200, FINANCE_ADMIN, false, null));
		routes.add(new Route("POST", "/bank-statements/accounts", "/bank-statements/accounts", 302, FINANCE_ADMIN, false, ""));
		routes.add(new Route("POST", "/bank-statements/import", "/bank-statements/import", 302, FINANCE_ADMIN, false, ""));
		routes.add(new Route("POST", "/bank-statements/csv-layout", "/bank-statements/csv-layout", 302, FINANCE_ADMIN, false,
				""));
		routes.add(new Route("GET", "/bank-statements/{id}", "/bank-statements/999999999", 404, FINANCE_ADMIN, false, null));
		routes.add(new Route("POST", "/bank-statements/{id}/confirm-matches", "/bank-statements/999999999/confirm-matches",
				404, FINANCE_ADMIN, false, ""));
		routes.add(new Route("POST", "/bank-statements/{id}/entries/{entry}/confirm",
				"/bank-statements/999999999/entries/999999999/confirm", 302, FINANCE_ADMIN, false, "version=0"));
		routes.add(new Route("POST", "/bank-statements/{id}/entries/{entry}/assign",
				"/bank-statements/999999999/entries/999999999/assign", 302, FINANCE_ADMIN, false, "version=0"));
		routes.add(new Route("GET", "/iati/activities.xml", "/iati/activities.xml", 200, FINANCE_ADMIN, false, null));
		routes.add(new Route("POST", "/notifications/{id}/read", "/notifications/999999/read", 404, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/notifications/read-all", "/notifications/read-all", 302, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/account/notifications", "/account/notifications", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/account/notifications", "/account/notifications", 302, ANY_ROLE, false,
				"language=en&byEmail=MONTH_END"));
		routes.add(new Route("GET", "/account/security", "/account/security", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/account/security/totp", "/account/security/totp", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/account/security/recovery-codes", "/account/security/recovery-codes", 302, ANY_ROLE,
				false, null));
		routes.add(new Route("POST", "/account/security/totp", "/account/security/totp", 302, ANY_ROLE, false, "code=000000"));
		routes.add(new Route("POST", "/account/security/enrol/totp", "/account/security/enrol/totp", 302, ANY_ROLE, false,
				"code=000000"));
		routes.add(new Route("POST", "/account/security/passkeys/options", "/account/security/passkeys/options", 200,
				ANY_ROLE, false, ""));
		routes.add(new Route("POST", "/account/security/enrol/passkeys/options", "/account/security/enrol/passkeys/options",
				200, ANY_ROLE, false, ""));
		routes.add(new Route("POST", "/account/security/passkeys", "/account/security/passkeys", 422, ANY_ROLE, false, "{}"));
		routes.add(new Route("POST", "/account/security/enrol/passkeys", "/account/security/enrol/passkeys", 422, ANY_ROLE,
				false, "{}"));
		routes.add(new Route("POST", "/account/security/passkeys/{id}/remove", "/account/security/passkeys/999999/remove",
				302, ANY_ROLE, false, ""));
		routes.add(new Route("POST", "/account/security/recovery-codes", "/account/security/recovery-codes", 302, ANY_ROLE,
				false, ""));
		routes.add(new Route("POST", "/account/security/totp/remove", "/account/security/totp/remove", 302, ANY_ROLE, false,
				""));
		routes.add(new Route("POST", "/admin/users/{id}/second-factors/reset", "/admin/users/" + adminId
				+ "/second-factors/reset", 302, ADMIN, false, ""));
		routes.add(new Route("GET", "/admin/tokens", "/admin/tokens", 200, ADMIN_AUDITOR, false, null));
		routes.add(new Route("GET", "/admin/operations", "/admin/operations", 200, ADMIN, false, null));
		routes.add(new Route("GET", "/admin/donors/merge", "/admin/donors/merge", 200, ADMIN, false, null));
		routes.add(new Route("POST", "/admin/donors/merge", "/admin/donors/merge", 200, ADMIN, false, ""));
		routes.add(new Route("POST", "/admin/tokens/{id}/revoke", "/admin/tokens/999999/revoke", 404, ADMIN, false, ""));
		routes.add(new Route("GET", "/api/v1/tokens", "/api/v1/tokens", 200, ANY_ROLE, false, null));
		routes.add(new Route("POST", "/api/v1/tokens", "/api/v1/tokens", 422, ANY_ROLE, false, "{\"scope\":\"READ\"}"));
		routes.add(new Route("DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/999999", 404, ANY_ROLE, false, null));
		// maker-checker: everyone sees their own and what awaits them; who decides is each record's
		// rule (Approvals), so an unknown record is 404 for every role; ADMIN sets the policies
		routes.add(new Route("GET", "/approvals", "/approvals", 200, ANY_ROLE, false, null));
		for (var decision : List.of("approve", "reject", "withdraw")) {
			routes.add(new Route("POST", "/approvals/{id}/" + decision, "/approvals/999999/" + decision, 404, ANY_ROLE,
					false, ""));
			routes.add(new Route("POST", "/api/v1/approvals/{id}/" + decision, "/api/v1/approvals/999999/" + decision,
					404, ANY_ROLE, false, "{}"));
		}
		routes.add(new Route("GET", "/api/v1/approvals", "/api/v1/approvals", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/api/v1/approvals/mine", "/api/v1/approvals/mine", 200, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/api/v1/approvals/{id}", "/api/v1/approvals/999999", 404, ANY_ROLE, false, null));
		routes.add(new Route("GET", "/api/v1/approval-policies", "/api/v1/approval-policies", 200, ADMIN_AUDITOR, false,
				null));
		routes.add(new Route("PUT", "/api/v1/approval-policies/{action}", "/api/v1/approval-policies/NO_SUCH_ACTION", 400,
				ADMIN, false, "{}"));
		routes.add(new Route("GET", "/admin/approvals", "/admin/approvals", 200, ADMIN_AUDITOR, false, null));
		routes.add(new Route("POST", "/admin/approvals/{action}", "/admin/approvals/NO_SUCH_ACTION", 400, ADMIN, false,
				"required=true"));
		// audit
		routes.add(new Route("GET", "/audit", "/audit", 200, ADMIN_AUDITOR, false, null));
		routes.add(new Route("GET", "/audit/sign-ins", "/audit/sign-ins", 200, ADMIN_AUDITOR, false, null));
		routes.add(new Route("GET", "/audit/revisions/{number}", "/audit/revisions/1", 200, ADMIN_AUDITOR, false,
				null));
		return routes;
	}

	@Test
	void coversEveryMappedRoute() {
		var mapped = new TreeSet<String>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			var methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					mapped.add("ANY " + pattern);
				}
				methods.forEach(method -> mapped.add(method.name() + " " + pattern));
			}
		});
		var inMatrix = matrix().stream().map(r -> r.method() + " " + r.pattern()).collect(Collectors.toSet());
		assertThat(mapped).as("routes without a row in the access matrix").isSubsetOf(inMatrix);
		var actuator = inMatrix.stream().filter(r -> r.contains("/actuator/")).toList();
		assertThat(mapped).as("matrix rows for routes that no longer exist")
			.containsAll(inMatrix.stream().filter(r -> !actuator.contains(r)).toList());
	}

	@Test
	void givesEachRoleAndAnonymousTheExpectedStatusOnEveryRoute() throws Exception {
		var failures = new ArrayList<String>();
		for (var route : matrix()) {
			boolean api = route.path().startsWith("/api/") || route.path().startsWith("/actuator/");
			int anonymousExpected = route.anonymous() ? route.allowedStatus() : api ? 401 : 302;
			check(route, null, anonymousExpected, failures);
			for (var role : Role.values()) {
				check(route, role, route.roles().contains(role) ? route.allowedStatus() : 403, failures);
			}
		}
		assertThat(failures).isEmpty();
	}

	private void check(Route route, Role role, int expected, List<String> failures) throws Exception {
		var method = route.method().equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(route.method());
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, route.path());
		if (method == HttpMethod.DELETE) {
			request.with(csrf());
		}
		if (method == HttpMethod.POST || method == HttpMethod.PUT) {
			request.with(csrf());
			if (route.body() != null && route.body().startsWith("{")) {
				request.contentType(MediaType.APPLICATION_JSON).content(route.body());
			}
			else if (route.body() != null && route.body().startsWith("currency,")) {
				request.contentType("text/csv").content(route.body());
			}
			else if (route.body() != null && !route.body().isEmpty()) {
				request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(route.body());
			}
		}
		if (role != null) {
			request.with(user(demoUser(role)).roles(role.name()));
		}
		org.springframework.mock.web.MockHttpServletResponse response;
		try {
			response = mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception e) {
			// Name the route and where it broke: a bare servlet exception hides which of 1,000 requests failed.
			var cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
			var at = java.util.Arrays.stream(cause.getStackTrace())
				.filter(frame -> frame.getClassName().startsWith("org.tafund"))
				.limit(3)
				.map(StackTraceElement::toString)
				.toList();
			failures.add(route.method() + " " + route.path() + " as " + (role == null ? "anonymous" : role) + " threw "
					+ cause + " at " + at);
			return;
		}
		int status = response.getStatus();
		boolean ok = status == expected;
		if (ok && expected == 302 && role == null) {
			ok = String.valueOf(response.getRedirectedUrl()).endsWith("/login");
		}
		if (!ok) {
			failures.add(route.method() + " " + route.path() + " as " + (role == null ? "anonymous" : role)
					+ ": expected " + expected + ", got " + status);
		}
	}

}
