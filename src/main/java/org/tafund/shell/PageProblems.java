package org.tafund.shell;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last guard of the pages: two people who saved the same record at the same instant get a
 * page that says so (409), not an error. Forms catch ordinary conflicts themselves.
 */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

	@ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
	ModelAndView notStorable() {
		return errorPage(HttpStatus.UNPROCESSABLE_CONTENT, "4xx");
	}

	// Query parameters bound to a record whose constructor refuses them (a period that ends before
	// it starts): the refusal's own status and message, not a bare 400.
	@ExceptionHandler(org.springframework.beans.BeanInstantiationException.class)
	ModelAndView refusedParameters(org.springframework.beans.BeanInstantiationException e) {
		var status = e.getCause() instanceof org.springframework.web.server.ResponseStatusException refused
				? HttpStatus.valueOf(refused.getStatusCode().value()) : HttpStatus.BAD_REQUEST;
		return errorPage(status, "4xx");
	}

	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class })
	ModelAndView databaseUnavailable(jakarta.servlet.http.HttpServletResponse response) {
		response.setHeader("Retry-After", org.tafund.shared.DatabaseUnavailable.RETRY_AFTER);
		return errorPage(HttpStatus.SERVICE_UNAVAILABLE, "503");
	}

	private final tools.jackson.databind.json.JsonMapper json;

	PageProblems(tools.jackson.databind.json.JsonMapper json) {
		this.json = json;
	}

	// Too many reports at once. A page controller may serve API paths too (the books' reports): those
	// get the API's problem document, as ApiProblems gives it.
	@ExceptionHandler(org.tafund.shared.ServerBusy.class)
	ModelAndView busy(org.tafund.shared.ServerBusy e, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.setHeader("Retry-After", org.tafund.shared.ServerBusy.RETRY_AFTER);
		if (request.getRequestURI().startsWith("/api/")) {
			var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					e.getMessage());
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
			org.tafund.shared.RequestId.stamp(problem);
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), problem);
			// Answered here: no view.
			return null;
		}
		return errorPage(HttpStatus.SERVICE_UNAVAILABLE, "busy");
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ModelAndView lostRace() {
		return errorPage(HttpStatus.CONFLICT, "409");
	}

	/** The error page: its kind of message, the status, and the request's id to quote. */
	static ModelAndView errorPage(HttpStatus status, String kind) {
		var page = new ModelAndView("error/page", status);
		page.addObject("kind", kind);
		page.addObject("status", status.value());
		page.addObject("requestId", org.tafund.shared.RequestId.current());
		return page;
	}

}
