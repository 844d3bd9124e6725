package org.tafund.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Between the password and the second factor: pages lead to the second-factor page (and to
 * enrolment there, for someone who has none yet); the API answers 401. On the API, a password sent
 * with HTTP Basic is refused for anyone who signs in with a second factor: their scripts use tokens.
 */
final class SecondFactorGate extends OncePerRequestFilter {

	private static final List<String> OPEN_WHILE_PENDING = List.of(SecondFactorSession.PAGE, "/account/security/enrol",
			"/logout", "/login", "/error", "/webjars/", "/css/", "/js/", "/img/", "/favicon.ico");

	private final SecondFactors factors;

	private final ProblemResponses problems;

	private final boolean api;

	private SecondFactorGate(SecondFactors factors, ProblemResponses problems, boolean api) {
		this.factors = factors;
		this.problems = problems;
		this.api = api;
	}

	static SecondFactorGate forPages(SecondFactors factors) {
		return new SecondFactorGate(factors, null, false);
	}

	static SecondFactorGate forApi(SecondFactors factors, ProblemResponses problems) {
		return new SecondFactorGate(factors, problems, true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (SecondFactorSession.isPending(authentication)) {
			if (api) {
				problems.write(request, response, HttpStatus.UNAUTHORIZED,
						"Finish signing in with your second factor on " + SecondFactorSession.PAGE + ".");
				return;
			}
			if (!open(request)) {
				response.sendRedirect(request.getContextPath() + SecondFactorSession.PAGE);
				return;
			}
		}
		else if (api && authentication != null && authentication.isAuthenticated() && byPassword(request)
				&& factors.requiredAtSignIn(authentication.getName())) {
			SecurityContextHolder.clearContext();
			problems.write(request, response, HttpStatus.UNAUTHORIZED,
					"This account signs in with a second factor: call the API with a token (Authorization: Bearer).");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean open(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return OPEN_WHILE_PENDING.stream().anyMatch(open -> open.endsWith("/") ? path.startsWith(open)
				: path.equals(open) || path.startsWith(open + "/"));
	}

	private static boolean byPassword(HttpServletRequest request) {
		var header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
	}

}
