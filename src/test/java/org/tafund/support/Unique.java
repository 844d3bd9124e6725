package org.tafund.support;

import java.util.UUID;

/**
 * Names and references unique to one call, so that a test finds exactly what it created in a
 * database that keeps the data of earlier runs and of every other test.
 */
public final class Unique {

	private Unique() {
	}

	/** Eight hexadecimal characters, new at every call. */
	public static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** {@code base} followed by a dash and a fresh {@link #suffix()}. */
	public static String name(String base) {
		return base + "-" + suffix();
	}

}
