package org.tafund.support;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Where the integration tests keep their data: a MySQL 8.4 container when Docker is available,
 * else the database named by {@code TEST_DB_URL}/{@code TEST_DB_USER}/{@code TEST_DB_PASSWORD}
 * (MariaDB on these machines), else a failure that says so. Never a silent skip.
 */
public final class TestDatabase {

	static final String MISSING = "No test database: start Docker (Testcontainers runs MySQL 8.4), or set TEST_DB_URL "
			+ "(e.g. jdbc:mariadb://127.0.0.1:3306/tafund_test), TEST_DB_USER and TEST_DB_PASSWORD.";

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

	private static Connection connection;

	private static MySQLContainer container;

	private TestDatabase() {
	}

	public static synchronized Connection get() {
		if (connection == null) {
			connection = resolve();
		}
		return connection;
	}

	private static Connection resolve() {
		var url = System.getenv("TEST_DB_URL");
		if (dockerAvailable()) {
			container = new MySQLContainer("mysql:8.4").withUsername("root")
				.withPassword("tafund-test")
				.withDatabaseName("tafund_test")
				.withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
			container.start();
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		if (url == null || url.isBlank()) {
			throw new IllegalStateException(MISSING);
		}
		var user = System.getenv().getOrDefault("TEST_DB_USER", "root");
		var password = System.getenv().getOrDefault("TEST_DB_PASSWORD", "");
		return new Connection(url, user, password);
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException e) {
			return false;
		}
	}

}
