package org.tafund.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.tafund.security.Right.ADMINISTER;
import static org.tafund.security.Right.AUDIT;
import static org.tafund.security.Right.KEEP_ACCOUNTS;
import static org.tafund.security.Right.KEEP_DONORS;
import static org.tafund.security.Right.READ_BOOKS;
import static org.tafund.security.Right.READ_DONOR_REPORTS;
import static org.tafund.security.Right.READ_PROJECT_REPORTS;
import static org.tafund.security.Right.RUN_PROJECTS;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains: the JSON API and actuator (HTTP Basic or the browser session, problem+json
 * for 401/403), and the browser pages (form login, CSRF, strict headers). Which role may use a
 * route is declared here, in one place, as a {@link Right} (which names the roles that hold it), and
 * walked by the access matrix test.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";






	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Sessions are found through the database, so ending them reaches every instance. */
	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, SecurityEventLog eventLog,
			SessionRegistry sessionRegistry, SignInLimits limits, TokenManagement tokens, SecondFactors factors,
			UserManagement users,
			@org.springframework.beans.factory.annotation.Value("${tafund.api.password-basic:true}") boolean passwordBasic)
			throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			// A session still waiting for its second factor, or a password for an account that has one: 401.
			.addFilterAfter(SecondFactorGate.forApi(factors, problems),
					org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
			// A temporary password (reset by an administrator) is for the page only: 401.
			.addFilterAfter(PasswordChangeGate.forApi(users, problems),
					org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
			// Over the limit of failed sign-ins: 429 before any password is checked.
			.addFilterBefore(new SignInLimits.Filter(limits),
					org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
			// API tokens: the caller for this request only, no session.
			.addFilterBefore(new BearerTokens(tokens, limits, eventLog, problems),
					org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
			.authorizeHttpRequests(routes -> routes
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/**").hasAnyAuthority(ADMINISTER.authorities())
				.requestMatchers(GET, "/api/v1/users", "/api/v1/users/**").hasAnyAuthority(AUDIT.authorities())
				.requestMatchers("/api/v1/users", "/api/v1/users/**").hasAnyAuthority(ADMINISTER.authorities())
				.requestMatchers(GET, "/api/v1/reports/status-of-contributions", "/api/v1/reports/donor-statement",
						"/api/v1/reports/implementation")
				.hasAnyAuthority(READ_DONOR_REPORTS.authorities())
				// A project manager's own projects only: checked again, per project, by the report.
				.requestMatchers(GET, "/api/v1/reports/project-report")
				.hasAnyAuthority(READ_PROJECT_REPORTS.authorities())
				.requestMatchers(GET, "/api/v1/reports/**").hasAnyAuthority(READ_BOOKS.authorities())
				.requestMatchers(GET, "/api/v1/journal", "/api/v1/journal/**", "/api/v1/periods", "/api/v1/periods/**")
				.hasAnyAuthority(READ_BOOKS.authorities())
				.requestMatchers(GET, "/api/v1/approval-policies").hasAnyAuthority(AUDIT.authorities())
				.requestMatchers(GET, "/api/**").authenticated()
				// Everyone keeps their own tokens (TokenManagement refuses another's, and a token making tokens).
				.requestMatchers(POST, "/api/v1/tokens").authenticated()
				.requestMatchers(org.springframework.http.HttpMethod.DELETE, "/api/v1/tokens/*").authenticated()
				.requestMatchers(PUT, "/api/v1/approval-policies/*").hasAnyAuthority(ADMINISTER.authorities())
				// Who may decide or withdraw a pending record is the record's own rule (Approvals):
				// never its maker, only an approver holding the action's right, only the maker withdraws.
				.requestMatchers(POST, "/api/v1/approvals/*/approve", "/api/v1/approvals/*/reject",
						"/api/v1/approvals/*/withdraw")
				.authenticated()
				.requestMatchers(POST, "/api/v1/journal/entries", "/api/v1/periods/close").hasAnyAuthority(KEEP_ACCOUNTS.authorities())
				// Reopening a closed period is for administrators only (checked again by PeriodClosing).
				.requestMatchers(POST, "/api/v1/periods/*/reopen").hasAnyAuthority(ADMINISTER.authorities())
				.requestMatchers("/api/v1/exchange-rates", "/api/v1/exchange-rates/**").hasAnyAuthority(KEEP_ACCOUNTS.authorities())
				.requestMatchers("/api/v1/donors", "/api/v1/donors/**").hasAnyAuthority(KEEP_DONORS.authorities())
				.requestMatchers(POST, "/api/v1/agreements/*/receipts", "/api/v1/agreements/*/refunds",
						"/api/v1/receipts/*/reversal")
				.hasAnyAuthority(KEEP_ACCOUNTS.authorities())
				.requestMatchers(POST, "/api/v1/agreements", "/api/v1/agreements/*/amendments", "/api/v1/pledges")
				.hasAnyAuthority(KEEP_DONORS.authorities())
				.requestMatchers(POST, "/api/v1/revaluations").hasAnyAuthority(KEEP_ACCOUNTS.authorities())
				.requestMatchers(POST, "/api/v1/allocations").hasAnyAuthority(KEEP_ACCOUNTS.authorities())
				// Which project a manager may touch is checked per project in ProjectManagement.
				.requestMatchers("/api/v1/requests", "/api/v1/requests/**", "/api/v1/projects", "/api/v1/projects/**",
						"/api/v1/expenditures", "/api/v1/expenditures/**", "/api/v1/activities", "/api/v1/activities/**")
				.hasAnyAuthority(RUN_PROJECTS.authorities())
				// A write that no rule above names is refused: new routes are closed until decided.
				.anyRequest().denyAll())
			// Scripts use API tokens; a password on every call (HTTP Basic) stays where the demo users are.
			.httpBasic(basic -> {
				if (passwordBasic) {
					basic.realmName("tafund")
						.authenticationEntryPoint((request, response, e) -> unauthorized(problems, request, response, e));
				}
				else {
					basic.disable();
				}
			})
			// Scripts authenticate with a header a cross-site form cannot send; browser calls keep CSRF.
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> {
				var authorization = request.getHeader("Authorization");
				return authorization != null && (authorization.regionMatches(true, 0, "Basic ", 0, 6)
						|| authorization.regionMatches(true, 0, "Bearer ", 0, 7));
			}))
			// A browser session ended by an administrator (user disabled, roles changed) ends here too.
			.sessionManagement(sessions -> sessions.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredSessionStrategy(event -> problems.write(event.getRequest(), event.getResponse(),
						HttpStatus.UNAUTHORIZED, "Your session has ended: sign in again.")))
			// A refused script call must not open a session just to remember where it was going.
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> unauthorized(problems, request, response, e))
				.accessDeniedHandler((request, response, e) -> {
					logDenial(eventLog, request, e);
					problems.write(request, response, HttpStatus.FORBIDDEN, e instanceof CsrfException
							? "Missing or invalid CSRF token: send the X-CSRF-TOKEN header of your session, or use HTTP Basic."
							: "Your role does not allow this request.");
				}))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** 401, unless the password could not be checked because the database is away: then 503. */
	private static void unauthorized(ProblemResponses problems, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response,
			org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
		if (org.tafund.shared.DatabaseUnavailable.causes(e)) {
			response.setHeader("Retry-After", org.tafund.shared.DatabaseUnavailable.RETRY_AFTER);
			problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"The database is unavailable at the moment, so the credentials could not be checked. Try again shortly.");
			return;
		}
		problems.write(request, response, HttpStatus.UNAUTHORIZED, AUTHENTICATION_REQUIRED);
	}

	static final String AUTHENTICATION_REQUIRED = "Authentication required: an API token (Authorization: Bearer), "
			+ "a signed-in session, or HTTP Basic where the demo users are.";

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, SessionRegistry sessionRegistry, SecurityEventLog eventLog,
			SignInLimits limits, SecondFactors factors, UserManagement users)
			throws Exception {
		var denied = new AccessDeniedHandlerImpl();
		AccessDeniedHandler logAndDeny = (request, response, e) -> {
			logDenial(eventLog, request, e);
			denied.handle(request, response, e);
		};
		// Over the limit of failed sign-ins: 429 before any password is checked.
		http.addFilterBefore(new SignInLimits.Filter(limits),
				org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
		// Between the password and the second factor, only the second-factor page and enrolment.
		http.addFilterBefore(SecondFactorGate.forPages(factors),
				org.springframework.security.web.access.intercept.AuthorizationFilter.class);
		// Signed in with a temporary password: the password page first.
		http.addFilterBefore(PasswordChangeGate.forPages(),
				org.springframework.security.web.access.intercept.AuthorizationFilter.class);
		http.authorizeHttpRequests(routes -> routes
			.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
			.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/admin/users/new").hasAnyAuthority(ADMINISTER.authorities())
			.requestMatchers(GET, "/admin/operations").hasAnyAuthority(ADMINISTER.authorities())
			.requestMatchers("/admin/donors/merge").hasAnyAuthority(ADMINISTER.authorities())
			.requestMatchers(GET, "/admin/**").hasAnyAuthority(AUDIT.authorities())
			.requestMatchers("/admin/**").hasAnyAuthority(ADMINISTER.authorities())
			.requestMatchers(GET, "/audit/journal").hasAnyAuthority(READ_BOOKS.authorities())
			.requestMatchers("/audit/**").hasAnyAuthority(AUDIT.authorities())
			.requestMatchers(GET, "/reports/status-of-contributions", "/reports/status-of-contributions.*",
					"/reports/donor-statement", "/reports/donor-statement.*", "/reports/implementation",
					"/reports/implementation.*")
			.hasAnyAuthority(READ_DONOR_REPORTS.authorities())
			.requestMatchers(GET, "/reports/project-report", "/reports/project-report.*")
			.hasAnyAuthority(READ_PROJECT_REPORTS.authorities())
			.requestMatchers(GET, "/reports/ledger", "/reports/ledger.*", "/reports/fund-statement",
					"/reports/fund-statement.*", "/reports/trial-balance", "/reports/trial-balance.*",
					"/reports/financial-statements", "/reports/financial-statements.*")
			.hasAnyAuthority(READ_BOOKS.authorities())
			// The spreadsheet import's files and dry runs hold donors' contacts and what they give.
			.requestMatchers("/donors/new", "/donors/*/edit", "/contributions/agreements/new", "/donors/import",
					"/donors/import/**")
			.hasAnyAuthority(KEEP_DONORS.authorities())
			.requestMatchers("/projects/new", "/projects/*/edit", "/activities/new", "/activities/*/edit")
			.hasAnyAuthority(RUN_PROJECTS.authorities())
			// The allocation picker: what each agreement still holds is finance's to allocate.
			.requestMatchers(GET, "/projects/*/funding-choices", "/exchange-rates/*/correction")
			.hasAnyAuthority(KEEP_ACCOUNTS.authorities())
			.requestMatchers("/books/journal/manual", "/books/periods/close").hasAnyAuthority(KEEP_ACCOUNTS.authorities())
			.requestMatchers(POST, "/books/periods/*/reopen").hasAnyAuthority(ADMINISTER.authorities())
			.requestMatchers(GET, "/books/**").hasAnyAuthority(READ_BOOKS.authorities())
			// IATI publishing: what the Fund tells the world is finance's to decide.
			.requestMatchers("/publishing", "/publishing/**", "/iati/**").hasAnyAuthority(KEEP_ACCOUNTS.authorities())
			// Bank accounts and statements: what they show is the Fund's cash.
			.requestMatchers("/bank-statements", "/bank-statements/**").hasAnyAuthority(KEEP_ACCOUNTS.authorities())
			.requestMatchers(GET, "/**").authenticated()
			.requestMatchers(POST, "/account/password", "/account/tokens", "/account/tokens/*/revoke").authenticated()
			// Everyone reads their own notifications (another's is not found) and chooses their e-mails.
			.requestMatchers(POST, "/notifications/*/read", "/notifications/read-all", "/account/notifications")
			.authenticated()
			// Everyone keeps their own second factors; who may change what is SecondFactorController's rule.
			.requestMatchers(POST, "/sign-in/second-factor/**", "/account/security/**").authenticated()
			// Checked per record by Approvals, as on the API.
			.requestMatchers(POST, "/approvals/*/approve", "/approvals/*/reject", "/approvals/*/withdraw").authenticated()
			.requestMatchers("/donors", "/donors/**").hasAnyAuthority(KEEP_DONORS.authorities())
			.requestMatchers(POST, "/contributions/agreements", "/contributions/pledges", "/contributions/pledges/*/cancel",
					"/contributions/agreements/*/sign", "/contributions/agreements/*/amendments",
					"/contributions/agreements/*/cancel", "/contributions/agreements/*/close")
			.hasAnyAuthority(KEEP_DONORS.authorities())
			.requestMatchers(POST, "/contributions/revaluations").hasAnyAuthority(KEEP_ACCOUNTS.authorities())
			.requestMatchers(POST, "/projects/*/allocations").hasAnyAuthority(KEEP_ACCOUNTS.authorities())
			// Which project a manager may touch is checked per project in ProjectManagement.
			.requestMatchers(POST, "/projects", "/projects/requests", "/projects/requests/*/status", "/projects/*/edit",
					"/projects/*/expenditures",
					"/projects/*/expenditures/*/reversal", "/activities", "/activities/*", "/activities/*/withdrawal")
			.hasAnyAuthority(RUN_PROJECTS.authorities())
			.requestMatchers(POST, "/contributions/agreements/*/receipts", "/contributions/agreements/*/receipts/*/reversal",
					"/contributions/agreements/*/refunds")
			.hasAnyAuthority(KEEP_ACCOUNTS.authorities())
			.requestMatchers("/exchange-rates", "/exchange-rates/**").hasAnyAuthority(KEEP_ACCOUNTS.authorities())
			// A write that no rule above names is refused: new routes are closed until decided.
			.anyRequest().denyAll())
			.formLogin(form -> form.loginPage("/login")
				// A password that could not be checked (the database is away) is not called wrong.
				.failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
						+ (org.tafund.shared.DatabaseUnavailable.causes(e) ? "/login?unavailable" : "/login?error")))
				.successHandler(new SecondFactorSession.SignIn(factors, users)))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(sessions -> sessions.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredUrl("/login?expired"))
			.exceptionHandling(errors -> errors.accessDeniedHandler(logAndDeny))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	private static void logDenial(SecurityEventLog eventLog, HttpServletRequest request, AccessDeniedException e) {
		// Not request.getUserPrincipal(): a CSRF denial comes before the filter that provides it.
		var user = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		var username = user == null || !user.isAuthenticated()
				|| user instanceof org.springframework.security.authentication.AnonymousAuthenticationToken ? null
						: user.getName();
		// A refused form token (an expired page, or a forged request) is told apart from a missing right.
		eventLog.record(SecurityEventType.ACCESS_DENIED, username, request.getRemoteAddr(),
				request.getMethod() + " " + request.getRequestURI()
						+ (e instanceof org.springframework.security.web.csrf.CsrfException ? " " + SecurityEventView.FORM_TOKEN
								: ""));
	}

}
