package org.tafund.volume;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.ObjLongConsumer;

/**
 * Rows for one table, sent in JDBC batches and committed batch by batch. The database works on
 * one batch on a writer thread while the caller builds the next one, so that on a small machine
 * generating rows and inserting them overlap instead of taking turns.
 */
final class BatchInsert implements AutoCloseable {

	static final int BATCH_SIZE = 2000;

	private final Connection connection;

	private final PreparedStatement statement;

	private final ExecutorService writer;

	private final int columns;

	private List<Object[]> pending = new ArrayList<>(BATCH_SIZE);

	private Future<?> inFlight;

	private long rows;

	private final String table;

	private final List<BatchInsert> parents;

	private final ObjLongConsumer<String> done;

	/**
	 * Rows of {@code table}; the rows of {@code parents} they refer to are always sent first, so a
	 * foreign key never points at a row still waiting in a buffer.
	 */
	BatchInsert(Connection connection, ExecutorService writer, String table, String columnList,
			List<BatchInsert> parents, ObjLongConsumer<String> done) throws SQLException {
		this.connection = connection;
		this.writer = writer;
		this.table = table;
		this.parents = parents;
		this.done = done;
		this.columns = columnList.split(",").length;
		var marks = String.join(", ", java.util.Collections.nCopies(columns, "?"));
		this.statement = connection.prepareStatement("insert into " + table + " (" + columnList + ") values (" + marks + ")");
	}

	void row(Object... values) throws SQLException {
		if (values.length != columns) {
			throw new IllegalArgumentException(values.length + " values for " + columns + " columns");
		}
		pending.add(values);
		rows++;
		if (pending.size() >= BATCH_SIZE) {
			send();
		}
	}

	long rows() {
		return rows;
	}

	private void send() throws SQLException {
		for (var parent : parents) {
			if (!parent.pending.isEmpty()) {
				parent.send();
			}
		}
		waitForInFlight();
		var batch = pending;
		pending = new ArrayList<>(BATCH_SIZE);
		inFlight = writer.submit(() -> {
			write(batch);
			return null;
		});
	}

	private void write(List<Object[]> batch) throws SQLException {
		for (var values : batch) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			statement.addBatch();
		}
		statement.executeBatch();
		connection.commit();
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
			throw new SQLException("Interrupted while inserting", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof SQLException sql) {
				throw sql;
			}
			throw new SQLException(e.getCause());
		}
		finally {
			inFlight = null;
		}
	}

	/** Sends what is left and waits until every row of this table is committed. */
	@Override
	public void close() throws SQLException {
		if (!pending.isEmpty()) {
			send();
		}
		waitForInFlight();
		statement.close();
		done.accept(table, rows);
	}

}
