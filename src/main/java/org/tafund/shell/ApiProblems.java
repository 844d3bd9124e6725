package org.tafund.shell;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConcurrentEdit;
import org.tafund.shared.NotFound;

/**
 * Errors of the JSON API as RFC 9457 problem documents: field errors listed one by one, a broken
 * business rule as 422 with its message, a stale edit as 409, an unknown record as 404.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var locale = LocaleContextHolder.getLocale();
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
		List<Map<String, Object>> errors = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.<String, Object>of("field", error.getField(), "message",
					messages.getMessage(error, locale)))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(ConcurrentEdit.class)
	ProblemDetail conflict(ConcurrentEdit e) {
		return problem(HttpStatus.CONFLICT, e);
	}

	// Two writers met on the same row (a lost optimistic lock, or a deadlock the database broke): one is told to retry.
	@ExceptionHandler(ConcurrencyFailureException.class)
	ProblemDetail lostRace(ConcurrencyFailureException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The record was changed by someone else at the same time: read it again and reapply your change.");
	}

	// The last guard: a value that passed the checks but not the database (too long, dangling id).
	@ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
	ProblemDetail notStorable(org.springframework.dao.DataIntegrityViolationException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The request could not be stored: a value is too long or out of range, or refers to a record that does not exist.");
	}

	@ExceptionHandler(BusinessRuleViolation.class)
	ProblemDetail ruleBroken(BusinessRuleViolation e) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, e);
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	private ProblemDetail problem(HttpStatus status, BusinessRuleViolation e) {
		var problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(e, LocaleContextHolder.getLocale()));
		problem.setProperty("code", e.messageKey());
		return problem;
	}

}
