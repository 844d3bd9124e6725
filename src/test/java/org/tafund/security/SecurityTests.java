package org.tafund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tafund.support.TestSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BindingResult;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;
import org.tafund.support.Unique;

@IntegrationTest
class SecurityTests {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	org.springframework.session.SessionRepository<? extends org.springframework.session.Session> sessions;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Autowired
	java.time.Clock clock;

	UserSummary newUser(Role role) {
		var name = "t-" + UUID.randomUUID().toString().substring(0, 8);
		return users.create(new NewUser(name, "Test " + name, null, PASSWORD, EnumSet.of(role)));
	}

	@Autowired
	ServerProperties server;

	@Test
	void endsIdleSessionsAfterThirtyMinutes() {
		assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void logsAccessDenialsWithUserAndAddress() throws Exception {
		var user = newUser(Role.PROJECT_MANAGER);
		mvc.perform(get("/audit").with(user(user.username()).roles("PROJECT_MANAGER"))).andExpect(status().isForbidden());
		var address = jdbc.queryForObject(
				"select remote_address from security_event where username = ? and event_type = 'ACCESS_DENIED'",
				String.class, user.username());
		assertThat(address).isEqualTo("127.0.0.1");
	}

	@Test
	void refusesPostsWithoutCsrfToken() throws Exception {
		mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).param("username", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/login").param("username", "admin").param("password", "tafund-demo-2026"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/users").with(user("admin").roles("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
	}

	// The probe found CSRF denials logged without the signed-in user.
	@Test
	void logsACsrfDenialWithTheSignedInUser() throws Exception {
		var username = "csrf-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/exchange-rates").with(user(username).roles("FINANCE")).param("currency", "EUR"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE event_type = 'ACCESS_DENIED' "
				+ "AND username = ? AND detail = ?", Integer.class, username, "POST /exchange-rates [form token]")).isEqualTo(1);
	}

