package org.tafund.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API's optimistic locking: a read carries the record's version as its ETag, and a change
 * must send it back in If-Match (428 when it is missing, 412 when it is not one of ours). The
 * service then compares it with the stored version and answers 409 when somebody saved between.
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	public static long expectedVersion(String ifMatch) {
		if (ifMatch == null) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
					"Send the ETag of your last read in If-Match, so that nobody's change is overwritten.");
		}
		try {
			return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
		}
		catch (NumberFormatException e) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED, "If-Match is not an ETag of tafund.");
		}
	}

}
