package org.tafund.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

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
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Two filter chains: the JSON API and actuator (HTTP Basic or the browser session, problem+json
 * for 401/403), and the browser pages (form login, CSRF, strict headers). Which role may use a
 * route is declared here, in one place, and walked by the access matrix test.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final String ADMIN = Role.ADMIN.name();

	private static final String AUDITOR = Role.AUDITOR.name();

	private static final String FINANCE = Role.FINANCE.name();

	private static final String DONOR_RELATIONS = Role.DONOR_RELATIONS.name();

	private static final String PROJECT_MANAGER = Role.PROJECT_MANAGER.name();

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, SecurityEventLog eventLog,
			SessionRegistry sessionRegistry) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(routes -> routes
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/**").hasRole(ADMIN)
				.requestMatchers(GET, "/api/v1/users", "/api/v1/users/**").hasAnyRole(ADMIN, AUDITOR)
				.requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(ADMIN)
				.requestMatchers(GET, "/api/v1/reports/status-of-contributions", "/api/v1/reports/donor-statement",
						"/api/v1/reports/implementation")
				.hasAnyRole(FINANCE, ADMIN, AUDITOR, DONOR_RELATIONS)
				// A project manager's own projects only: checked again, per project, by the report.
				.requestMatchers(GET, "/api/v1/reports/project-report")
				.hasAnyRole(FINANCE, ADMIN, AUDITOR, PROJECT_MANAGER)
				.requestMatchers(GET, "/api/v1/reports/**").hasAnyRole(FINANCE, ADMIN, AUDITOR)
				.requestMatchers(GET, "/api/v1/journal", "/api/v1/journal/**", "/api/v1/periods", "/api/v1/periods/**")
				.hasAnyRole(FINANCE, ADMIN, AUDITOR)
				.requestMatchers(GET, "/api/**").authenticated()
				.requestMatchers(POST, "/api/v1/journal/entries", "/api/v1/periods/close").hasAnyRole(FINANCE, ADMIN)
				// Reopening a closed period is for administrators only (checked again by PeriodClosing).
				.requestMatchers(POST, "/api/v1/periods/*/reopen").hasRole(ADMIN)
				.requestMatchers("/api/v1/exchange-rates", "/api/v1/exchange-rates/**").hasAnyRole(FINANCE, ADMIN)
				.requestMatchers("/api/v1/donors", "/api/v1/donors/**").hasAnyRole(DONOR_RELATIONS, ADMIN)
				.requestMatchers(POST, "/api/v1/agreements/*/receipts", "/api/v1/agreements/*/refunds",
						"/api/v1/receipts/*/reversal")
				.hasAnyRole(FINANCE, ADMIN)
				.requestMatchers(POST, "/api/v1/agreements", "/api/v1/agreements/*/amendments", "/api/v1/pledges")
				.hasAnyRole(DONOR_RELATIONS, ADMIN)
				.requestMatchers(POST, "/api/v1/revaluations").hasAnyRole(FINANCE, ADMIN)
				.requestMatchers(POST, "/api/v1/allocations").hasAnyRole(FINANCE, ADMIN)
				// Which project a manager may touch is checked per project in ProjectManagement.
				.requestMatchers("/api/v1/requests", "/api/v1/requests/**", "/api/v1/projects", "/api/v1/projects/**",
						"/api/v1/expenditures", "/api/v1/expenditures/**", "/api/v1/activities", "/api/v1/activities/**")
				.hasAnyRole(PROJECT_MANAGER, FINANCE, ADMIN)
				// A write that no rule above names is refused: new routes are closed until decided.
				.anyRequest().denyAll())
			.httpBasic(basic -> basic.realmName("tafund")
				.authenticationEntryPoint((request, response, e) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "Authentication required: HTTP Basic or a signed-in session.")))
			// Scripts authenticate with a header a cross-site form cannot send; browser calls keep CSRF.
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> {
				var authorization = request.getHeader("Authorization");
				return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
			}))
			// A browser session ended by an administrator (user disabled, roles changed) ends here too.
			.sessionManagement(sessions -> sessions.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredSessionStrategy(event -> problems.write(event.getRequest(), event.getResponse(),
						HttpStatus.UNAUTHORIZED, "Your session has ended: sign in again.")))
			// A refused script call must not open a session just to remember where it was going.
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "Authentication required: HTTP Basic or a signed-in session."))
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

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, SessionRegistry sessionRegistry, SecurityEventLog eventLog)
			throws Exception {
		var denied = new AccessDeniedHandlerImpl();
		AccessDeniedHandler logAndDeny = (request, response, e) -> {
			logDenial(eventLog, request, e);
			denied.handle(request, response, e);
		};
		http.authorizeHttpRequests(routes -> routes
			.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
			.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/admin/users/new").hasRole(ADMIN)
			.requestMatchers(GET, "/admin/**").hasAnyRole(ADMIN, AUDITOR)
			.requestMatchers("/admin/**").hasRole(ADMIN)
			.requestMatchers(GET, "/audit/journal").hasAnyRole(FINANCE, ADMIN, AUDITOR)
			.requestMatchers("/audit/**").hasAnyRole(ADMIN, AUDITOR)
			.requestMatchers(GET, "/reports/status-of-contributions", "/reports/status-of-contributions.*",
					"/reports/donor-statement", "/reports/donor-statement.*", "/reports/implementation",
					"/reports/implementation.*")
			.hasAnyRole(FINANCE, ADMIN, AUDITOR, DONOR_RELATIONS)
			.requestMatchers(GET, "/reports/project-report", "/reports/project-report.*")
			.hasAnyRole(FINANCE, ADMIN, AUDITOR, PROJECT_MANAGER)
			.requestMatchers(GET, "/reports/ledger", "/reports/ledger.*", "/reports/fund-statement",
					"/reports/fund-statement.*", "/reports/trial-balance", "/reports/trial-balance.*",
					"/reports/financial-statements", "/reports/financial-statements.*")
			.hasAnyRole(FINANCE, ADMIN, AUDITOR)
			.requestMatchers("/donors/new", "/donors/*/edit", "/contributions/agreements/new")
			.hasAnyRole(DONOR_RELATIONS, ADMIN)
			.requestMatchers("/projects/new", "/activities/new").hasAnyRole(PROJECT_MANAGER, FINANCE, ADMIN)
			.requestMatchers("/books/journal/manual", "/books/periods/close").hasAnyRole(FINANCE, ADMIN)
			.requestMatchers(POST, "/books/periods/*/reopen").hasRole(ADMIN)
			.requestMatchers(GET, "/books/**").hasAnyRole(FINANCE, ADMIN, AUDITOR)
			.requestMatchers(GET, "/**").authenticated()
			.requestMatchers(POST, "/account/password").authenticated()
			.requestMatchers("/donors", "/donors/**").hasAnyRole(DONOR_RELATIONS, ADMIN)
			.requestMatchers(POST, "/contributions/agreements", "/contributions/pledges",
					"/contributions/agreements/*/sign", "/contributions/agreements/*/amendments",
					"/contributions/agreements/*/cancel", "/contributions/agreements/*/close")
			.hasAnyRole(DONOR_RELATIONS, ADMIN)
			.requestMatchers(POST, "/contributions/revaluations").hasAnyRole(FINANCE, ADMIN)
			.requestMatchers(POST, "/projects/*/allocations").hasAnyRole(FINANCE, ADMIN)
			// Which project a manager may touch is checked per project in ProjectManagement.
			.requestMatchers(POST, "/projects", "/projects/requests", "/projects/*/expenditures",
					"/projects/*/expenditures/*/reversal", "/activities")
			.hasAnyRole(PROJECT_MANAGER, FINANCE, ADMIN)
			.requestMatchers(POST, "/contributions/agreements/*/receipts", "/contributions/agreements/*/receipts/*/reversal",
					"/contributions/agreements/*/refunds")
			.hasAnyRole(FINANCE, ADMIN)
			.requestMatchers("/exchange-rates", "/exchange-rates/**").hasAnyRole(FINANCE, ADMIN)
			// A write that no rule above names is refused: new routes are closed until decided.
			.anyRequest().denyAll())
			.formLogin(form -> form.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false))
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
		var principal = request.getUserPrincipal();
		eventLog.record(SecurityEventType.ACCESS_DENIED, principal == null ? null : principal.getName(),
				request.getRemoteAddr(), request.getMethod() + " " + request.getRequestURI() + " ("
						+ e.getClass().getSimpleName() + ")");
	}

}
