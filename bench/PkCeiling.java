import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDBC primary-key ceiling of this machine and database: threads, each on its own connection,
 * look rows up by primary key with a prepared statement for a number of seconds, and the lookups per
 * second are printed. What an API read by id could reach if the application cost nothing.
 * Run as a single-file program with a JDBC driver on the class path:
 * java -cp mariadb-java-client.jar bench/PkCeiling.java URL USER PASSWORD TABLE THREADS SECONDS ID...
 */
public class PkCeiling {

	public static void main(String[] args) throws Exception {
		String url = args[0], user = args[1], password = args[2], table = args[3];
		int threads = Integer.parseInt(args[4]);
		long seconds = Long.parseLong(args[5]);
		long[] ids = new long[args.length - 6];
		for (int i = 6; i < args.length; i++) {
			ids[i - 6] = Long.parseLong(args[i]);
		}
		var done = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		var workers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			int offset = t;
			workers[t] = new Thread(() -> {
				try (var connection = DriverManager.getConnection(url, user, password);
						var select = connection.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
					for (long n = offset; System.nanoTime() < end; n += threads) {
						select.setLong(1, ids[(int) (n % ids.length)]);
						try (var rows = select.executeQuery()) {
							while (rows.next()) {
								rows.getObject(1);
							}
						}
						done.incrementAndGet();
					}
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			workers[t].start();
		}
		for (var worker : workers) {
			worker.join();
		}
		System.out.printf("%.0f%n", done.get() / (double) seconds);
	}

}
