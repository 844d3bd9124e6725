package org.tafund.shell;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tafund.shared.DatabaseUnavailable;

/**
 * Sessions live in the database, so while it is away, reading a session (any request from a
 * signed-in browser) or saving one (any page with a form) fails outside every controller, after
 * the answer was made. This filter sits outside the session filter and turns such a failure into
 * the same 503 as a controller's: the error page or problem says the database is unavailable. It
 * forwards the request as it came, without the session, so that the error page does not try the
 * database again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class SessionStoreOutage extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
				throw e;
			}
			logger.warn("The database was unavailable for " + request.getMethod() + " " + request.getRequestURI()
					+ ": " + e.getClass().getSimpleName());
			response.reset();
			request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, e);
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 503);
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			response.setStatus(503);
			request.getRequestDispatcher("/error").forward(request, response);
		}
	}

}
