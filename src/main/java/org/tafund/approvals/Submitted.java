package org.tafund.approvals;

/**
 * What became of a maker's request: booked at once (its value) or pending a second person's
 * approval (the pending record). Exactly one of the two is present.
 */
public record Submitted<T>(T booked, ApprovalView pending) {

	public static <T> Submitted<T> bookedAs(T value) {
		return new Submitted<>(java.util.Objects.requireNonNull(value), null);
	}

	public static <T> Submitted<T> pendingAs(ApprovalView pending) {
		return new Submitted<>(null, java.util.Objects.requireNonNull(pending));
	}

	public boolean isPending() {
		return pending != null;
	}

	/** The API's answer: 201 Created with what was booked, or 202 Accepted with the pending record. */
	public int status() {
		return isPending() ? 202 : 201;
	}

	/** What the API answers with: the booked value, or the pending record. */
	public Object body() {
		return isPending() ? pending : booked;
	}

}
