package org.tafund.banking;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.banking.Matching.Status;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.Deadlines;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.donors.DonorManagement;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConcurrentEdit;
import org.tafund.shared.Constraints;

/**
 * Bank accounts, their imported statements, and the reconciliation of each credit with what donors
 * owe. Entries are stored as matched, suggested or unmatched; a receipt is booked only when finance
 * confirms (or assigns) an entry, through the same path as a receipt typed on the agreement page,
 * maker-checker included.
 */
@Service
class BankStatements {

	private final JdbcClient jdbc;

	private final Deadlines deadlines;

	private final DonorManagement donors;

	private final ContributionManagement contributions;

	private final Clock clock;

	private final org.springframework.jdbc.core.JdbcTemplate batch;

	BankStatements(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Deadlines deadlines,
			DonorManagement donors, ContributionManagement contributions, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.deadlines = deadlines;
		this.donors = donors;
		this.contributions = contributions;
		this.clock = clock;
	}

	record AccountView(long id, String name, String number, String currency, BigDecimal tolerance, CsvLayout layout) {
	}

	record StatementSummary(long id, long accountId, String accountName, String statementRef, String format,
			LocalDate from, LocalDate to, String importedBy, Instant importedAt, long entries, long open) {
	}

	record EntryView(long id, String reference, LocalDate bookedOn, BigDecimal amount, String currency, String debtor,
			String remittance, Status status, Long agreementId, String agreementReference, int score, String reason,
			String detail, Long receiptId, Long approvalId, String decidedBy, long version) {
	}

	record StatementView(StatementSummary statement, Map<Status, Long> counts, List<EntryView> entries) {

		public List<EntryView> of(Status status) {
			return entries.stream().filter(e -> e.status() == status).toList();
		}

		public long count(Status status) {
			return counts.getOrDefault(status, 0L);
		}

	}

	/** What an import did: the statement, the credits stored, those already known from another statement, debits passed over. */
	record Imported(long statementId, int credits, int alreadyKnown, int passedOver) implements java.io.Serializable {
	}

