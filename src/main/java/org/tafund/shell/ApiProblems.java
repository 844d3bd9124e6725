package org.tafund.shell;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConcurrentEdit;
import org.tafund.shared.NotFound;

import tools.jackson.core.JacksonException;

/**
 * Errors of the JSON API as RFC 9457 problem documents: field errors listed one by one, a broken
 * business rule as 422 with its message, a stale edit as 409, an unknown record as 404.
 */
// First of the advices: @RestController is itself a @Controller, so the page advices (PageRefusals,
// PageProblems) match the API's controllers too, and must not answer for them.
@Order(Ordered.HIGHEST_PRECEDENCE)
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

	/**
	 * A body that is not the JSON expected (a word where a number goes, an unknown code, broken
	 * syntax): 400 naming the field, without echoing parser internals.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body could not be read.");
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			// A body without a declared length, cut at the limit as it was read (BodyLimit).
			if (t instanceof BodyLimit.TooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large."));
			}
		}
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			// A value that a domain type refuses as the body is read (a negative head count): that rule, as 422.
			if (t instanceof BusinessRuleViolation rule) {
				return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ruleBroken(rule));
			}
		}
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof WholeCharacters.LoneSurrogate half && !half.getPath().isEmpty()) {
				var field = fieldPath(half);
				problem.setDetail("The value of '" + field + "' contains half of a character (a lone UTF-16 surrogate).");
				problem.setProperty("errors", List.of(Map.of("field", field, "message",
						"contains half of a character (a lone UTF-16 surrogate)")));
				break;
			}
			if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
				var field = fieldPath(json);
				problem.setDetail("The value of '" + field + "' is not of the expected kind.");
				problem.setProperty("errors", List.of(Map.of("field", field, "message",
						"is not of the expected kind (a number, an ISO date, one of the listed codes, ...)")));
				break;
			}
			if (t instanceof JacksonException) {
				problem.setDetail("The request body is not well-formed JSON.");
			}
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private static String fieldPath(JacksonException e) {
		var path = new StringBuilder();
		for (var reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	// An If-Match that no longer names the stored version is a failed precondition (RFC 9110), as
	// for donors; a stale edit without one (a version in the body) is a plain conflict.
	@ExceptionHandler(ConcurrentEdit.class)
	ProblemDetail conflict(ConcurrentEdit e, WebRequest request) {
		return problem(request.getHeader(HttpHeaders.IF_MATCH) != null ? HttpStatus.PRECONDITION_FAILED
				: HttpStatus.CONFLICT, e);
	}

	// The database cannot be reached: 503 at once (the pool waits at most 2.5 s), with when to retry.
	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.transaction.CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, org.tafund.shared.DatabaseUnavailable.RETRY_AFTER)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE));
	}

	// Too many reports at once: a 503 that says so (busy, not broken), with when to retry.
	@ExceptionHandler(org.tafund.shared.ServerBusy.class)
	ResponseEntity<ProblemDetail> busy(org.tafund.shared.ServerBusy e) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, org.tafund.shared.ServerBusy.RETRY_AFTER)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
	}

	static final String DATABASE_UNAVAILABLE = "The database is unavailable at the moment: nothing was recorded. Try again shortly.";

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

	// Query parameters bound to a record whose constructor refuses them (a period that ends before
	// it starts): the refusal's own status and message.
	@ExceptionHandler(org.springframework.beans.BeanInstantiationException.class)
	ProblemDetail refusedParameters(org.springframework.beans.BeanInstantiationException e) {
		if (e.getCause() instanceof org.springframework.web.server.ResponseStatusException refused) {
			return ProblemDetail.forStatusAndDetail(refused.getStatusCode(), refused.getReason());
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request parameters could not be read.");
	}

	@ExceptionHandler(BusinessRuleViolation.class)
	ProblemDetail ruleBroken(BusinessRuleViolation e) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, e);
	}

	// Refused to this user (approving one's own record): 403 with the rule's code, so that a script
	// can tell it from a missing permission on the route.
	@ExceptionHandler(org.tafund.shared.ForbiddenAction.class)
	ProblemDetail forbidden(org.tafund.shared.ForbiddenAction e) {
		return problem(HttpStatus.FORBIDDEN, e);
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
