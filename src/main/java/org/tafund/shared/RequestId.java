package org.tafund.shared;

import org.slf4j.MDC;

/**
 * The id of the request being served: in every log line (MDC {@code requestId}), in the
 * {@code X-Request-Id} response header, in every problem document ({@code traceId}), on error
 * pages, and on the request's span when traces are exported ({@code tafund.request.id}), so that a
 * user's "it failed at 10:32" becomes one line in the log and one trace.
 */
public final class RequestId {

	public static final String MDC_KEY = "requestId";

	public static final String HEADER = "X-Request-Id";

	private RequestId() {
	}

	/** Adds the current request's id to a problem document as {@code traceId} (outside a request: nothing). */
	public static org.springframework.http.ProblemDetail stamp(org.springframework.http.ProblemDetail problem) {
		var id = current();
		if (id != null) {
			problem.setProperty("traceId", id);
		}
		return problem;
	}

	/** The current request's id, or null outside a request. */
	public static String current() {
		return MDC.get(MDC_KEY);
	}

}
