package org.tafund.volume;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A bulk load's usual trick, on MariaDB and MySQL: a table's secondary indexes (and the foreign
 * keys that lean on them) are dropped before its rows go in, and built again afterwards, each in
 * one sorted pass. InnoDB (MariaDB 10.6 and later without change buffering) otherwise reads a page
 * of every secondary index for nearly every row it inserts once the indexes outgrow the buffer pool:
 * the journal's lines are generated agreement by agreement, so their dates, accounts and dimensions
 * arrive in no useful order, and at scale 1.0 the seven indexes of 5.3 million lines are several
 * times the default 128 MB pool.
 *
 * <p>The primary key and the unique keys stay (the unique key on {@code (entry_id, line_no)} also
 * serves the foreign key to the entry), and so do the foreign keys they serve. The definitions are
 * taken from {@code SHOW CREATE TABLE} before the drop and put back verbatim; {@link #restore}
 * checks that the table's definition is then what it was, and that every row satisfies the
 * foreign keys that were put back without checking.
 */
final class DeferredIndexes {

	private static final Pattern KEY = Pattern.compile("^\\s*KEY `([^`]+)` \\((.*)\\)\\s*,?$");

	private static final Pattern FOREIGN_KEY = Pattern
		.compile("^\\s*CONSTRAINT `([^`]+)` FOREIGN KEY \\(`([^`]+)`\\) REFERENCES `([^`]+)` \\(`([^`]+)`\\).*?,?$");

	private final Connection connection;

	private final String table;

	private final String definition;

	private final List<String> keys = new ArrayList<>();

	private final List<String> foreignKeys = new ArrayList<>();

	/** Checks run after the foreign keys are back: {@code [column, parent table, parent column]}. */
	private final List<String[]> references = new ArrayList<>();

	private DeferredIndexes(Connection connection, String table) throws SQLException {
		this.connection = connection;
		this.table = table;
		this.definition = showCreate(connection, table);
	}

	/**
	 * Drops the table's plain secondary indexes and the foreign keys that need them, on MariaDB
	 * and MySQL; elsewhere (H2) it does nothing. The table must be empty: it is meant for a load.
	 */
	static DeferredIndexes drop(Connection connection, String table) throws SQLException {
		var product = connection.getMetaData().getDatabaseProductName();
		if (!product.equals("MariaDB") && !product.equals("MySQL")) {
			return null;
		}
		var deferred = new DeferredIndexes(connection, table);
		deferred.dropAll();
		return deferred;
	}

	private void dropAll() throws SQLException {
		var drops = new ArrayList<String>();
		var kept = new ArrayList<String>();
		for (var line : definition.split("\n")) {
			var key = KEY.matcher(line);
			if (key.matches()) {
				keys.add(line.strip().replaceAll(",$", ""));
				drops.add("DROP KEY `" + key.group(1) + "`");
			}
			else if (line.strip().startsWith("PRIMARY KEY") || line.strip().startsWith("UNIQUE KEY")) {
				kept.add(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')));
			}
		}
		var fkDrops = new ArrayList<String>();
		for (var line : definition.split("\n")) {
			var fk = FOREIGN_KEY.matcher(line);
			if (fk.matches()) {
				var column = "`" + fk.group(2) + "`";
				if (kept.stream().anyMatch(columns -> columns.startsWith(column))) {
					continue;
				}
				foreignKeys.add(line.strip().replaceAll(",$", ""));
				references.add(new String[] { fk.group(2), fk.group(3), fk.group(4) });
				fkDrops.add("DROP FOREIGN KEY `" + fk.group(1) + "`");
			}
		}
		try (var statement = connection.createStatement()) {
			try (var rs = statement.executeQuery("select count(*) from " + table)) {
				rs.next();
				if (rs.getLong(1) > 0) {
					throw new IllegalStateException(table + " is not empty: its indexes are only deferred for a load.");
				}
			}
			if (!fkDrops.isEmpty()) {
				statement.execute("ALTER TABLE " + table + " " + String.join(", ", fkDrops));
			}
			if (!drops.isEmpty()) {
				statement.execute("ALTER TABLE " + table + " " + String.join(", ", drops));
			}
		}
		connection.commit();
	}

	/**
	 * Builds the indexes again (one ALTER TABLE, one pass over the rows), puts the foreign keys back
	 * without a second pass, then checks every row against them and the definition against the one
	 * that was dropped.
	 */
	void restore() throws SQLException {
		connection.commit();
		try (var statement = connection.createStatement()) {
			var adds = new ArrayList<String>();
			for (var key : keys) {
				adds.add("ADD " + key);
			}
			if (!adds.isEmpty()) {
				statement.execute("ALTER TABLE " + table + " " + String.join(", ", adds));
			}
			if (!foreignKeys.isEmpty()) {
				statement.execute("SET foreign_key_checks = 0");
				try {
					var fks = new ArrayList<String>();
					for (var fk : foreignKeys) {
						fks.add("ADD " + fk);
					}
					statement.execute("ALTER TABLE " + table + " " + String.join(", ", fks));
				}
				finally {
					statement.execute("SET foreign_key_checks = 1");
				}
				for (var reference : references) {
					try (var rs = statement.executeQuery("select count(*) from " + table + " t where not exists (select 1 from "
							+ reference[1] + " p where p." + reference[2] + " = t." + reference[0] + ")")) {
						rs.next();
						if (rs.getLong(1) > 0) {
							throw new IllegalStateException(rs.getLong(1) + " rows of " + table + " refer to no row of "
									+ reference[1] + " by " + reference[0] + ".");
						}
					}
				}
			}
		}
		connection.commit();
		var now = lines(showCreate(connection, table));
		var before = lines(definition);
		if (!now.equals(before)) {
			throw new IllegalStateException("The definition of " + table + " differs after its indexes were rebuilt:\n"
					+ definition + "\nnow:\n" + showCreate(connection, table));
		}
	}

	private static String showCreate(Connection connection, String table) throws SQLException {
		try (var statement = connection.createStatement();
				var rs = statement.executeQuery("SHOW CREATE TABLE " + table)) {
			rs.next();
			return rs.getString(2);
		}
	}

	/** The definition's lines without the trailing commas and the AUTO_INCREMENT counter. */
	private static Set<String> lines(String definition) {
		var lines = new TreeSet<String>();
		for (var line : definition.split("\n")) {
			lines.add(line.strip().replaceAll(",$", "").replaceAll(" AUTO_INCREMENT=\\d+", ""));
		}
		return lines;
	}

}
