package org.tafund.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.security.NewUser;
import org.tafund.security.Role;
import org.tafund.security.UserManagement;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Unique;

@IntegrationTest
class AuditTrailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	AuditTrail trail;

	@Test
	void theSignInLogSaysInWordsWhatWasDeniedAndWhy() throws Exception {
		var reader = Unique.name("curious.manager");
		mvc.perform(get("/reports/ledger").with(user(reader).roles("PROJECT_MANAGER"))).andExpect(status().isForbidden());
		// A form posted without its token: a page left open too long, or a request from elsewhere.
		mvc.perform(post("/donors").with(user(reader).roles("PROJECT_MANAGER"))).andExpect(status().isForbidden());
		var page = mvc.perform(get("/audit/sign-ins").param("user", reader).with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The address asked for is shown as typed, in code type (what the page scan leaves out as a machine value).
		var text = page.replaceAll("<code>([^<]*)</code>", "$1").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
		assertThat(text).contains("Access denied " + reader + " ")
			.contains("to GET /reports/ledger")
			.contains("to POST /donors (the page’s form token was refused")
			.doesNotContain("Exception");
		assertThat(page).contains("<code>GET /reports/ledger</code>");
		assertThat(new org.tafund.security.SecurityEventView(1L, null, null, null, null,
				"GET /audit (AuthorizationDeniedException)").shownDetail()).isEqualTo("GET /audit");
	}

	@Test
	void recordsWhoChangedWhichRecordAndWhatChanged() throws Exception {
		var target = users.create(new NewUser(Unique.name("audit.target"), "Audit Target", null, "long enough password",
				EnumSet.of(Role.DONOR_RELATIONS)));

		mvc.perform(post("/admin/users/{id}/roles", target.id()).with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("version", String.valueOf(target.version()))
			.param("roles", "DONOR_RELATIONS", "FINANCE")).andExpect(status().is3xxRedirection());

		var latest = trail.revisions("admin", PageRequest.of(0, 1)).getContent().get(0);
		assertThat(latest.username()).isEqualTo("admin");
		assertThat(latest.changes()).singleElement().satisfies(change -> {
			assertThat(change.entity()).isEqualTo("AppUser");
			assertThat(change.id()).isEqualTo(target.id());
			assertThat(change.kind()).isEqualTo("MOD");
			assertThat(change.properties()).containsExactly(
					new RevisionView.PropertyChange("roles", "DONOR_RELATIONS", "DONOR_RELATIONS, FINANCE",
							"role.DONOR_RELATIONS", "role.DONOR_RELATIONS,role.FINANCE"));
		});

		mvc.perform(get("/audit/revisions/{n}", latest.number()).with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Donor relations, Finance")));
		mvc.perform(get("/audit").param("user", "admin").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("User " + target.id())));
	}

	// The probe read every user's e-mail and roles through /history/AppUser/{id} as a project manager.
	@Test
	void theHistoryOfARecordIsForThoseWhoMayReadTheRecord() throws Exception {
		var target = users.create(new NewUser(Unique.name("history.target"), "History Target", "history@tafund.example",
				"long enough password", EnumSet.of(Role.DONOR_RELATIONS)));
		for (var role : List.of(Role.PROJECT_MANAGER, Role.DONOR_RELATIONS, Role.FINANCE, Role.APPROVER)) {
			mvc.perform(get("/history/AppUser/" + target.id()).with(user("reader").roles(role.name())))
				.andExpect(status().isForbidden());
		}
		for (var role : List.of(Role.ADMIN, Role.AUDITOR)) {
			mvc.perform(get("/history/AppUser/" + target.id()).with(user("reader").roles(role.name())))
				.andExpect(status().isOk());
		}
		// Period closes are for those who read the books.
		mvc.perform(get("/history/PeriodClose/1").with(user("reader").roles("PROJECT_MANAGER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aStaleFormIsRefusedWithAConflictInsteadOfOverwriting() throws Exception {
		var target = users.create(new NewUser(Unique.name("stale.target"), "Stale Target", null, "long enough password",
				EnumSet.of(Role.FINANCE)));
		var staleVersion = target.version();
		users.changeRoles(target.id(), staleVersion, EnumSet.of(Role.AUDITOR), "admin");

		mvc.perform(post("/admin/users/{id}/roles", target.id()).with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("version", String.valueOf(staleVersion))
			.param("roles", "ADMIN")).andExpect(status().is3xxRedirection());

		assertThat(users.get(target.id()).roles()).containsExactly(Role.AUDITOR);
	}


	@Autowired
	org.tafund.approvals.Approvals approvals;

	/** A record whose id is a code (an approval rule is its action) is named by the code's label. */
	@Test
	void anApprovalRuleIsNamedByItsActionInWords() throws Exception {
		var action = org.tafund.approvals.ApprovalAction.MANUAL_ENTRY;
		var before = approvals.policies().stream().filter(p -> p.action() == action).findFirst().orElseThrow();
		try (var signedIn = org.tafund.support.SignedIn.as("admin", Role.ADMIN)) {
			approvals.setPolicy(action, before.required(), new java.math.BigDecimal("123.45"));
			var page = mvc.perform(get("/audit").param("user", "admin").with(user("auditor").roles("AUDITOR")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(org.tafund.support.VisibleText.of(page)).contains("Approval rule Manual journal entry")
				.doesNotContain("MANUAL_ENTRY");
		}
		finally {
			try (var signedIn = org.tafund.support.SignedIn.as("admin", Role.ADMIN)) {
				approvals.setPolicy(action, before.required(), before.thresholdUsd());
			}
		}
	}

}
