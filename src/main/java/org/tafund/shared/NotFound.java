package org.tafund.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record that was asked for by its identifier does not exist. Pages answer with the 404 page,
 * the API with a 404 problem.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public abstract class NotFound extends RuntimeException {

	protected NotFound(String message) {
		super(message);
	}

}
