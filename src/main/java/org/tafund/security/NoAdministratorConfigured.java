package org.tafund.security;

/**
 * Startup found no user at all and no first administrator to create.
 */
public class NoAdministratorConfigured extends RuntimeException {

	static final String SENTENCE = "The database has no users: set TAFUND_ADMIN_USER and TAFUND_ADMIN_PASSWORD "
			+ "(at least 12 characters) to create the first administrator, then start tafund again.";

	NoAdministratorConfigured() {
		super(SENTENCE);
	}

}
