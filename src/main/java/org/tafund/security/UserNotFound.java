package org.tafund.security;

import org.tafund.shared.NotFound;

public class UserNotFound extends NotFound {

	UserNotFound(Object idOrName) {
		super("No user " + idOrName);
	}

}
