package org.tafund.shared;

import java.util.Locale;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells which constraint the database refused, so that a race on a unique key becomes its own
 * message while any other refusal (too long, dangling reference) keeps its general one.
 */
public final class Constraints {

	private Constraints() {
	}

	/** True when the database named this constraint (or its index) in refusing the write. */
	public static boolean violated(DataIntegrityViolationException e, String constraintName) {
		var wanted = constraintName.toLowerCase(Locale.ROOT);
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(wanted)) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
