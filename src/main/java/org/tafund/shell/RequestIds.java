package org.tafund.shell;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tafund.shared.RequestId;

/**
 * Gives every request an id before anything else runs (see {@link RequestId}). A proxy's
 * {@code X-Request-Id} is kept when it looks like an id (so that its log and ours meet); anything
 * else is replaced, so that no client can write arbitrary text into the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

	static final String ATTRIBUTE = RequestIds.class.getName();

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	private final SecureRandom random = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// An error dispatch (the container's error page, after the request's own filters returned)
		// keeps the id of the request that failed.
		var failed = (String) request.getAttribute(ATTRIBUTE);
		var given = request.getHeader(RequestId.HEADER);
		var id = failed != null ? failed : given != null && SANE.matcher(given).matches() ? given : newId();
		request.setAttribute(ATTRIBUTE, id);
		MDC.put(RequestId.MDC_KEY, id);
		response.setHeader(RequestId.HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestId.MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private String newId() {
		var bytes = new byte[8];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
