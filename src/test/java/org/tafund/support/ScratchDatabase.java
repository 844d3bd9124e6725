package org.tafund.support;

import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own on the test server, for tests that start the application or a generator
 * outside the shared test context. Created empty; {@link #close()} drops it.
 */
public final class ScratchDatabase implements AutoCloseable {

	private final String name;

	private final TestDatabase.Connection connection;

	private ScratchDatabase(String name, TestDatabase.Connection connection) {
		this.name = name;
		this.connection = connection;
	}

	/** A new empty database whose name starts with {@code prefix} and ends with a random suffix. */
	public static ScratchDatabase create(String prefix) {
		var name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
		create(TestDatabase.get(), name);
		return new ScratchDatabase(name, TestDatabase.get().withDatabase(name));
	}

	static void create(TestDatabase.Connection server, String name) {
		execute(server, "CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
	}

	static void drop(TestDatabase.Connection server, String name) {
		execute(server, "DROP DATABASE IF EXISTS " + name);
	}

	private static void execute(TestDatabase.Connection server, String sql) {
		try (var c = server.open(); var statement = c.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Test database server refused: " + sql, e);
		}
	}

	public String name() {
		return name;
	}

	public TestDatabase.Connection connection() {
		return connection;
	}

	@Override
	public void close() {
		drop(TestDatabase.get(), name);
	}

}