	@Test
	void sendsSecurityHeadersAndAStrictSessionCookie() throws Exception {
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.discarding());
		var headers = response.headers();
		var csp = headers.firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		var cookie = headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(TestSession.COOKIE + "=")).findFirst();
		assertThat(cookie).hasValueSatisfying(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void locksAnAccountForFifteenMinutesAfterFiveFailedSignIns() throws Exception {
		var user = newUser(Role.DONOR_RELATIONS);
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user(user.username()).password("wrong password " + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		var before = Instant.now(clock);
		// The right password no longer opens the account, and the page says no more than for a stranger.
		mvc.perform(formLogin("/login").user(user.username()).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin("/login").user("nobody-" + user.username()).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(users.get(user.id()).locked()).isTrue();
		var lockedUntil = jdbc.queryForObject("select locked_until from app_user where id = ?", Timestamp.class,
				user.id())
			.toInstant();
		assertThat(Duration.between(before, lockedUntil)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));
		assertThat(eventCount(user.username(), "LOGIN_FAILED")).isEqualTo(5);
		assertThat(eventCount(user.username(), "LOCKOUT")).isEqualTo(1);
		assertThat(eventCount(user.username(), "LOGIN_REFUSED_LOCKED")).isEqualTo(1);

		// Fifteen minutes later the account opens again.
		jdbc.update("update app_user set locked_until = ? where id = ?",
				Timestamp.from(Instant.now(clock).minusSeconds(1)), user.id());
		mvc.perform(formLogin("/login").user(user.username()).password(PASSWORD)).andExpect(redirectedUrl("/"));
		assertThat(eventCount(user.username(), "LOGIN")).isEqualTo(1);
	}

	@Test
	void fourFailuresThenASuccessDoNotLock() throws Exception {
		var user = newUser(Role.AUDITOR);
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin("/login").user(user.username()).password("wrong password"));
		}
		mvc.perform(formLogin("/login").user(user.username()).password(PASSWORD)).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user(user.username()).password("wrong password"));
		mvc.perform(formLogin("/login").user(user.username()).password(PASSWORD)).andExpect(redirectedUrl("/"));
		assertThat(users.get(user.id()).locked()).isFalse();
	}

	@Test
	void aDisabledUserLosesTheOpenSessionAndCannotSignIn() throws Exception {
		var user = newUser(Role.DONOR_RELATIONS);
		var session = TestSession.of(mvc.perform(formLogin("/login").user(user.username()).password(PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn());
		mvc.perform(get("/").with(session)).andExpect(status().isOk());

		users.disable(user.id(), users.get(user.id()).version(), "admin");

		mvc.perform(get("/").with(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/api/v1/me").with(session)).andExpect(status().isUnauthorized());
		mvc.perform(formLogin("/login").user(user.username()).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(eventCount(user.username(), "LOGIN_REFUSED_DISABLED")).isEqualTo(1);
		mvc.perform(get("/api/v1/me").with(httpBasic(user.username(), PASSWORD))).andExpect(status().isUnauthorized());
	}

	@Test
	void changingSomeoneElsesRolesEndsTheirSessionButNotTheAdministratorsOwn() throws Exception {
		var admin = users.create(new NewUser(Unique.name("second.admin"), "Second Admin", null, PASSWORD, EnumSet.of(Role.ADMIN)));
		var other = newUser(Role.DONOR_RELATIONS);
		var adminSession = signInWithSecondFactor(admin.username());
		var otherSession = signIn(other.username());

		users.changeRoles(admin.id(), admin.version(), EnumSet.of(Role.ADMIN, Role.AUDITOR), admin.username());
		users.changeRoles(other.id(), other.version(), EnumSet.of(Role.AUDITOR), admin.username());

		mvc.perform(get("/").with(adminSession)).andExpect(status().isOk());
		mvc.perform(get("/").with(otherSession)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/api/v1/users").with(otherSession)).andExpect(status().isUnauthorized());
	}

	@Test
	void tellsTheUserAtTheirNextSignInHowManyFailuresThereWereAndFromWhere() throws Exception {
		var user = newUser(Role.DONOR_RELATIONS);
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/login").param("username", user.username())
				.param("password", "not the password " + i)
				.with(csrf())
				.with(request -> {
					request.setRemoteAddr("203.0.113.9");
					return request;
				})).andExpect(redirectedUrl("/login?error"));
		}
		var session = signIn(user.username());
		mvc.perform(get("/").with(session))
			.andExpect(content().string(containsString("2 failed sign-ins to your account since your last sign-in, from 203.0.113.9.")));
		// Said once.
		mvc.perform(get("/").with(session)).andExpect(content().string(not(containsString("failed sign-ins"))));
		// Nothing to say at the next sign-in.
		mvc.perform(get("/").with(signIn(user.username())))
			.andExpect(content().string(not(containsString("failed sign-ins"))));
	}

	// The probe found a changed password leaving the user's other sessions signed in.
	@Test
	void changingOnesPasswordEndsOnesOtherSessionsButNotThisOne() throws Exception {
		var user = newUser(Role.DONOR_RELATIONS);
		var here = signIn(user.username());
		var elsewhere = signIn(user.username());
		mvc.perform(post("/account/password").with(here)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "four words we remember")
			.param("confirmPassword", "four words we remember"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/").with(here)).andExpect(status().isOk());
		mvc.perform(get("/").with(elsewhere)).andExpect(redirectedUrl("/login?expired"));
	}

	// The probe's passwords: common ones accepted, a limit that said "characters" and a page that
	// said "size must be between 12 and 72".
	@Test
	void refusesCommonPasswordsAndCountsTheLimitInBytes() throws Exception {
		for (var common : List.of("password1234", "123456789012", "PASSWORD1234", "qwertyuiop12")) {
			expectRefusal(Unique.name("common.pw"), common, "password.common");
		}
		assertThat(CommonPasswords.listed()).isGreaterThanOrEqualTo(100_000);
		var user = newUser(Role.DONOR_RELATIONS);
		var session = signIn(user.username());
		var inSession = session;
		var refused = Refused.redirect(mvc, post("/account/password").param("currentPassword", PASSWORD)
			.param("newPassword", "é".repeat(40))
			.param("confirmPassword", "é".repeat(40)), inSession, "/account/password");
		assertThat(Refused.fieldError(refused, "form", "newPassword")).isEqualTo("password.tooLong");
		assertThat(Refused.follow(mvc, refused, inSession)).contains("at most 72 bytes").doesNotContain("size must be");
		// Too short: the form's own message, in characters, not the validator's "size must be between".
		var page = mvc.perform(post("/account/password").with(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "short")
			.param("confirmPassword", "short")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("A password needs at least 12 characters.").doesNotContain("size must be");
	}

	TestSession signIn(String username) throws Exception {
		return TestSession.of(mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn());
	}

	/** An administrator's first sign-in: the password, then an authenticator app set up on the spot. */
	TestSession signInWithSecondFactor(String username) throws Exception {
		var session = TestSession.of(mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andExpect(redirectedUrl(SecondFactorSession.PAGE))
			.andReturn());
		mvc.perform(get(SecondFactorSession.PAGE).with(session)).andExpect(status().isOk());
		var secret = (byte[]) session.attribute(sessions, SecondFactorController.TOTP_ENROLMENT);
		mvc.perform(post("/account/security/enrol/totp").with(session)
			.with(csrf())
			.param("code", Totp.code(secret, Totp.step(clock.instant())))).andExpect(redirectedUrl("/account/security/recovery-codes"));
		return session;
	}

	@Test
	void theApiAnswersWithProblemDocuments() throws Exception {
		mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/v1/users").with(httpBasic("donor.officer", "tafund-demo-2026")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
		mvc.perform(post("/api/v1/users").with(httpBasic("admin", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"api.user\",\"fullName\":\"\",\"password\":\"short\",\"roles\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("password")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("fullName")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
		mvc.perform(post("/api/v1/users").with(httpBasic("admin", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		var body = "{\"username\":\"" + Unique.name("api.created") + "\",\"fullName\":\"Api Created\",\"password\":\"" + PASSWORD
				+ "\",\"roles\":[\"FINANCE\"]}";
		mvc.perform(post("/api/v1/users").with(httpBasic("admin", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andExpect(jsonPath("$.roles[0]").value("FINANCE"));
		mvc.perform(post("/api/v1/users").with(httpBasic("admin", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("user.username.taken"));
		mvc.perform(get("/api/v1/users/987654").with(httpBasic("admin", "tafund-demo-2026")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void everyUserChangesTheirOwnPassword() throws Exception {
		var user = newUser(Role.PROJECT_MANAGER);
		var newPassword = "a new and long passphrase";
		var manager = user(user.username()).roles("PROJECT_MANAGER");
		var wrong = Refused.redirect(mvc, post("/account/password").param("currentPassword", "not it at all")
			.param("newPassword", newPassword)
			.param("confirmPassword", newPassword), manager, "/account/password");
		assertThat(Refused.fieldError(wrong, "form", "currentPassword")).isEqualTo("password.currentWrong");
		assertThat(Refused.follow(mvc, wrong, manager)).contains("The current password is not correct.");
		mvc.perform(post("/account/password").with(user(user.username()).roles("PROJECT_MANAGER"))
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", newPassword)
			.param("confirmPassword", newPassword + " typo"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "password.mismatch"));
		var unchanged = Refused.redirect(mvc, post("/account/password").param("currentPassword", PASSWORD)
			.param("newPassword", PASSWORD)
			.param("confirmPassword", PASSWORD), manager, "/account/password");
		assertThat(Refused.fieldError(unchanged, "form", "newPassword")).isEqualTo("password.unchanged");
		// Too short for the form itself: the page again at once.
		mvc.perform(post("/account/password").with(manager)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "short")
			.param("confirmPassword", "short"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "newPassword"));
		mvc.perform(post("/account/password").with(user(user.username()).roles("PROJECT_MANAGER"))
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", newPassword)
			.param("confirmPassword", newPassword)).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user(user.username()).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin("/login").user(user.username()).password(newPassword)).andExpect(redirectedUrl("/"));
	}

	@Test
	void adminCreatesAUserAndSeesWhyABadFormIsRefused() throws Exception {
		var newOfficer = Unique.name("new.officer");
		var taken = Refused.redirect(mvc, post("/admin/users").param("username", "admin")
			.param("fullName", "Second Admin")
			.param("password", PASSWORD)
			.param("roles", "ADMIN"), user("admin").roles("ADMIN"), "/admin/users/new");
		assertThat(Refused.fieldError(taken, "form", "username")).isEqualTo("user.username.taken");
		assertThat(Refused.follow(mvc, taken, user("admin").roles("ADMIN")))
			.contains("The username admin is already taken.")
			.contains("value=\"Second Admin\"");
		mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("username", newOfficer)
			.param("fullName", "New Officer")
			.param("password", PASSWORD)
			.param("roles", "FINANCE", "DONOR_RELATIONS"))
			.andExpect(status().is3xxRedirection());
		assertThat(users.findByUsername(newOfficer)).hasValueSatisfying(
				u -> assertThat(u.roles()).containsExactlyInAnyOrder(Role.FINANCE, Role.DONOR_RELATIONS));
	}

	@Test
	void errorPagesShowNoStackTraceOrSql() throws Exception {
		// Through the real server: MockMvc does not dispatch to the container's error page.
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var loginPage = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(matcher.find()).isTrue();
		var form = "username=admin&password=tafund-demo-2026&_csrf=" + matcher.group(1);
		var signedIn = http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));

		var notFound = http.send(request("/admin/users/987654").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.body()).contains("Page not found").doesNotContain("UserNotFound").doesNotContain("at org.");
		var badRequest = http.send(request("/admin/users/not-a-number").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(badRequest.statusCode()).isEqualTo(400);
		assertThat(badRequest.body()).contains("could not be handled").doesNotContain("Exception");
		var apiNotFound = http.send(request("/api/v1/nothing-here").header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString("admin:tafund-demo-2026".getBytes())).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(apiNotFound.statusCode()).isEqualTo(404);
		assertThat(apiNotFound.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	@Test
	void aBurstOfParallelWrongPasswordsLocksOnceAndLeavesTheServerAnswering() throws Exception {
		var user = newUser(Role.DONOR_RELATIONS);
		var http = HttpClient.newHttpClient();
		var credentials = "Basic " + Base64.getEncoder()
			.encodeToString((user.username() + ":wrong password guess").getBytes());
		var pool = Executors.newFixedThreadPool(16);
		try {
			var calls = new ArrayList<Future<Integer>>();
			for (int i = 0; i < 16; i++) {
				calls.add(pool.submit(() -> http
					.send(request("/api/v1/me").header("Authorization", credentials).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode()));
			}
			// Refused as a wrong password, or, past ten failures for the username, before any check (429).
			for (var call : calls) {
				assertThat(call.get(60, TimeUnit.SECONDS)).isIn(401, 429);
			}
		}
		finally {
			pool.shutdownNow();
		}
		var health = http.send(request("/actuator/health").build(), HttpResponse.BodyHandlers.discarding());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(users.get(user.id()).locked()).isTrue();
		assertThat(eventCount(user.username(), "LOCKOUT")).isEqualTo(1);
	}

	@Test
	void wrongCurrentPasswordsOnThePasswordPageCountTowardsTheLockout() throws Exception {
		var user = newUser(Role.AUDITOR);
		var auditor = user(user.username()).roles("AUDITOR");
		for (int i = 0; i < 5; i++) {
			Refused.redirect(mvc, post("/account/password").param("currentPassword", "guess number " + i)
				.param("newPassword", "another long passphrase")
				.param("confirmPassword", "another long passphrase"), auditor, "/account/password");
		}
		assertThat(users.get(user.id()).locked()).isTrue();
		assertThat(eventCount(user.username(), "PASSWORD_CHANGE_FAILED")).isEqualTo(5);
		var locked = Refused.redirect(mvc, post("/account/password").param("currentPassword", PASSWORD)
			.param("newPassword", "another long passphrase")
			.param("confirmPassword", "another long passphrase"), auditor, "/account/password");
		assertThat(Refused.fieldError(locked, "form", "currentPassword")).isEqualTo("password.locked");
		assertThat(Refused.follow(mvc, locked, auditor)).contains("locked for 15 minutes");
	}

	@Test
	void refusesPasswordsLongerThanBcryptReadsAndParallelDuplicateUsernamesWithoutErrors() throws Exception {
		for (var password : List.of("x".repeat(80), "é".repeat(40))) {
			var body = "{\"username\":\"" + Unique.name("long.pw") + "\",\"fullName\":\"Long\",\"password\":\"" + password
					+ "\",\"roles\":[\"FINANCE\"]}";
			var status = mvc.perform(post("/api/v1/users").with(httpBasic("admin", "tafund-demo-2026"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)).andReturn().getResponse().getStatus();
			assertThat(status).as(password).isIn(400, 422);
		}
		var body = "{\"username\":\"" + Unique.name("racer") + "\",\"fullName\":\"Racer\",\"password\":\"" + PASSWORD
				+ "\",\"roles\":[\"FINANCE\"]}";
		var http = HttpClient.newHttpClient();
		var admin = "Basic " + Base64.getEncoder().encodeToString("admin:tafund-demo-2026".getBytes());
		var pool = Executors.newFixedThreadPool(4);
		try {
			var calls = new ArrayList<Future<Integer>>();
			for (int i = 0; i < 4; i++) {
				calls.add(pool.submit(() -> http.send(request("/api/v1/users").header("Authorization", admin)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
			}
			var statuses = new ArrayList<Integer>();
			for (var call : calls) {
				statuses.add(call.get(60, TimeUnit.SECONDS));
			}
			assertThat(statuses).containsOnlyOnce(201).allMatch(s -> s == 201 || s == 422);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refusesUsernamesAndPasswordsTheRulesForbid() throws Exception {
		expectRefusal("Not A Username!", PASSWORD, "user.username.invalid");
		// 40 characters pass the form's length check; their 80 bytes are more than bcrypt reads.
		expectRefusal(Unique.name("long.pw"), "é".repeat(40), "password.tooLong");
		var sameAsPassword = Unique.name("same.as.password");
		expectRefusal(sameAsPassword, sameAsPassword.toUpperCase(), "password.sameAsUsername");
		// Java callers skip the form's checks, not the rules.
		var name = Unique.name("java.user");
		assertThat(code(() -> users.create(new NewUser(name, "Java", null, "short", EnumSet.of(Role.FINANCE)))))
			.isEqualTo("password.tooShort");
		assertThat(code(() -> users.create(new NewUser(name, "Java", null, PASSWORD, EnumSet.noneOf(Role.class)))))
			.isEqualTo("user.roles.required");
		assertThat(users.findByUsername(name)).isEmpty();
	}

	void expectRefusal(String username, String password, String code) throws Exception {
		mvc.perform(post("/api/v1/users").with(httpBasic("admin", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"fullName\":\"Refused\",\"password\":\"" + password
					+ "\",\"roles\":[\"FINANCE\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value(code));
		assertThat(users.findByUsername(username)).isEmpty();
	}

	static String code(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		var thrown = catchThrowable(call);
		assertThat(thrown).isInstanceOf(BusinessRuleViolation.class);
		return ((BusinessRuleViolation) thrown).messageKey();
	}

	@Test
	void anAdministratorNeitherDisablesNorDemotesThemselvesAndUnlocksOthers() throws Exception {
		var admin = users.create(new NewUser(Unique.name("self.admin"), "Self Admin", null, PASSWORD, EnumSet.of(Role.ADMIN)));
		var asThemselves = user(admin.username()).roles("ADMIN");
		mvc.perform(post("/admin/users/{id}/disable", admin.id()).with(asThemselves)
			.with(csrf())
			.param("version", String.valueOf(admin.version())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", hasProperty("code", is("user.selfDisable"))));
		// Refused by a rule: back to the roles form, the reason above it and the roles as chosen.
		var demoted = Refused.redirect(mvc, post("/admin/users/{id}/roles", admin.id())
			.param("version", String.valueOf(admin.version()))
			.param("roles", "FINANCE"), asThemselves, "/admin/users/" + admin.id() + "#roles-form");
		var rolesForm = (BindingResult) demoted.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + "rolesForm");
		assertThat(rolesForm.getGlobalError().getCode()).isEqualTo("user.selfDemotion");
		assertThat(Refused.follow(mvc, demoted, asThemselves)).contains("id=\"roles-errors\"")
			.containsPattern("value=\"FINANCE\" id=\"role-FINANCE\"\\s+checked=\"checked\"")
			.doesNotContainPattern("value=\"ADMIN\" id=\"role-ADMIN\"\\s+checked=\"checked\"");
		// No role at all: the page again at once, the message beside the roles, none ticked.
		mvc.perform(post("/admin/users/{id}/roles", admin.id()).with(asThemselves)
			.with(csrf())
			.param("version", String.valueOf(admin.version())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("rolesForm", "roles", "NotEmpty"))
			.andExpect(content().string(
					containsString("<div class=\"invalid-feedback d-block\" id=\"roles-error\">Choose at least one role.</div>")))
			.andExpect(content().string(not(containsString("checked=\"checked\""))));
		var unchanged = users.get(admin.id());
		assertThat(unchanged.enabled()).isTrue();
		assertThat(unchanged.roles()).containsExactly(Role.ADMIN);

		// Another user, locked out, is let in again before the 15 minutes are over, then disabled.
		var other = newUser(Role.DONOR_RELATIONS);
		jdbc.update("update app_user set locked_until = ? where id = ?",
				Timestamp.from(Instant.now(clock).plus(Duration.ofMinutes(15))), other.id());
		assertThat(users.get(other.id()).locked()).isTrue();
		mvc.perform(post("/admin/users/{id}/unlock", other.id()).with(asThemselves).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "user.unlocked"));
		assertThat(users.get(other.id()).locked()).isFalse();
		mvc.perform(post("/admin/users/{id}/disable", other.id()).with(asThemselves)
			.with(csrf())
			.param("version", String.valueOf(users.get(other.id()).version())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "user.disabled"));
		assertThat(users.get(other.id()).enabled()).isFalse();
	}

	@Test
	void typedUsernamesCannotForgeLogLines() {
		assertThat(SecurityEventLog.printable("bob\nFAKE LOGIN user=admin")).isEqualTo("bob?FAKE LOGIN user=admin");
		assertThat(SecurityEventLog.printable("x".repeat(500))).hasSize(101);
	}

	int eventCount(String username, String type) {
		return jdbc.queryForObject("select count(*) from security_event where username = ? and event_type = ?",
				Integer.class, username, type);
	}

}