	@Transactional(readOnly = true)
	List<AccountView> accounts() {
		return jdbc.sql("SELECT id, name, account_number, currency, charge_tolerance, csv_layout FROM bank_account ORDER BY name")
			.query((rs, n) -> new AccountView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), CsvLayout.of(rs.getString(6))))
			.list();
	}

	/** The CSV layout of the account's statements (a bank that sends CSV rather than camt.053). */
	@Transactional
	void saveLayout(Long accountId, CsvLayout layout, String by) {
		if (accountId == null || jdbc.sql("UPDATE bank_account SET csv_layout = ?, updated_at = ?, updated_by = ?, "
				+ "version = version + 1 WHERE id = ?")
			.params(layout.stored(), Timestamp.from(clock.instant()), by, accountId)
			.update() != 1) {
			throw BusinessRuleViolation.ofField("accountId", "bank.statement.account.required");
		}
	}

	@Transactional
	AccountView addAccount(String name, String number, String currency, BigDecimal tolerance, String by) {
		var cleanName = name == null ? "" : name.strip();
		var cleanNumber = number == null ? "" : number.replace(" ", "").toUpperCase(Locale.ROOT);
		var cleanCurrency = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
		if (cleanName.isEmpty() || cleanName.length() > 200) {
			throw BusinessRuleViolation.ofField("name", "bank.account.name.required");
		}
		if (cleanNumber.isEmpty() || cleanNumber.length() > 60) {
			throw BusinessRuleViolation.ofField("number", "bank.account.number.required");
		}
		if (!cleanCurrency.matches("[A-Z]{3}")) {
			throw BusinessRuleViolation.ofField("currency", "bank.account.currency");
		}
		var charge = tolerance == null ? BigDecimal.ZERO : tolerance;
		if (charge.signum() < 0) {
			throw BusinessRuleViolation.ofField("tolerance", "bank.account.tolerance.negative");
		}
		var now = Timestamp.from(clock.instant());
		try {
			jdbc.sql("""
					INSERT INTO bank_account (name, account_number, currency, charge_tolerance, created_at, created_by,
					                          updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(cleanName, cleanNumber, cleanCurrency, charge, now, by, now, by)
				.update();
		}
		catch (DataIntegrityViolationException e) {
			if (Constraints.violated(e, "uk_bank_account_number")) {
				throw BusinessRuleViolation.ofField("number", "bank.account.exists", cleanNumber);
			}
			throw e;
		}
		return accounts().stream().filter(a -> a.number().equals(cleanNumber)).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	List<StatementSummary> statements() {
		return jdbc.sql(SUMMARY + " GROUP BY s.id, s.account_id, a.name, s.statement_ref, s.format, s.from_date, s.to_date,"
				+ " s.imported_by, s.imported_at ORDER BY s.imported_at DESC, s.id DESC LIMIT 50")
			.query((rs, n) -> summary(rs))
			.list();
	}

	private static final String SUMMARY = """
			SELECT s.id, s.account_id, a.name, s.statement_ref, s.format, s.from_date, s.to_date, s.imported_by,
			       s.imported_at, COUNT(e.id), SUM(CASE WHEN e.status IN ('MATCHED', 'SUGGESTED', 'UNMATCHED') THEN 1 ELSE 0 END)
			FROM bank_statement s JOIN bank_account a ON a.id = s.account_id
			LEFT JOIN bank_entry e ON e.statement_id = s.id""";

	private static StatementSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new StatementSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
				rs.getTimestamp(9).toInstant(), rs.getLong(10), rs.getLong(11));
	}

	/**
	 * Reads a camt.053 file into the account's statements and matches each booked credit. A statement
	 * the account already has is refused whole; an entry another statement already brought (the
	 * bank's reference again) is passed over, so nothing is ever booked twice.
	 */
	@Transactional
	Imported importStatement(Long accountId, InputStream file, String by) {
		if (accountId == null) {
			throw BusinessRuleViolation.ofField("accountId", "bank.statement.account.required");
		}
		var account = accounts().stream()
			.filter(a -> a.id() == accountId)
			.findFirst()
			.orElseThrow(() -> BusinessRuleViolation.ofField("accountId", "bank.statement.account.required"));
		var statement = read(file, account);
		if (statement.account() != null && !statement.account().replace(" ", "").equalsIgnoreCase(account.number())) {
			throw BusinessRuleViolation.ofField("accountId", "bank.statement.otherAccount", statement.account(),
					account.number());
		}
		var earlier = jdbc.sql("SELECT imported_by, imported_at FROM bank_statement WHERE account_id = ? AND statement_ref = ?")
			.params(accountId, statement.statementRef())
			.query((rs, n) -> rs.getString(1) + ", " + rs.getTimestamp(2).toInstant())
			.optional();
		if (earlier.isPresent()) {
			throw new BusinessRuleViolation("bank.statement.alreadyImported", statement.statementRef(), earlier.get());
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO bank_statement (account_id, statement_ref, message_ref, format, from_date, to_date,
				                            imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(accountId, statement.statementRef(), statement.messageRef(), statement.format(), statement.from(),
					statement.to(), by, Timestamp.from(clock.instant()))
			.update(keys);
		long statementId = keys.getKey().longValue();

		var known = new HashSet<>(jdbc.sql("SELECT entry_ref FROM bank_entry WHERE account_id = ?")
			.param(accountId)
			.query(String.class)
			.list());
		var matching = new Matching(expected(), account.tolerance());
		var rows = new ArrayList<Object[]>();
		int alreadyKnown = 0;
		int passedOver = 0;
		for (var entry : statement.entries()) {
			if (!entry.credit() || !entry.booked()) {
				passedOver++;
				continue;
			}
			if (!known.add(entry.reference())) {
				alreadyKnown++;
				continue;
			}
			var result = matching.match(entry.bookedOn(), entry.amount(), entry.currency(), entry.debtor(),
					entry.remittance());
			rows.add(new Object[] { statementId, accountId, entry.reference(), entry.bookedOn(), entry.amount(),
					entry.currency(), truncate(entry.debtor(), 200), truncate(entry.remittance(), 500),
					result.status().name(), result.agreementId(), result.score(),
					truncate(result.reason() + (result.detail() == null ? "" : "|" + result.detail()), 300) });
		}
		// One batch for the statement's entries: a month of a busy account is thousands of rows.
		batch.batchUpdate("""
				INSERT INTO bank_entry (statement_id, account_id, entry_ref, booked_on, amount, currency, debtor, remittance,
				                        status, agreement_id, score, reason, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
		return new Imported(statementId, rows.size(), alreadyKnown, passedOver);
	}

	/** How many entries of a group a page shows at once. */
	static final int PAGE = 100;

	// A receipt held for approval and then rejected (or withdrawn) leaves its entry open again; an
	// approved one has booked it.
	private static final String EFFECTIVE_STATUS = """
			CASE WHEN e.status = 'PENDING' AND r.status IN ('REJECTED', 'WITHDRAWN') THEN 'UNMATCHED'
			     WHEN e.status = 'PENDING' AND r.status = 'APPROVED' THEN 'BOOKED' ELSE e.status END""";

	/** Every entry of the statement (for the services and tests; pages use {@link #statement(long, Status, int)}). */
	@Transactional(readOnly = true)
	StatementView statement(long id) {
		return new StatementView(summary(id), counts(id), entries(id, null, 0, Integer.MAX_VALUE));
	}

	/** The statement with the first {@link #PAGE} entries of each group, and page {@code page} of {@code group}. */
	@Transactional(readOnly = true)
	StatementView statement(long id, Status group, int page) {
		var summary = summary(id);
		var entries = new ArrayList<EntryView>();
		for (var status : Status.values()) {
			int offset = status == group ? Math.max(0, page) * PAGE : 0;
			entries.addAll(entries(id, status, offset, PAGE));
		}
		return new StatementView(summary, counts(id), entries);
	}

	private StatementSummary summary(long id) {
		return jdbc.sql(SUMMARY + " WHERE s.id = ? GROUP BY s.id, s.account_id, a.name, s.statement_ref, s.format,"
				+ " s.from_date, s.to_date, s.imported_by, s.imported_at")
			.param(id)
			.query((rs, n) -> summary(rs))
			.optional()
			.orElseThrow(() -> new StatementNotFound(id));
	}

	private Map<Status, Long> counts(long id) {
		var counts = new java.util.EnumMap<Status, Long>(Status.class);
		for (var status : Status.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("SELECT " + EFFECTIVE_STATUS + ", COUNT(*) FROM bank_entry e LEFT JOIN approval_request r ON r.id = e.approval_id"
				+ " WHERE e.statement_id = ? GROUP BY " + EFFECTIVE_STATUS)
			.param(id)
			.query(rs -> {
				counts.put(Status.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	private List<EntryView> entries(long statementId, Status status, int offset, int limit) {
		return entries(statementId, status, null, offset, limit);
	}

	// The filters are written into the statement only when given: H2 cannot type a bare "? IS NULL".
	private List<EntryView> entries(long statementId, Status status, Long entryId, int offset, int limit) {
		var params = new ArrayList<Object>(List.of(statementId));
		var where = new StringBuilder("e.statement_id = ?");
		if (status != null) {
			where.append(" AND ").append(EFFECTIVE_STATUS).append(" = ?");
			params.add(status.name());
		}
		if (entryId != null) {
			where.append(" AND e.id = ?");
			params.add(entryId);
		}
		params.add(limit);
		params.add(offset);
		return jdbc.sql("""
				SELECT e.id, e.entry_ref, e.booked_on, e.amount, e.currency, e.debtor, e.remittance, %s, e.agreement_id,
				       g.reference, e.score, e.reason, e.receipt_id, e.approval_id, e.decided_by, e.version, r.status
				FROM bank_entry e LEFT JOIN agreement g ON g.id = e.agreement_id
				LEFT JOIN approval_request r ON r.id = e.approval_id
				WHERE %s
				ORDER BY e.booked_on, e.id LIMIT ? OFFSET ?""".formatted(EFFECTIVE_STATUS, where))
			.params(params)
			.query((rs, n) -> {
				var reason = rs.getString(12) == null ? "" : rs.getString(12);
				int bar = reason.indexOf('|');
				var approval = rs.getString(17);
				var effective = Status.valueOf(rs.getString(8));
				if (effective == Status.UNMATCHED && approval != null) {
					reason = "bank.reason.approvalRefused";
					bar = -1;
				}
				return new EntryView(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
						rs.getString(5), rs.getString(6), rs.getString(7), effective,
						(Long) rs.getObject(9, Long.class), rs.getString(10), rs.getInt(11),
						bar < 0 ? reason : reason.substring(0, bar), bar < 0 ? null : reason.substring(bar + 1),
						(Long) rs.getObject(13, Long.class), (Long) rs.getObject(14, Long.class), rs.getString(15),
						rs.getLong(16));
			})
			.list();
	}

	/** Books every matched entry of the statement: all of them, or (one refused) none. */
	@Transactional
	int confirmMatches(long statementId, String by) {
		summary(statementId);
		var matched = entries(statementId, Status.MATCHED, 0, Integer.MAX_VALUE);
		for (var entry : matched) {
			book(entry, entry.agreementId(), by);
		}
		return matched.size();
	}

	/** Books one matched or suggested entry to the agreement it was matched to. */
	@Transactional
	void confirm(long entryId, long version, String by) {
		var entry = entry(entryId, version);
		if (entry.agreementId() == null || !(entry.status() == Status.MATCHED || entry.status() == Status.SUGGESTED)) {
			throw new BusinessRuleViolation("bank.entry.notOpen", entry.reference());
		}
		book(entry, entry.agreementId(), by);
	}

	/** Books an entry to the agreement finance names (an unmatched one, or a suggestion that was wrong). */
	@Transactional
	void assign(long entryId, long version, String agreementReference, String by) {
		var entry = entry(entryId, version);
		if (entry.status() == Status.BOOKED || entry.status() == Status.PENDING) {
			throw new BusinessRuleViolation("bank.entry.notOpen", entry.reference());
		}
		var reference = agreementReference == null ? "" : agreementReference.strip();
		var agreement = jdbc.sql("SELECT id FROM agreement WHERE reference = ?")
			.param(reference)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> BusinessRuleViolation.ofField("agreementReference", "bank.entry.agreement.unknown", reference));
		book(entry, agreement, by);
	}

	private EntryView entry(long entryId, long version) {
		var statementId = jdbc.sql("SELECT statement_id FROM bank_entry WHERE id = ?")
			.param(entryId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new BusinessRuleViolation("bank.entry.unknown", entryId));
		var entry = entries(statementId, null, entryId, 0, 1).get(0);
		if (entry.version() != version) {
			throw new ConcurrentEdit("bank entry", entry.reference());
		}
		return entry;
	}

	/**
	 * The receipt of an entry, as the agreement page would record it; the entry's version moves so
	 * that a second confirmation of the same entry (another tab, another officer) is a conflict.
	 */
	private void book(EntryView entry, long agreementId, String by) {
		var updated = jdbc.sql("""
				UPDATE bank_entry SET version = version + 1 WHERE id = ? AND version = ?
				AND (status IN ('MATCHED', 'SUGGESTED', 'UNMATCHED') OR (status = 'PENDING'
				     AND approval_id IN (SELECT id FROM approval_request WHERE status IN ('REJECTED', 'WITHDRAWN'))))""")
			.params(entry.id(), entry.version())
			.update();
		if (updated != 1) {
			throw new ConcurrentEdit("bank entry", entry.reference());
		}
		var submitted = contributions.submitReceipt(agreementId, new ReceiptCommand(entry.bookedOn(), entry.amount(),
				entry.currency(), truncate(entry.reference(), 100), truncate("Bank statement entry " + entry.reference(), 500),
				false));
		jdbc.sql("""
				UPDATE bank_entry SET status = ?, agreement_id = ?, receipt_id = ?, approval_id = ?, decided_by = ?,
				       decided_at = ? WHERE id = ?""")
			.params(submitted.isPending() ? Status.PENDING.name() : Status.BOOKED.name(), agreementId,
					submitted.isPending() ? null : submitted.booked().id(),
					submitted.isPending() ? submitted.pending().id() : null, by, Timestamp.from(clock.instant()), entry.id())
			.update();
	}

	static class StatementNotFound extends org.tafund.shared.NotFound {

		StatementNotFound(long id) {
			super("No bank statement " + id);
		}

	}

	/** camt.053 when the file is XML; otherwise CSV in the account's layout. */
	private static Camt053.Statement read(InputStream file, AccountView account) {
		byte[] bytes;
		try {
			bytes = file.readAllBytes();
		}
		catch (java.io.IOException e) {
			throw new BusinessRuleViolation("bank.statement.unreadable", 0);
		}
		int start = CsvLayout.bomLength(bytes);
		while (start < bytes.length && Character.isWhitespace(bytes[start])) {
			start++;
		}
		if (start < bytes.length && bytes[start] == '<') {
			return Camt053.read(new java.io.ByteArrayInputStream(bytes));
		}
		if (account.layout() == null) {
			throw new BusinessRuleViolation("bank.csv.noLayout", account.name());
		}
		return account.layout().read(bytes, account.currency());
	}

	private List<Matching.Expected> expected() {
		var lines = deadlines.expectedInstalments();
		Map<Long, String> names = donors.names(lines.stream().map(Deadlines.ExpectedInstalment::donorId).distinct().toList());
		return lines.stream()
			.map(line -> new Matching.Expected(line.agreementId(), line.reference(), names.get(line.donorId()),
					line.currency(), line.dueOn(), line.outstanding()))
			.toList();
	}

	private static String truncate(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

}
