package org.tafund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tafund.support.TestSession;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.Approvals;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.support.IntegrationTest;
import org.tafund.support.SignedIn;

import com.jayway.jsonpath.JsonPath;

/**
 * Second factors over HTTP on the real database: enrolment at the first sign-in that needs one,
 * TOTP and recovery codes at the next, what a half-signed-in session may reach, HTTP Basic for
 * such accounts, an administrator's reset, and the confirmation before approving money.
 */
@IntegrationTest
class SecondFactorTests {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	org.springframework.session.SessionRepository<? extends org.springframework.session.Session> sessions;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.security.core.session.SessionRegistry sessionRegistry;

	UserSummary newUser(Role... roles) {
		var name = "sf-" + UUID.randomUUID().toString().substring(0, 8);
		return users.create(new NewUser(name, "Second Factor " + name, null, PASSWORD, EnumSet.copyOf(List.of(roles))));
	}

	static org.springframework.test.web.servlet.ResultMatcher refusedWith(String code) {
		return flash().attribute("problem", org.hamcrest.Matchers.<Object>hasProperty("codes",
				org.hamcrest.Matchers.hasItemInArray(code)));
	}

	TestSession signIn(String username, String expectedRedirect) throws Exception {
		return TestSession.of(mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andExpect(redirectedUrl(expectedRedirect))
			.andReturn());
	}

	/** Enrols an authenticator app at the first sign-in; returns its secret and the recovery codes. */
	record Enrolled(byte[] secret, List<String> codes, TestSession session) {
	}

