package org.tafund.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API: the caller is the token's owner for this
 * request only (no session is made, nothing is remembered), a read token may only read (GET, HEAD),
 * and an unknown, expired or revoked token is 401 and counts as a failed sign-in from its address.
 */
final class BearerTokens extends OncePerRequestFilter {

	static final String SESSION_MANAGEMENT_APPLIED = "__spring_security_session_mgmt_filter_applied";

	private final TokenManagement tokens;

	private final SignInLimits limits;

	private final SecurityEventLog eventLog;

	private final ProblemResponses problems;

	BearerTokens(TokenManagement tokens, SignInLimits limits, SecurityEventLog eventLog, ProblemResponses problems) {
		this.tokens = tokens;
		this.limits = limits;
		this.eventLog = eventLog;
		this.problems = problems;
	}

	/** Whether the caller came with an API token. */
	static boolean authenticatedByToken(org.springframework.security.core.Authentication caller) {
		return caller != null
				&& caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(TokenManagement.BY_TOKEN));
	}

	static boolean bearer(HttpServletRequest request) {
		var header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!bearer(request)) {
			chain.doFilter(request, response);
			return;
		}
		var address = request.getRemoteAddr();
		var wait = limits.retryAfter(address, null);
		if (wait.isPresent()) {
			response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
			problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many refused tokens or sign-ins from this address: try again later.");
			return;
		}
		var caller = tokens.authenticate(request.getHeader("Authorization").substring(7).strip());
		if (caller.isEmpty()) {
			limits.failed(address, null);
			eventLog.record(SecurityEventType.TOKEN_REJECTED, null, address, request.getMethod() + " " + request.getRequestURI());
			problems.write(request, response, HttpStatus.UNAUTHORIZED,
					"The API token is not valid: unknown, expired or revoked.");
			return;
		}
		var readOnly = caller.get()
			.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals(TokenManagement.READ_ONLY));
		if (readOnly && !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
			eventLog.record(SecurityEventType.ACCESS_DENIED, caller.get().getName(), address,
					request.getMethod() + " " + request.getRequestURI() + " (read-only token)");
			problems.write(request, response, HttpStatus.FORBIDDEN, "This API token may only read (GET).");
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(caller.get());
		SecurityContextHolder.setContext(context);
		// A caller found in no session makes the session management filter register (and so create)
		// one; a token is its own proof on every call, so that filter is told it has run. (The attribute
		// is SessionManagementFilter's own marker, which is private there.)
		request.setAttribute(SESSION_MANAGEMENT_APPLIED, Boolean.TRUE);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
