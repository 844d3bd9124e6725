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
		var page = new ModelAndView("error/page", HttpStatus.UNPROCESSABLE_CONTENT);
		page.addObject("kind", "4xx");
		page.addObject("status", 422);
		page.addObject("requestId", org.tafund.shared.RequestId.current());
		return page;
	}

	// Query parameters bound to a record whose constructor refuses them (a period that ends before
	// it starts): the refusal's own status and message, not a bare 400.
	@ExceptionHandler(org.springframework.beans.BeanInstantiationException.class)
	ModelAndView refusedParameters(org.springframework.beans.BeanInstantiationException e) {
		var status = e.getCause() instanceof org.springframework.web.server.ResponseStatusException refused
				? HttpStatus.valueOf(refused.getStatusCode().value()) : HttpStatus.BAD_REQUEST;
		var page = new ModelAndView("error/page", status);
		page.addObject("kind", "4xx");
		page.addObject("status", status.value());
		page.addObject("requestId", org.tafund.shared.RequestId.current());
		return page;
	}

	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class })
	ModelAndView databaseUnavailable(jakarta.servlet.http.HttpServletResponse response) {
		return unavailablePage(response);
	}

	/** The page for a database that cannot be reached: 503, and when to try again. */
	static ModelAndView unavailablePage(jakarta.servlet.http.HttpServletResponse response) {
		response.setHeader("Retry-After", String.valueOf(org.tafund.shared.DatabaseUnavailable.RETRY_AFTER_SECONDS));
		var page = new ModelAndView("error/page", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("kind", "503");
		page.addObject("status", 503);
		page.addObject("requestId", org.tafund.shared.RequestId.current());
		return page;
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ModelAndView lostRace() {
		var page = new ModelAndView("error/page", HttpStatus.CONFLICT);
		page.addObject("kind", "409");
		page.addObject("status", 409);
		page.addObject("requestId", org.tafund.shared.RequestId.current());
		return page;
	}

}
