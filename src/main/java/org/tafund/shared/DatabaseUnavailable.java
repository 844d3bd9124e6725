package org.tafund.shared;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached (down, restarting, the pool waited its 2.5 s
 * for a connection): answered 503 with {@code Retry-After}, and never blamed on the user's input or
 * password. The application recovers by itself when the database is back.
 */
public final class DatabaseUnavailable {

	/** The {@code Retry-After} a client is given: seconds to wait before trying again. */
	public static final String RETRY_AFTER = "30";

	private DatabaseUnavailable() {
	}

	public static boolean causes(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
				return true;
			}
		}
		return false;
	}

}
