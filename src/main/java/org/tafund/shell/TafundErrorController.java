package org.tafund.shell;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every error that reaches the servlet container: a friendly page for people, a problem document
 * for the API, and in neither case a stack trace, an exception message or SQL.
 */
@Controller
class TafundErrorController implements ErrorController {

	private final JsonMapper json;

	TafundErrorController(JsonMapper json) {
		this.json = json;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (response.isCommitted()) {
			// A download that failed part-way (Downloads): its bytes have left, no page can follow;
			// the container closes the connection so that the client sees the download fail.
			return null;
		}
		var status = status(request);
		var failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (failure != null && org.tafund.shared.DatabaseUnavailable.causes(failure)) {
			// Failed before a controller (a filter reading a token or a session): the same 503 as there.
			status = HttpStatus.SERVICE_UNAVAILABLE;
			response.setHeader("Retry-After", org.tafund.shared.DatabaseUnavailable.RETRY_AFTER);
		}
		var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null && (uri.startsWith("/api/") || uri.startsWith("/actuator/"))) {
			var problem = status == HttpStatus.SERVICE_UNAVAILABLE
					? ProblemDetail.forStatusAndDetail(status, ApiProblems.DATABASE_UNAVAILABLE) : ProblemDetail.forStatus(status);
			problem.setInstance(URI.create(uri));
			org.tafund.shared.RequestId.stamp(problem);
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), problem);
			return null;
		}
		var kind = switch (status) {
			case FORBIDDEN -> "403";
			case NOT_FOUND -> "404";
			case CONFLICT -> "409";
			case SERVICE_UNAVAILABLE -> "503";
			default -> status.is4xxClientError() ? "4xx" : "500";
		};
		return PageProblems.errorPage(status, kind);
	}

	private static HttpStatus status(HttpServletRequest request) {
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			var resolved = HttpStatus.resolve(value);
			if (resolved != null) {
				return resolved;
			}
		}
		return HttpStatus.NOT_FOUND;
	}

}
