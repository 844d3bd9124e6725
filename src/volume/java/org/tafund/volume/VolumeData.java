package org.tafund.volume;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fills an empty tafund database (MariaDB, MySQL or H2) with a realistic volume: at scale 1.0,
 * 1,000 donors, 20,000 agreements, 1,000,000 receipts, 2,000 projects, 100,000 activities and
 * 500,000 expenditure lines, with a UN rate for every currency and month from 1990 to today.
 * The database is migrated with Flyway first. The same scale, seed and day give the same data.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package
 * java -Dloader.path=target/volume/tafund-0.1.0-SNAPSHOT-volume.jar -Dloader.main=org.tafund.volume.VolumeData \
 *      -cp target/tafund-0.1.0-SNAPSHOT.jar org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --url=jdbc:mariadb://127.0.0.1:3306/tafund_bench --user=root --password= --scale=1.0 --seed=20261127
 * </pre>
 *
 * It refuses a database that already holds donors, agreements, projects or exchange rates:
 * generated rows must not mix with real ones, and the data set is only reproducible from empty.
 */
public final class VolumeData {

	public static final long DEFAULT_SEED = 20261127L;

	/** One phase of the generation: rows written per table and how long generating and inserting took. */
	public record Phase(String name, Map<String, Long> rows, Duration time) {
	}

	public record Report(List<Phase> phases, Duration total) {

		/** Rows written into {@code table}. */
		public long rows(String table) {
			return phases.stream().mapToLong(p -> p.rows().getOrDefault(table, 0L)).sum();
		}

		public long rows() {
			return phases.stream().flatMap(p -> p.rows().values().stream()).mapToLong(Long::longValue).sum();
		}

	}

	private VolumeData() {
	}

	public static Report generate(DataSource dataSource, double scale, long seed) throws SQLException {
		return generate(dataSource, scale, seed, LocalDate.now());
	}

	/** Migrates the database, then writes the data set dated up to {@code today}. */
	public static Report generate(DataSource dataSource, double scale, long seed, LocalDate today) throws SQLException {
		if (!(scale > 0 && scale <= 10)) {
			throw new IllegalArgumentException("The scale must be above 0 and at most 10, not " + scale + ".");
		}
		long start = System.nanoTime();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		var writer = Executors.newSingleThreadExecutor(runnable -> {
			var thread = new Thread(runnable, "volume-data-writer");
			thread.setDaemon(true);
			return thread;
		});
		try (var connection = dataSource.getConnection()) {
			requireEmpty(connection);
			connection.setAutoCommit(false);
			var phases = new ArrayList<Phase>();
			phases.add(new Phase("migration", Map.of(), Duration.ofNanos(System.nanoTime() - start)));
			// The journal's lines go in without their secondary indexes, which are built afterwards in one pass.
			var deferred = DeferredIndexes.drop(connection, "journal_line");
			phases.addAll(new Generator(connection, writer, scale, seed, today).run());
			if (deferred != null) {
				long indexing = System.nanoTime();
				deferred.restore();
				phases.add(new Phase("journal indexes", Map.of(), Duration.ofNanos(System.nanoTime() - indexing)));
			}
			if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
				restartIdentities(connection);
			}
			connection.commit();
			return new Report(phases, Duration.ofNanos(System.nanoTime() - start));
		}
		finally {
			writer.shutdownNow();
		}
	}

	private static void requireEmpty(Connection connection) throws SQLException {
		var found = new LinkedHashMap<String, Long>();
		try (var statement = connection.createStatement()) {
			for (var table : List.of("donor", "agreement", "project", "exchange_rate")) {
				try (var rs = statement.executeQuery("select count(*) from " + table)) {
					rs.next();
					if (rs.getLong(1) > 0) {
						found.put(table, rs.getLong(1));
					}
				}
			}
		}
		if (!found.isEmpty()) {
			throw new IllegalStateException("This database already holds data (" + found
					+ "): the volume generator fills only an empty one, so drop and create it again.");
		}
	}

	/** Rows were written with explicit ids; H2 must continue its identities after them. */
	private static void restartIdentities(Connection connection) throws SQLException {
		var tables = List.of("exchange_rate", "donor", "agreement", "instalment", "receipt", "refund",
				"revaluation_run", "revaluation_line", "project", "budget_line", "allocation", "activity", "expenditure",
				"journal_entry");
		try (var statement = connection.createStatement()) {
			for (var table : tables) {
				long next;
				try (var rs = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
					rs.next();
					next = rs.getLong(1);
				}
				statement.execute("alter table " + table + " alter column id restart with " + next);
			}
		}
	}

	public static void main(String[] args) throws Exception {
		quietLogging();
		var options = new LinkedHashMap<String, String>();
		for (var arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				System.err.println("Unknown argument " + arg + ": use --url=... --user=... --password=... "
						+ "--scale=1.0 --seed=" + DEFAULT_SEED);
				System.exit(2);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		var url = options.getOrDefault("url", System.getenv("TAFUND_DB_URL"));
		if (url == null || url.isBlank()) {
			System.err.println("Name the database: --url=jdbc:mariadb://127.0.0.1:3306/tafund_bench (or TAFUND_DB_URL).");
			System.exit(2);
		}
		var user = options.getOrDefault("user", System.getenv().getOrDefault("TAFUND_DB_USER", "root"));
		var password = options.getOrDefault("password", System.getenv().getOrDefault("TAFUND_DB_PASSWORD", ""));
		double scale = Double.parseDouble(options.getOrDefault("scale", "1.0"));
		long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(DEFAULT_SEED)));
		if ((url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) && !url.contains("rewriteBatchedStatements")) {
			// Both drivers send a batch as one multi-row INSERT only when asked. MariaDB's otherwise sends its rows
			// with the bulk protocol, which measured 10 to 15 % slower here.
			url += (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
		}
		System.out.printf(Locale.ROOT, "tafund volume data: scale %s, seed %d, into %s%n", scale, seed, url);
		try {
			var report = generate(new DriverManagerDataSource(url, user, password), scale, seed);
			for (var phase : report.phases()) {
				var tables = new StringBuilder();
				phase.rows().forEach((table, rows) -> tables.append(String.format(Locale.ROOT, " %s %,d", table, rows)));
				System.out.printf(Locale.ROOT, "  %-15s %7.1f s %s%n", phase.name(), phase.time().toMillis() / 1000.0,
						tables);
			}
			System.out.printf(Locale.ROOT, "total: %,d rows in %.1f s%n", report.rows(), report.total().toMillis() / 1000.0);
		}
		catch (IllegalStateException | IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.exit(1);
		}
	}

	/** The jar's logging would otherwise print every driver and Flyway debug line. */
	private static void quietLogging() {
		if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.ERROR);
		}
	}

}
