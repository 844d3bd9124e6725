package org.tafund.books;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.tafund.shared.BusinessRuleViolation;

/**
 * The one path by which entries enter the journal, on plain JDBC. {@link Journal} posts through
 * it inside the caller's Spring transaction; code that runs without the application context (a
 * Flyway Java migration that posts the records already stored, a bulk loader) can use it on its
 * own connection, inside its own transaction:
 *
 * <pre>{@code
 * var writer = JournalWriter.on(new SingleConnectionDataSource(context.getConnection(), true));
 * writer.post(draft, postedAt, "system");
 * }</pre>
 *
 * Each post locks the chain head ({@code SELECT ... FOR UPDATE}) until the transaction ends,
 * refuses an incomplete or unbalanced entry, a second posting of its event and a date in a
 * closed period (locking reads, so they see the latest committed state), then inserts the entry
 * and its lines and moves the head. Never autocommit: the head, the entry and its lines must
 * commit together. {@link #postAll} does the same for many entries at once, with JDBC batches.
 */
public final class JournalWriter {

	/** Rows sent to the database per JDBC batch by {@link #postAll}. */
	static final int BATCH_ROWS = 1000;

	private static final String LINE_COLUMN_NAMES = "entry_id, line_no, accounting_date, account_code, segment_code, "
			+ "debit_usd, credit_usd, original_amount, currency, rate, rate_date, donor_id, donor_type, agreement_id, "
			+ "funding_window, earmark, project_id, activity_id, budget_category";

	private static final String INSERT_ENTRY = "INSERT INTO journal_entry (id, accounting_date, period, posted_at, "
			+ "posted_by, source_type, source_id, description, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	// Portable to MySQL, MariaDB and H2 in MySQL mode. VALUES(column) is the value the row would have been inserted with.
	private static final String ADD_MONTH_TOTAL_HEAD = "INSERT INTO journal_month_total (period, account_code, "
			+ "segment_code, source_type, funding_window, debit_usd, credit_usd, line_count) VALUES ";

	private static final String ADD_MONTH_TOTAL_TAIL = " ON DUPLICATE KEY UPDATE debit_usd = debit_usd + VALUES(debit_usd), "
			+ "credit_usd = credit_usd + VALUES(credit_usd), line_count = line_count + VALUES(line_count)";

	private static final String ADD_AGREEMENT_TOTAL_HEAD = "INSERT INTO journal_agreement_total (agreement_id, "
			+ "account_code, debit_usd, credit_usd) VALUES ";

	private static final String ADD_AGREEMENT_TOTAL_TAIL = " ON DUPLICATE KEY UPDATE debit_usd = debit_usd + "
			+ "VALUES(debit_usd), credit_usd = credit_usd + VALUES(credit_usd)";

	private static final String ADD_AGREEMENT_YEAR_HEAD = "INSERT INTO journal_agreement_year (book_year, agreement_id, "
			+ "account_code, source_type, debit_usd, credit_usd) VALUES ";

	/** The columns of a line: 19, and its entry's kind of event (V46) when the schema has it. */
	private final int lineColumns;

	/** {@code INSERT INTO journal_line (...) VALUES (?, ...)} of the {@link #lineColumns}. */
	private final String insertLine;

	/** One more row of {@link #insertLine}: {@code , (?, ...)}. */
	private final String moreLine;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final ClosedPeriods closedPeriods;

	/**
	 * Whether entries are added to {@code journal_month_total}: always in the application; for a
	 * Flyway Java migration that runs before V19 created the table, not (V19 then sums the lines
	 * posted by then).
	 */
	private final boolean monthTotals;

	/** Whether lines are added to {@code journal_agreement_total}: as for the month totals, from V23 on. */
	private final boolean agreementTotals;

	/** Whether lines are added to {@code journal_agreement_year}: as for the month totals, from V48 on. */
	private final boolean agreementYears;

	/**
	 * On MariaDB and MySQL, {@link #post} takes the head's lock and reads the event's entry and the
	 * closes covering the date in one locking read (a join, so every row it reads is a current,
	 * locked read); elsewhere (H2) in three.
	 */
	private final boolean joinedLocks;

	/**
	 * Whether the connection takes several statements in one ({@code allowMultiQueries=true}, set
	 * by the application's MariaDB/MySQL profiles): {@link #post} then writes the entry, its lines,
	 * the month totals and the head in one round trip instead of four.
	 */
	private final boolean multiStatements;

	JournalWriter(DataSource dataSource, ClosedPeriods closedPeriods) {
		this(dataSource, closedPeriods, true, true, true, true);
	}

