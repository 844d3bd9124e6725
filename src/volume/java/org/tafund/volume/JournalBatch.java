package org.tafund.volume;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.ObjLongConsumer;

import org.tafund.books.EntryDraft;
import org.tafund.books.JournalWriter;

/**
 * Journal entries of the generated records, posted {@value #BATCH_SIZE} at a time with
 * {@link JournalWriter#postAll} (JDBC batches, the hash chain computed in order) and committed
 * batch by batch, on the same writer thread as the rows of the tables: the connection is only
 * ever used by one thread, and the entries are chained in the order they were handed in.
 */
final class JournalBatch implements AutoCloseable {

	static final int BATCH_SIZE = 2000;

	private final Connection connection;

	private final ExecutorService writer;

	private final JournalWriter journal;

	private final Instant postedAt;

	private final ObjLongConsumer<String> done;

	private List<EntryDraft> pending = new ArrayList<>(BATCH_SIZE);

	private Future<?> inFlight;

	private long entries;

	private long lines;

	JournalBatch(Connection connection, ExecutorService writer, JournalWriter journal, Instant postedAt,
			ObjLongConsumer<String> done) {
		this.connection = connection;
		this.writer = writer;
		this.journal = journal;
		this.postedAt = postedAt;
		this.done = done;
	}

	void post(EntryDraft entry) throws SQLException {
		pending.add(entry);
		entries++;
		lines += entry.lines().size();
		if (pending.size() >= BATCH_SIZE) {
			send();
		}
	}

	private void send() throws SQLException {
		waitForInFlight();
		var batch = pending;
		pending = new ArrayList<>(BATCH_SIZE);
		inFlight = writer.submit(() -> {
			journal.postAll(batch, postedAt, Generator.BY);
			connection.commit();
			return null;
		});
	}

	private void waitForInFlight() throws SQLException {
		if (inFlight == null) {
			return;
		}
		try {
			inFlight.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while posting journal entries", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof SQLException sql) {
				throw sql;
			}
			throw new SQLException("Posting generated journal entries failed: " + e.getCause().getMessage(),
					e.getCause());
		}
		finally {
			inFlight = null;
		}
	}

	/** Posts what is left and waits until every entry is committed. */
	@Override
	public void close() throws SQLException {
		if (!pending.isEmpty()) {
			send();
		}
		waitForInFlight();
		done.accept("journal_entry", entries);
		done.accept("journal_line", lines);
	}

}