	Enrolled enrolTotp(String username) throws Exception {
		var session = signIn(username, SecondFactorSession.PAGE);
		mvc.perform(get(SecondFactorSession.PAGE).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"enrol-intro\"")))
			.andExpect(content().string(containsString("id=\"totp-qr\"")));
		var secret = (byte[]) session.attribute(sessions, SecondFactorController.TOTP_ENROLMENT);
		mvc.perform(post("/account/security/enrol/totp").with(session).with(csrf()).param("code", "000000"))
			.andExpect(redirectedUrl(SecondFactorSession.PAGE))
			.andExpect(flash().attribute("factorError", "secondFactor.totp.wrongCode"));
		mvc.perform(post("/account/security/enrol/totp").with(session).with(csrf()).param("code", codeNow(secret)))
			.andExpect(redirectedUrl("/account/security/recovery-codes"));
		@SuppressWarnings("unchecked")
		var codes = (List<String>) mvc.perform(get("/account/security/recovery-codes").with(session))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("codes");
		return new Enrolled(secret, codes, session);
	}

	String codeNow(byte[] secret) {
		return Totp.code(secret, Totp.step(clock.instant()));
	}

	/** The next step's code: the current one was used at enrolment, and a code works once. */
	String nextCode(byte[] secret) {
		return Totp.code(secret, Totp.step(clock.instant()) + 1);
	}

	@Test
	void aFinanceOfficerEnrolsAtTheFirstSignInAndShowsTheAppAtTheNext() throws Exception {
		var user = newUser(Role.FINANCE);
		var session = signIn(user.username(), SecondFactorSession.PAGE);
		// Half signed in: no page, no API, no enrolment of a second factor elsewhere.
		mvc.perform(get("/contributions").with(session)).andExpect(redirectedUrl(SecondFactorSession.PAGE));
		mvc.perform(get("/account/security").with(session)).andExpect(redirectedUrl(SecondFactorSession.PAGE));
		mvc.perform(get("/api/v1/me").with(session)).andExpect(status().isUnauthorized());

		var enrolled = enrolTotp(user.username());
		assertThat(enrolled.codes()).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
		// Stored hashed and encrypted: no code and no secret in the clear.
		var userId = user.id();
		assertThat(jdbc.queryForList("select code_hash from recovery_code where user_id = ?", String.class, userId))
			.hasSize(10)
			.noneMatch(hash -> enrolled.codes().stream().anyMatch(code -> hash.contains(code.replace("-", ""))));
		assertThat(jdbc.queryForObject("select secret from totp_factor where user_id = ?", String.class, userId))
			.doesNotContain(Totp.base32(enrolled.secret()));
		mvc.perform(get("/contributions").with(enrolled.session())).andExpect(status().isOk());
		// The codes are shown once.
		mvc.perform(get("/account/security/recovery-codes").with(enrolled.session()))
			.andExpect(redirectedUrl("/account/security"));

		// The next sign-in asks for the app: a wrong code is refused, the right one lets in.
		var next = signIn(user.username(), SecondFactorSession.PAGE);
		mvc.perform(get(SecondFactorSession.PAGE).with(next))
			.andExpect(content().string(containsString("id=\"totp-code\"")))
			.andExpect(content().string(containsString("id=\"recovery-code\"")));
		mvc.perform(post(SecondFactorSession.PAGE + "/totp").with(next).with(csrf()).param("code", "123456"))
			.andExpect(redirectedUrl(SecondFactorSession.PAGE));
		mvc.perform(get("/contributions").with(next)).andExpect(redirectedUrl(SecondFactorSession.PAGE));
		var code = nextCode(enrolled.secret());
		mvc.perform(post(SecondFactorSession.PAGE + "/totp").with(next).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/contributions").with(next)).andExpect(status().isOk());
		// That code worked once: replayed at another sign-in, it is refused.
		var replay = signIn(user.username(), SecondFactorSession.PAGE);
		mvc.perform(post(SecondFactorSession.PAGE + "/totp").with(replay).with(csrf()).param("code", code))
			.andExpect(redirectedUrl(SecondFactorSession.PAGE));
		assertThat(jdbc.queryForObject("select count(*) from security_event where username = ? and event_type = 'SECOND_FACTOR_FAILED'",
				Integer.class, user.username())).isEqualTo(2);
		// The sign-in log tells the password step from the whole sign-in.
		assertThat(jdbc.queryForList("select detail from security_event where username = ? and event_type = 'LOGIN'",
				String.class, user.username())).isNotEmpty().containsOnly("password; second factor asked");
		// A pending sign-in cannot enrol another factor to get past the one it has.
		mvc.perform(post("/account/security/enrol/totp").with(replay).with(csrf()).param("code", "000000"))
			.andExpect(redirectedUrl(SecondFactorSession.PAGE));
	}

	@Test
	void aRecoveryCodeWorksOnce() throws Exception {
		var user = newUser(Role.ADMIN);
		var enrolled = enrolTotp(user.username());
		var code = enrolled.codes().get(3).toUpperCase();
		var first = signIn(user.username(), SecondFactorSession.PAGE);
		mvc.perform(post(SecondFactorSession.PAGE + "/recovery").with(first).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/admin/users").with(first)).andExpect(status().isOk());
		mvc.perform(get("/account/security").with(first))
			.andExpect(content().string(containsString("9 of 10 recovery codes left")));
		var second = signIn(user.username(), SecondFactorSession.PAGE);
		mvc.perform(post(SecondFactorSession.PAGE + "/recovery").with(second).with(csrf()).param("code", code))
			.andExpect(redirectedUrl(SecondFactorSession.PAGE));
		mvc.perform(get("/admin/users").with(second)).andExpect(redirectedUrl(SecondFactorSession.PAGE));
	}

	@Test
	void fiveWrongCodesEndTheHalfSignedInSession() throws Exception {
		var user = newUser(Role.FINANCE);
		enrolTotp(user.username());
		var session = signIn(user.username(), SecondFactorSession.PAGE);
		for (int i = 1; i < SecondFactorController.MAX_WRONG_CODES; i++) {
			mvc.perform(post(SecondFactorSession.PAGE + "/totp").with(session).with(csrf()).param("code", "000000"))
				.andExpect(redirectedUrl(SecondFactorSession.PAGE));
		}
		var id = session.id();
		mvc.perform(post(SecondFactorSession.PAGE + "/totp").with(session).with(csrf()).param("code", "000000"))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(sessions.findById(id)).isNull();
		// They count as failed sign-ins: the account is locked as after five wrong passwords.
		assertThat(users.get(user.id()).locked()).isTrue();
	}

	@Test
	void httpBasicIsRefusedForAnAccountWithASecondFactorAndStillServesTheDemoUsers() throws Exception {
		var user = newUser(Role.FINANCE);
		mvc.perform(get("/api/v1/me").with(httpBasic(user.username(), PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("token")));
		// The demo users are exempt, so that the published password still works for scripts in the demo.
		mvc.perform(get("/api/v1/me").with(httpBasic("finance.officer", UserBootstrap.DEMO_PASSWORD)))
			.andExpect(status().isOk());
		// A role that needs none signs in with the password alone, and sees no banner.
		var manager = newUser(Role.PROJECT_MANAGER);
		var session = signIn(manager.username(), "/");
		mvc.perform(get("/projects").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"demo-second-factor\""))));
	}

	@Test
	void aDemoUserIsExemptAndTheBannerSaysSo() throws Exception {
		var session = TestSession.of(mvc.perform(formLogin("/login").user("finance.officer").password(UserBootstrap.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn());
		mvc.perform(get("/contributions").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demo-second-factor\"")));
		mvc.perform(get("/login")).andExpect(content().string(containsString("id=\"demo-second-factor-note\"")));
	}

	@Test
	void anAdministratorResetsAUsersFactorsAndTheUserIsToldAtTheNextSignIn() throws Exception {
		var user = newUser(Role.FINANCE);
		var enrolled = enrolTotp(user.username());
		var admin = newUser(Role.ADMIN);
		var adminSession = enrolTotp(admin.username()).session();
		// Not one's own: another administrator resets those.
		mvc.perform(post("/admin/users/{id}/second-factors/reset", admin.id()).with(adminSession).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + admin.id()))
			.andExpect(refusedWith("secondFactor.reset.own"));
		assertThat(jdbc.queryForObject("select count(*) from totp_factor where user_id = ?", Integer.class, admin.id())).isEqualTo(1);

		mvc.perform(post("/admin/users/{id}/second-factors/reset", user.id()).with(adminSession).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + user.id()));
		assertThat(jdbc.queryForObject("select count(*) from totp_factor where user_id = ?", Integer.class, user.id())).isZero();
		assertThat(jdbc.queryForObject("select count(*) from recovery_code where user_id = ?", Integer.class, user.id())).isZero();
		assertThat(jdbc.queryForObject("select detail from security_event where username = ? and event_type = 'SECOND_FACTORS_RESET'",
				String.class, user.username())).isEqualTo("by " + admin.username());
		// The user's sessions ended; at the next sign-in they are told, and enrol again.
		assertThat(sessionRegistry.getAllSessions(user.username(), false)).isEmpty();
		assertThat(enrolled.session()).isNotNull();
		var session = signIn(user.username(), SecondFactorSession.PAGE);
		mvc.perform(get(SecondFactorSession.PAGE).with(session))
			.andExpect(content().string(containsString("id=\"factors-reset-notice\"")))
			.andExpect(content().string(containsString("Administrator " + admin.username() + " reset your second factors")))
			.andExpect(content().string(containsString("id=\"enrol-intro\"")));
		// Told once.
		mvc.perform(get(SecondFactorSession.PAGE).with(session))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"factors-reset-notice\""))));
	}

	@Test
	void theLastFactorOfSomeoneWhoNeedsOneCannotBeRemoved() throws Exception {
		var user = newUser(Role.FINANCE);
		var enrolled = enrolTotp(user.username());
		mvc.perform(post("/account/security/totp/remove").with(enrolled.session()).with(csrf()))
			.andExpect(redirectedUrl("/account/security"))
			.andExpect(refusedWith("secondFactor.lastRequired"));
		// Nor can a passkey that is not one's own.
		mvc.perform(post("/account/security/passkeys/{id}/remove", 999_999).with(enrolled.session()).with(csrf()))
			.andExpect(redirectedUrl("/account/security"))
			.andExpect(refusedWith("secondFactor.passkey.notYours"));
		// Changing factors more than five minutes after the last one was shown asks for it again.
		enrolled.session().setAttribute(sessions, SecondFactorSession.CONFIRMED_AT, java.time.Instant.now().minusSeconds(301));
		mvc.perform(post("/account/security/recovery-codes").with(enrolled.session()).with(csrf()))
			.andExpect(redirectedUrl(SecondFactorSession.PAGE + "?continue=%2Faccount%2Fsecurity"));
		mvc.perform(post(SecondFactorSession.PAGE + "/totp").with(enrolled.session()).with(csrf())
			.param("code", nextCode(enrolled.secret()))
			.param("continue", "/account/security")).andExpect(redirectedUrl("/account/security"));
		mvc.perform(post("/account/security/recovery-codes").with(enrolled.session()).with(csrf()))
			.andExpect(redirectedUrl("/account/security/recovery-codes"));
		assertThat(jdbc.queryForObject("select count(*) from totp_factor where user_id = ?", Integer.class, user.id())).isEqualTo(1);
	}

	@Autowired
	Approvals approvals;

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Test
	void approvingMoneyAsksForTheSecondFactorAgainAfterFiveMinutes() throws Exception {
		var before = approvals.policies();
		approvals.setPolicy(ApprovalAction.RECEIPT, true, new BigDecimal("100000.00"));
		try {
			var approver = newUser(Role.FINANCE, Role.APPROVER);
			var enrolled = enrolTotp(approver.username());
			var session = enrolled.session();
			long id;
			try (var maker = SignedIn.as("maker-" + approver.username(), Role.FINANCE)) {
				var donor = donors.register(new DonorDetails("Second Factor Donor " + UUID.randomUUID(), DonorType.FOUNDATION,
						null, null, null, null, true, List.of())).id();
				var agreement = contributions.createAgreement(new AgreementTerms("SF-" + UUID.randomUUID(), donor, "USD",
						new BigDecimal("500000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null,
						false, null, null, LocalDate.parse("2025-01-15"),
						List.of(new ScheduleLine(LocalDate.parse("2025-03-01"), new BigDecimal("500000.00")))));
				var pending = mvc.perform(post("/api/v1/agreements/{id}/receipts", agreement.id())
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.user("maker-" + approver.username()).roles("FINANCE"))
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"receivedOn\":\"2025-02-10\",\"amount\":\"150000.00\",\"currency\":\"USD\",\"bankReference\":\"SF-1\"}"))
					.andExpect(status().isAccepted())
					.andReturn().getResponse().getContentAsString();
				id = ((Number) JsonPath.read(pending, "$.id")).longValue();
			}
			// Enrolment just now counts as a confirmation; six minutes later it no longer does.
			session.setAttribute(sessions, SecondFactorSession.CONFIRMED_AT, java.time.Instant.now().minusSeconds(360));
			mvc.perform(post("/approvals/{id}/approve", id).with(session).with(csrf()))
				.andExpect(redirectedUrl(SecondFactorSession.PAGE + "?continue=%2Fapprovals%23approval-" + id));
			mvc.perform(post("/api/v1/approvals/{id}/approve", id).with(session).with(csrf()))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("secondFactor.confirm.first"));
			assertThat(approvals.get(id).status().name()).isEqualTo("PENDING");
			// A script's token cannot show a second factor: money is approved on the page.
			var token = JsonPath.<String>read(mvc.perform(post("/api/v1/tokens").with(session).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"approver script\",\"scope\":\"WRITE\",\"days\":1}"))
				.andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString(), "$.secret");
			mvc.perform(post("/api/v1/approvals/{id}/approve", id).header("Authorization", "Bearer " + token))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("secondFactor.confirm.notWithToken"));
			// Confirmed with the app: back to the approvals, and the approval books it.
			mvc.perform(get(SecondFactorSession.PAGE).param("continue", "/approvals#approval-" + id).with(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Confirm it is you")));
			mvc.perform(post(SecondFactorSession.PAGE + "/totp").with(session).with(csrf())
				.param("code", nextCode(enrolled.secret()))
				.param("continue", "/approvals#approval-" + id)).andExpect(redirectedUrl("/approvals#approval-" + id));
			mvc.perform(post("/approvals/{id}/approve", id).with(session).with(csrf())).andExpect(redirectedUrl("/approvals"));
			assertThat(approvals.get(id).status().name()).isEqualTo("APPROVED");
		}
		finally {
			before.forEach(policy -> approvals.setPolicy(policy.action(), policy.required(), policy.thresholdUsd()));
		}
	}

}
