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
 * After a sign-in with a temporary password (an administrator reset it): pages lead to the
 * password page until the user has chosen their own; the API refuses that password (401).
 */
final class PasswordChangeGate extends OncePerRequestFilter {

	/** Set on the session at a sign-in with a temporary password; removed when the password is changed. */
	static final String REQUIRED = PasswordChangeGate.class.getName() + ".required";

	static final String PAGE = "/account/password";

	// The recovery codes of a first second factor are shown once, right after enrolment: not lost to the gate.
	private static final List<String> OPEN = List.of(PAGE, SecondFactorSession.PAGE, "/account/security/enrol",
			"/account/security/recovery-codes", "/logout", "/login", "/error", "/webjars/", "/css/", "/js/", "/img/",
			"/favicon.ico");

	private final UserManagement users;

	private final ProblemResponses problems;

	private PasswordChangeGate(UserManagement users, ProblemResponses problems) {
		this.users = users;
		this.problems = problems;
	}

	static PasswordChangeGate forPages() {
		return new PasswordChangeGate(null, null);
	}

	static PasswordChangeGate forApi(UserManagement users, ProblemResponses problems) {
		return new PasswordChangeGate(users, problems);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (problems == null) {
			var session = request.getSession(false);
			if (session != null && Boolean.TRUE.equals(session.getAttribute(REQUIRED)) && !open(request)) {
				response.sendRedirect(request.getContextPath() + PAGE);
				return;
			}
		}
		else {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			var header = request.getHeader("Authorization");
			var session = request.getSession(false);
			// The page's session reaches the API too (a token could be made with it): refused as well.
			boolean temporarySession = session != null && Boolean.TRUE.equals(session.getAttribute(REQUIRED));
			if (temporarySession || authentication != null && authentication.isAuthenticated() && header != null
					&& header.regionMatches(true, 0, "Basic ", 0, 6)
					&& users.passwordChangeRequired(authentication.getName())) {
				SecurityContextHolder.clearContext();
				problems.write(request, response, HttpStatus.UNAUTHORIZED,
						"This password is temporary: sign in on the page and choose your own first.");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean open(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return OPEN.stream().anyMatch(open -> open.endsWith("/") ? path.startsWith(open)
				: path.equals(open) || path.startsWith(open + "/"));
	}

}