	private JournalWriter(DataSource dataSource, ClosedPeriods closedPeriods, boolean monthTotals,
			boolean agreementTotals, boolean lineSources, boolean agreementYears) {
		this.lineColumns = lineSources ? 20 : 19;
		var values = "(" + String.join(", ", java.util.Collections.nCopies(lineColumns, "?")) + ")";
		this.insertLine = "INSERT INTO journal_line (" + LINE_COLUMN_NAMES + (lineSources ? ", source_type" : "")
				+ ") VALUES " + values;
		this.moreLine = ", " + values;
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.closedPeriods = closedPeriods;
		this.monthTotals = monthTotals;
		this.agreementTotals = agreementTotals;
		this.agreementYears = agreementYears;
		this.joinedLocks = mariaDbOrMySql(dataSource);
		this.multiStatements = joinedLocks && takesMultiStatements(dataSource);
	}

	private static boolean takesMultiStatements(DataSource dataSource) {
		var connection = DataSourceUtils.getConnection(dataSource);
		try (var statement = connection.createStatement()) {
			statement.execute("DO 1; DO 1");
			return true;
		}
		catch (SQLException e) {
			return false;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static boolean mariaDbOrMySql(DataSource dataSource) {
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			var product = connection.getMetaData().getDatabaseProductName();
			return product.equals("MariaDB") || product.equals("MySQL");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Reading the database's product name failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** A writer on a data source (for callers outside the application context). */
	public static JournalWriter on(DataSource dataSource) {
		return new JournalWriter(dataSource, new ClosedPeriods(dataSource), inSchema(dataSource, "journal_month_total", null),
				inSchema(dataSource, "journal_agreement_total", null), inSchema(dataSource, "journal_line", "source_type"),
				inSchema(dataSource, "journal_agreement_year", null));
	}

	/**
	 * Whether the schema has a table (column null) or a table's column yet: a Java migration older
	 * than V19 or V23 runs without their totals, one older than V46 writes lines without their kind of event.
	 */
	private static boolean inSchema(DataSource dataSource, String table, String column) {
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			var meta = connection.getMetaData();
			for (var upper : List.of(false, true)) {
				var tableName = upper ? table.toUpperCase(java.util.Locale.ROOT) : table;
				try (var found = column == null
						? meta.getTables(connection.getCatalog(), null, tableName, new String[] { "TABLE" })
						: meta.getColumns(connection.getCatalog(), null, tableName,
								upper ? column.toUpperCase(java.util.Locale.ROOT) : column)) {
					if (found.next()) {
						return true;
					}
				}
			}
			return false;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Reading the journal's schema failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Posts an entry stamped {@code postedAt} (kept to the microsecond) by {@code postedBy}. The
	 * refusals are those of {@link Journal#post}.
	 */
	public JournalEntryView post(EntryDraft draft, Instant postedAt, String postedBy) {
		Objects.requireNonNull(postedAt, "postedAt");
		Journal.requireComplete(draft);
		var locked = lock(draft.sourceType(), draft.sourceId(), draft.accountingDate(), null, null);
		return write(draft, locked, postedAt, postedBy);
	}

	/**
	 * Posts the entry {@code draftFor} builds from what {@code account} holds for an agreement,
	 * read with the chain head's lock (on MariaDB and MySQL in the same round trip): for an event
	 * whose entry depends on the agreement's balance, such as a receipt relieving the receivable.
	 * The entry must be of the event and date given; the refusals are those of {@link #post}.
	 */
	public JournalEntryView post(SourceType type, long sourceId, LocalDate date, long agreementId, Account account,
			java.util.function.Function<BigDecimal, EntryDraft> draftFor, Instant postedAt, String postedBy) {
		Objects.requireNonNull(postedAt, "postedAt");
		var locked = lock(type, sourceId, date, agreementId, account);
		var draft = draftFor.apply(locked.balance());
		if (draft.sourceType() != type || draft.sourceId() != sourceId || !draft.accountingDate().equals(date)) {
			throw new IllegalArgumentException("The entry built is of " + draft.sourceType() + " " + draft.sourceId()
					+ " on " + draft.accountingDate() + ", not of " + type + " " + sourceId + " on " + date);
		}
		Journal.requireComplete(draft);
		return write(draft, locked, postedAt, postedBy);
	}

	/** The head's hash and next id under its lock, and the agreement's balance when one was asked for. */
	private record Locked(String head, long nextId, BigDecimal balance) {
	}

	/**
	 * Takes the chain head's lock and refuses an event posted already or a date in a closed
	 * period; reads an agreement's balance in an account with it when {@code agreementId} is given.
	 */
	private Locked lock(SourceType type, long sourceId, LocalDate date, Long agreementId, Account account) {
		if (joinedLocks) {
			// One locking read: the head, the event's entry if it has one, whether a close covers the date,
			// and the agreement's balance.
			var balanceColumn = agreementId == null || !agreementTotals ? "NULL"
					: "(SELECT t.debit_usd - t.credit_usd FROM journal_agreement_total t "
							+ "WHERE t.agreement_id = :agreement AND t.account_code = :account)";
			var row = jdbc.sql("SELECT h.last_hash, e.id, p.id, COALESCE(h.last_entry_id, 0) + 1, " + balanceColumn
					+ " FROM journal_chain_head h "
					+ "LEFT JOIN journal_entry e ON e.source_type = :type AND e.source_id = :id "
					+ "LEFT JOIN period_close p ON p.reopened_at IS NULL AND p.period_start <= :date AND p.period_end >= :date "
					+ "WHERE h.id = 1 FOR UPDATE")
				.param("type", type.name())
				.param("id", sourceId)
				.param("date", date)
				.param("agreement", agreementId == null ? 0L : agreementId)
				.param("account", account == null ? "" : account.name())
				.query((rs, n) -> new Object[] { rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2),
						rs.getObject(3) != null, rs.getLong(4), rs.getBigDecimal(5) })
				.list();
			var existing = row.stream().map(r -> (Long) r[1]).filter(Objects::nonNull).findFirst();
			if (existing.isPresent()) {
				throw new BusinessRuleViolation("journal.alreadyPosted", type.name(), sourceId, existing.get());
			}
			if (row.stream().anyMatch(r -> (Boolean) r[2])) {
				// Refused: the close's details for the message.
				closedPeriods.requireOpen(date, "accountingDate", true);
			}
			var balance = agreementId == null ? null
					: agreementTotals ? amount((BigDecimal) row.get(0)[4]) : agreementBalance(agreementId, account);
			return new Locked((String) row.get(0)[0], (Long) row.get(0)[3], balance);
		}
		var head = lockHead();
		var existing = jdbc.sql("SELECT id FROM journal_entry WHERE source_type = :type AND source_id = :id FOR UPDATE")
			.param("type", type.name())
			.param("id", sourceId)
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			throw new BusinessRuleViolation("journal.alreadyPosted", type.name(), sourceId, existing.get());
		}
		closedPeriods.requireOpen(date, "accountingDate", true);
		return new Locked(head, 0, agreementId == null ? null : agreementBalance(agreementId, account));
	}

	/** An agreement's balance in an account: from its totals (V23 on), else from its lines. */
	private BigDecimal agreementBalance(long agreementId, Account account) {
		return amount(agreementBalance(jdbc, agreementTotals ? "journal_agreement_total" : "journal_line", agreementId,
				account));
	}

	/** Debits less credits of an agreement in an account, from {@code table}: its totals, or its lines. */
	static BigDecimal agreementBalance(JdbcClient jdbc, String table, long agreementId, Account account) {
		return jdbc.sql("SELECT COALESCE(SUM(debit_usd), 0) - COALESCE(SUM(credit_usd), 0) FROM " + table
				+ " WHERE agreement_id = :agreement AND account_code = :account")
			.param("agreement", agreementId)
			.param("account", account.name())
			.query(BigDecimal.class)
			.single();
	}

	private static BigDecimal amount(BigDecimal value) {
		return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
	}

	private JournalEntryView write(EntryDraft draft, Locked locked, Instant postedAt, String postedBy) {
		var by = by(postedBy);
		var head = locked.head();
		long nextId = locked.nextId();
		var at = CanonicalForm.stored(postedAt);
		var entry = canonical(draft, at, by);
		var lines = canonicalLines(draft);
		var hash = CanonicalForm.hash(head, CanonicalForm.of(entry, lines));
		if (multiStatements) {
			// The id is the head's next one: entries get their ids under the head's lock, in chain order.
			writeInOneRoundTrip(nextId, draft, entry, lines, at, by, head, hash);
			return view(nextId, draft, entry.period(), at, by, head, hash);
		}

		var key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO journal_entry (accounting_date, period, posted_at, posted_by, source_type, source_id, "
				+ "description, prev_hash, hash) VALUES (:date, :period, :postedAt, :postedBy, :type, :sourceId, "
				+ ":description, :prevHash, :hash)")
			.param("date", draft.accountingDate())
			.param("period", entry.period())
			.param("postedAt", LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("postedBy", by)
			.param("type", draft.sourceType().name())
			.param("sourceId", draft.sourceId())
			.param("description", draft.description())
			.param("prevHash", head)
			.param("hash", hash)
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		insertLines(id, draft.accountingDate(), entry.sourceType(), lines);
		if (monthTotals) {
			var totals = new MonthTotals();
			totals.add(entry.period(), entry.sourceType(), lines);
			addMonthTotals(totals);
		}
		if (agreementTotals) {
			var byAgreement = new AgreementTotals();
			byAgreement.add(lines);
			addAgreementTotals(byAgreement);
		}
		if (agreementYears) {
			var byYear = new AgreementYears();
			byYear.add(draft.accountingDate().getYear(), entry.sourceType(), lines);
			addAgreementYears(byYear);
		}
		moveHead(id, hash);
		return view(id, draft, entry.period(), at, by, head, hash);
	}

	/**
	 * The entry, its lines, its month totals and the head's move as one multi-statement: one round
	 * trip. Every statement's result is read, so that a failure of any of them is thrown here.
	 */
	private void writeInOneRoundTrip(long id, EntryDraft draft, CanonicalForm.Entry entry,
			List<CanonicalForm.Line> lines, Instant at, String by, String head, String hash) {
		var sql = new StringBuilder(INSERT_ENTRY).append("; ").append(insertLine);
		for (int i = 1; i < lines.size(); i++) {
			sql.append(moreLine);
		}
		var totals = new MonthTotals();
		if (monthTotals) {
			totals.add(entry.period(), entry.sourceType(), lines);
			sql.append("; ").append(MonthTotals.statement(totals.rows.size()));
		}
		var byAgreement = new AgreementTotals();
		if (agreementTotals) {
			byAgreement.add(lines);
		}
		if (!byAgreement.rows.isEmpty()) {
			sql.append("; ").append(AgreementTotals.statement(byAgreement.rows.size()));
		}
		var byYear = new AgreementYears();
		if (agreementYears) {
			byYear.add(draft.accountingDate().getYear(), entry.sourceType(), lines);
		}
		if (!byYear.rows.isEmpty()) {
			sql.append("; ").append(AgreementYears.statement(byYear.rows.size()));
		}
		sql.append("; UPDATE journal_chain_head SET last_entry_id = ?, last_hash = ? WHERE id = 1");
		var connection = DataSourceUtils.getConnection(dataSource);
		try (var statement = connection.prepareStatement(sql.toString())) {
			int p = 0;
			statement.setLong(++p, id);
			statement.setObject(++p, draft.accountingDate());
			statement.setString(++p, entry.period());
			statement.setObject(++p, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
			statement.setString(++p, by);
			statement.setString(++p, entry.sourceType());
			statement.setLong(++p, entry.sourceId());
			statement.setString(++p, entry.description());
			statement.setString(++p, head);
			statement.setString(++p, hash);
			for (var line : lines) {
				bind(statement, p, id, draft.accountingDate(), entry.sourceType(), line);
				p += lineColumns;
			}
			p = MonthTotals.bind(statement, p, totals.rows.entrySet());
			p = AgreementTotals.bind(statement, p, byAgreement.rows.entrySet());
			p = AgreementYears.bind(statement, p, byYear.rows.entrySet());
			statement.setLong(++p, id);
			statement.setString(++p, hash);
			statement.execute();
			while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
				// Reading each result surfaces an error of a later statement.
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Writing journal entry " + id + " failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** An entry's lines in one multi-row INSERT: one round trip, however many lines. */
	private void insertLines(long entryId, LocalDate date, String sourceType, List<CanonicalForm.Line> lines) {
		var sql = new StringBuilder(insertLine);
		for (int i = 1; i < lines.size(); i++) {
			sql.append(moreLine);
		}
		var connection = DataSourceUtils.getConnection(dataSource);
		try (var statement = connection.prepareStatement(sql.toString())) {
			int offset = 0;
			for (var line : lines) {
				bind(statement, offset, entryId, date, sourceType, line);
				offset += lineColumns;
			}
			statement.executeUpdate();
		}
		catch (SQLException e) {
			throw new IllegalStateException("Inserting the lines of journal entry " + entryId + " failed: " + e.getMessage(),
					e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Posts many entries in one go, in the order given, all stamped {@code postedAt} by
	 * {@code postedBy}: for loaders of many events (the Flyway migration that posts the records
	 * stored before the journal, the volume data generator), where one round trip per line would
	 * take hours. The refusals are those of {@link #post}, checked for every entry before anything
	 * is written: an incomplete or unbalanced entry, an event posted already (in the journal or
	 * twice in the list), a date in a closed period.
	 *
	 * <p>Under the chain head's lock, the entries get consecutive ids after the last one and their
	 * hashes are chained in memory, in list order; entries and lines then go to the database in JDBC
	 * batches ({@value #BATCH_ROWS} rows each; on MySQL Connector/J add
	 * {@code rewriteBatchedStatements=true} to the URL to have them sent as multi-row inserts,
	 * MariaDB's driver does so by itself), and the head moves to the last entry. As with
	 * {@link #post}, the caller's transaction commits or rolls back the lot.
	 *
	 * @return how many entries were posted
	 */
	public int postAll(List<EntryDraft> drafts, Instant postedAt, String postedBy) {
		Objects.requireNonNull(postedAt, "postedAt");
		if (drafts.isEmpty()) {
			return 0;
		}
		var bySource = new LinkedHashMap<SourceType, Set<Long>>();
		for (var draft : drafts) {
			Journal.requireComplete(draft);
			if (!bySource.computeIfAbsent(draft.sourceType(), type -> new HashSet<>()).add(draft.sourceId())) {
				throw new BusinessRuleViolation("journal.alreadyPosted", draft.sourceType().name(), draft.sourceId(),
						"-");
			}
		}
		var by = by(postedBy);
		var at = CanonicalForm.stored(postedAt);
		var head = lockHead();
		refuseAlreadyPosted(bySource);
		refuseClosed(drafts);
		long next = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM journal_entry").query(Long.class).single();

		var connection = DataSourceUtils.getConnection(dataSource);
		try (var entries = connection.prepareStatement(INSERT_ENTRY);
				var lines = connection.prepareStatement(insertLine)) {
			var totals = new MonthTotals();
			var byAgreement = new AgreementTotals();
			var byYear = new AgreementYears();
			int pendingEntries = 0;
			int pendingLines = 0;
			var previous = head;
			long id = next;
			for (var draft : drafts) {
				var entry = canonical(draft, at, by);
				var canonicalLines = canonicalLines(draft);
				var hash = CanonicalForm.hash(previous, CanonicalForm.of(entry, canonicalLines));
				entries.setLong(1, id);
				entries.setObject(2, draft.accountingDate());
				entries.setString(3, entry.period());
				entries.setObject(4, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
				entries.setString(5, by);
				entries.setString(6, entry.sourceType());
				entries.setLong(7, entry.sourceId());
				entries.setString(8, entry.description());
				entries.setString(9, previous);
				entries.setString(10, hash);
				entries.addBatch();
				pendingEntries++;
				for (var line : canonicalLines) {
					bind(lines, 0, id, draft.accountingDate(), entry.sourceType(), line);
					lines.addBatch();
					pendingLines++;
				}
				totals.add(entry.period(), entry.sourceType(), canonicalLines);
				byAgreement.add(canonicalLines);
				byYear.add(draft.accountingDate().getYear(), entry.sourceType(), canonicalLines);
				if (pendingEntries >= BATCH_ROWS || pendingLines >= BATCH_ROWS) {
					// Entries first: the lines refer to them.
					entries.executeBatch();
					lines.executeBatch();
					pendingEntries = 0;
					pendingLines = 0;
				}
				previous = hash;
				id++;
			}
			if (pendingEntries > 0) {
				entries.executeBatch();
			}
			if (pendingLines > 0) {
				lines.executeBatch();
			}
			if (monthTotals) {
				addMonthTotals(totals);
			}
			if (agreementTotals) {
				addAgreementTotals(byAgreement);
			}
			if (agreementYears) {
				addAgreementYears(byYear);
			}
			moveHead(id - 1, previous);
			return drafts.size();
		}
		catch (SQLException e) {
			throw new IllegalStateException("Posting " + drafts.size() + " journal entries failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** The entry that recorded an event, read with plain JDBC (no application context needed). */
	public Optional<JournalEntryView> posted(SourceType type, long sourceId) {
		var entry = jdbc.sql("SELECT id, accounting_date, period, posted_at, posted_by, source_type, source_id, "
				+ "description, prev_hash, hash FROM journal_entry WHERE source_type = :type AND source_id = :id")
			.param("type", type.name())
			.param("id", sourceId)
			.query(JournalQueries::entryRow)
			.optional();
		if (entry.isEmpty()) {
			return entry;
		}
		var e = entry.get();
		var lines = jdbc.sql("SELECT line_no, account_code, segment_code, debit_usd, credit_usd, original_amount, "
				+ "currency, rate, rate_date, donor_id, donor_type, agreement_id, funding_window, earmark, project_id, "
				+ "activity_id, budget_category FROM journal_line WHERE entry_id = :id ORDER BY line_no")
			.param("id", e.id())
			.query((rs, n) -> JournalQueries.lineRow(rs))
			.list();
		return Optional.of(new JournalEntryView(e.id(), e.accountingDate(), e.period(), e.postedAt(), e.postedBy(),
				e.sourceType(), e.sourceId(), e.description(), e.prevHash(), e.hash(), lines));
	}

	/** The ids of the events of a kind that have an entry. */
	public Set<Long> postedIds(SourceType type) {
		return new HashSet<>(jdbc.sql("SELECT source_id FROM journal_entry WHERE source_type = :type")
			.param("type", type.name())
			.query(Long.class)
			.list());
	}

	private String lockHead() {
		return jdbc.sql("SELECT last_hash FROM journal_chain_head WHERE id = 1 FOR UPDATE").query(String.class).single();
	}

	/** Lines summed per row of {@code journal_month_total}, in the order first met. */
	private static final class MonthTotals {

		private final LinkedHashMap<List<String>, Object[]> rows = new LinkedHashMap<>();

		void add(String period, String sourceType, List<CanonicalForm.Line> lines) {
			for (var line : lines) {
				var key = List.of(period, line.account(), line.segment(), sourceType,
						line.fundingWindow() == null ? "" : line.fundingWindow());
				var sums = rows.computeIfAbsent(key, k -> new Object[] { BigDecimal.ZERO, BigDecimal.ZERO, 0L });
				sums[0] = ((BigDecimal) sums[0]).add(line.debitUsd());
				sums[1] = ((BigDecimal) sums[1]).add(line.creditUsd());
				sums[2] = (Long) sums[2] + 1;
			}
		}

		static String statement(int rowCount) {
			return ADD_MONTH_TOTAL_HEAD + values(rowCount, "(?, ?, ?, ?, ?, ?, ?, ?)") + ADD_MONTH_TOTAL_TAIL;
		}

		/** Binds rows of {@code (period, account, segment, kind, window, debit, credit, lines)} after parameter {@code p}. */
		static int bind(PreparedStatement statement, int p, Collection<java.util.Map.Entry<List<String>, Object[]>> slice)
				throws SQLException {
			for (var row : slice) {
				for (var part : row.getKey()) {
					statement.setString(++p, part);
				}
				statement.setBigDecimal(++p, (BigDecimal) row.getValue()[0]);
				statement.setBigDecimal(++p, (BigDecimal) row.getValue()[1]);
				statement.setLong(++p, (Long) row.getValue()[2]);
			}
			return p;
		}

	}

	/** Lines that name an agreement summed per agreement and account, in the order first met. */
	private static final class AgreementTotals {

		private final LinkedHashMap<java.util.Map.Entry<Long, String>, BigDecimal[]> rows = new LinkedHashMap<>();

		void add(List<CanonicalForm.Line> lines) {
			for (var line : lines) {
				if (line.agreementId() == null) {
					continue;
				}
				var sums = rows.computeIfAbsent(java.util.Map.entry(line.agreementId(), line.account()),
						k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums[0] = sums[0].add(line.debitUsd());
				sums[1] = sums[1].add(line.creditUsd());
			}
		}

		static String statement(int rowCount) {
			return ADD_AGREEMENT_TOTAL_HEAD + values(rowCount, "(?, ?, ?, ?)") + ADD_AGREEMENT_TOTAL_TAIL;
		}

		/** Binds rows of {@code (agreement_id, account_code, debit_usd, credit_usd)} after parameter {@code p}. */
		static int bind(PreparedStatement statement, int p,
				Collection<java.util.Map.Entry<java.util.Map.Entry<Long, String>, BigDecimal[]>> slice)
				throws SQLException {
			for (var row : slice) {
				statement.setLong(++p, row.getKey().getKey());
				statement.setString(++p, row.getKey().getValue());
				statement.setBigDecimal(++p, row.getValue()[0]);
				statement.setBigDecimal(++p, row.getValue()[1]);
			}
			return p;
		}

	}

	/** Lines that name an agreement summed per year, agreement, account and kind of event, in the order first met. */
	private static final class AgreementYears {

		private final LinkedHashMap<List<Object>, BigDecimal[]> rows = new LinkedHashMap<>();

		void add(int year, String sourceType, List<CanonicalForm.Line> lines) {
			for (var line : lines) {
				if (line.agreementId() == null) {
					continue;
				}
				var sums = rows.computeIfAbsent(List.of(year, line.agreementId(), line.account(), sourceType),
						k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums[0] = sums[0].add(line.debitUsd());
				sums[1] = sums[1].add(line.creditUsd());
			}
		}

		static String statement(int rowCount) {
			return ADD_AGREEMENT_YEAR_HEAD + values(rowCount, "(?, ?, ?, ?, ?, ?)") + ADD_AGREEMENT_TOTAL_TAIL;
		}

		/** Binds rows of {@code (book_year, agreement_id, account_code, source_type, debit_usd, credit_usd)} after parameter {@code p}. */
		static int bind(PreparedStatement statement, int p, Collection<java.util.Map.Entry<List<Object>, BigDecimal[]>> slice)
				throws SQLException {
			for (var row : slice) {
				statement.setInt(++p, (Integer) row.getKey().get(0));
				statement.setLong(++p, (Long) row.getKey().get(1));
				statement.setString(++p, (String) row.getKey().get(2));
				statement.setString(++p, (String) row.getKey().get(3));
				statement.setBigDecimal(++p, row.getValue()[0]);
				statement.setBigDecimal(++p, row.getValue()[1]);
			}
			return p;
		}

	}

	/** {@code rowCount} copies of a row's placeholders, comma-separated. */
	private static String values(int rowCount, String row) {
		return String.join(", ", java.util.Collections.nCopies(rowCount, row));
	}

	/** Binds a slice of rows to a statement from its first parameter on. */
	@FunctionalInterface
	private interface SliceBinder<R> {

		void bind(PreparedStatement statement, List<R> slice) throws SQLException;

	}

	/**
	 * Adds rows to one of the journal's totals in multi-row statements of up to {@value #BATCH_ROWS}
	 * rows: {@code statement} gives the statement of so many rows, {@code binder} binds them.
	 */
	private <R> void addInSlices(List<R> rows, java.util.function.IntFunction<String> statement, SliceBinder<R> binder,
			String totals) {
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
				var slice = rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS));
				try (var prepared = connection.prepareStatement(statement.apply(slice.size()))) {
					binder.bind(prepared, slice);
					prepared.executeUpdate();
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Adding to the journal's " + totals + " failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private void addAgreementYears(AgreementYears totals) {
		addInSlices(new ArrayList<>(totals.rows.entrySet()), AgreementYears::statement,
				(statement, slice) -> AgreementYears.bind(statement, 0, slice), "agreement years");
	}

	private void addAgreementTotals(AgreementTotals totals) {
		addInSlices(new ArrayList<>(totals.rows.entrySet()), AgreementTotals::statement,
				(statement, slice) -> AgreementTotals.bind(statement, 0, slice), "agreement totals");
	}

	private void addMonthTotals(MonthTotals totals) {
		addInSlices(new ArrayList<>(totals.rows.entrySet()), MonthTotals::statement,
				(statement, slice) -> MonthTotals.bind(statement, 0, slice), "month totals");
	}

	private void moveHead(long id, String hash) {
		jdbc.sql("UPDATE journal_chain_head SET last_entry_id = :id, last_hash = :hash WHERE id = 1")
			.param("id", id)
			.param("hash", hash)
			.update();
	}

	private void refuseAlreadyPosted(LinkedHashMap<SourceType, Set<Long>> bySource) {
		for (var kind : bySource.entrySet()) {
			var ids = new ArrayList<>(kind.getValue());
			for (int from = 0; from < ids.size(); from += BATCH_ROWS) {
				var slice = ids.subList(from, Math.min(ids.size(), from + BATCH_ROWS));
				var found = jdbc.sql("SELECT source_id, id FROM journal_entry WHERE source_type = :type "
						+ "AND source_id IN (:ids) FOR UPDATE")
					.param("type", kind.getKey().name())
					.param("ids", slice)
					.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
					.list();
				if (!found.isEmpty()) {
					throw new BusinessRuleViolation("journal.alreadyPosted", kind.getKey().name(), found.get(0)[0],
							found.get(0)[1]);
				}
			}
		}
	}

	private void refuseClosed(List<EntryDraft> drafts) {
		var first = drafts.stream().map(EntryDraft::accountingDate).min(LocalDate::compareTo).orElseThrow();
		// Locking read under the head lock, as post does: the latest committed closes.
		var closes = closedPeriods.activeEndingOnOrAfter(first, true);
		if (closes.isEmpty()) {
			return;
		}
		for (var draft : drafts) {
			var date = draft.accountingDate();
			for (var close : closes) {
				if (!close.start().isAfter(date) && !close.end().isBefore(date)) {
					throw ClosedPeriods.closed(close, "accountingDate", closedPeriods.firstOpenOnOrAfter(date));
				}
			}
		}
	}

	private static String by(String postedBy) {
		return postedBy == null || postedBy.isBlank() ? Actors.SYSTEM : postedBy;
	}

	private static CanonicalForm.Entry canonical(EntryDraft draft, Instant at, String by) {
		var period = draft.accountingDate().toString().substring(0, 7);
		return new CanonicalForm.Entry(draft.accountingDate(), period, at, by, draft.sourceType().name(),
				draft.sourceId(), draft.description());
	}

	private static List<CanonicalForm.Line> canonicalLines(EntryDraft draft) {
		var lines = new ArrayList<CanonicalForm.Line>(draft.lines().size());
		int lineNo = 0;
		for (var posting : draft.lines()) {
			lines.add(canonical(++lineNo, posting));
		}
		return lines;
	}

	private static JournalEntryView view(long id, EntryDraft draft, String period, Instant at, String by, String head,
			String hash) {
		var posted = new ArrayList<JournalEntryView.Line>();
		int lineNo = 0;
		for (var p : draft.lines()) {
			// As stored: the original amount with 4 places, the rate with 8.
			posted.add(new JournalEntryView.Line(++lineNo, p.account(), p.segment(), p.debitUsd(), p.creditUsd(),
					p.original() == null ? null : p.original().amount().setScale(4),
					p.original() == null ? null : p.original().currency(), p.rate() == null ? null : p.rate().setScale(8),
					p.rateDate(), p.dimensions()));
		}
		return new JournalEntryView(id, draft.accountingDate(), period, at, by, draft.sourceType(), draft.sourceId(),
				draft.description(), head, hash, List.copyOf(posted));
	}

	private static CanonicalForm.Line canonical(int lineNo, Posting p) {
		var d = p.dimensions();
		return new CanonicalForm.Line(lineNo, p.account().code(), p.segment().code(), p.debitUsd(), p.creditUsd(),
				p.original() == null ? null : p.original().amount(),
				p.original() == null ? null : p.original().currency(), p.rate(), p.rateDate(), d.donorId(),
				d.donorType(), d.agreementId(), d.fundingWindow(), d.earmark(), d.projectId(), d.activityId(),
				d.budgetCategory());
	}

	/** Binds a line's {@link #lineColumns} values from parameter {@code offset + 1} on. */
	private void bind(PreparedStatement statement, int offset, long entryId, LocalDate date, String sourceType,
			CanonicalForm.Line line) throws SQLException {
		statement.setLong(offset + 1, entryId);
		statement.setInt(offset + 2, line.lineNo());
		statement.setObject(offset + 3, date);
		statement.setString(offset + 4, line.account());
		statement.setString(offset + 5, line.segment());
		statement.setBigDecimal(offset + 6, line.debitUsd());
		statement.setBigDecimal(offset + 7, line.creditUsd());
		nullable(statement, offset + 8, line.originalAmount(), Types.DECIMAL);
		nullable(statement, offset + 9, line.currency(), Types.CHAR);
		nullable(statement, offset + 10, line.rate(), Types.DECIMAL);
		nullable(statement, offset + 11, line.rateDate(), Types.DATE);
		nullable(statement, offset + 12, line.donorId(), Types.BIGINT);
		nullable(statement, offset + 13, line.donorType(), Types.VARCHAR);
		nullable(statement, offset + 14, line.agreementId(), Types.BIGINT);
		nullable(statement, offset + 15, line.fundingWindow(), Types.VARCHAR);
		nullable(statement, offset + 16, line.earmark(), Types.VARCHAR);
		nullable(statement, offset + 17, line.projectId(), Types.BIGINT);
		nullable(statement, offset + 18, line.activityId(), Types.BIGINT);
		nullable(statement, offset + 19, line.budgetCategory(), Types.VARCHAR);
		if (lineColumns > 19) {
			statement.setString(offset + 20, sourceType);
		}
	}

	private static void nullable(PreparedStatement statement, int index, Object value, int type) throws SQLException {
		if (value == null) {
			statement.setNull(index, type);
		}
		else {
			statement.setObject(index, value, type);
		}
	}

}
