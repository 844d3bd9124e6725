package org.tafund.books;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
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
 * commit together.
 */
public final class JournalWriter {

	private final JdbcClient jdbc;

	private final ClosedPeriods closedPeriods;

	JournalWriter(DataSource dataSource, ClosedPeriods closedPeriods) {
		this.jdbc = JdbcClient.create(dataSource);
		this.closedPeriods = closedPeriods;
	}

	/** A writer on a data source (for callers outside the application context). */
	public static JournalWriter on(DataSource dataSource) {
		return new JournalWriter(dataSource, new ClosedPeriods(dataSource));
	}

	/**
	 * Posts an entry stamped {@code postedAt} (kept to the microsecond) by {@code postedBy}. The
	 * refusals are those of {@link Journal#post}.
	 */
	public JournalEntryView post(EntryDraft draft, Instant postedAt, String postedBy) {
		Objects.requireNonNull(postedAt, "postedAt");
		Journal.requireComplete(draft);
		var by = postedBy == null || postedBy.isBlank() ? Actors.SYSTEM : postedBy;
		var head = jdbc.sql("SELECT last_hash FROM journal_chain_head WHERE id = 1 FOR UPDATE")
			.query(String.class)
			.single();
		var existing = jdbc.sql("SELECT id FROM journal_entry WHERE source_type = :type AND source_id = :id FOR UPDATE")
			.param("type", draft.sourceType().name())
			.param("id", draft.sourceId())
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			throw new BusinessRuleViolation("journal.alreadyPosted", draft.sourceType().name(), draft.sourceId(),
					existing.get());
		}
		closedPeriods.requireOpen(draft.accountingDate(), "accountingDate", true);

		var at = CanonicalForm.stored(postedAt);
		var period = draft.accountingDate().toString().substring(0, 7);
		var entry = new CanonicalForm.Entry(draft.accountingDate(), period, at, by, draft.sourceType().name(),
				draft.sourceId(), draft.description());
		var lines = new ArrayList<CanonicalForm.Line>();
		int lineNo = 0;
		for (var posting : draft.lines()) {
			lines.add(canonical(++lineNo, posting));
		}
		var hash = CanonicalForm.hash(head, CanonicalForm.of(entry, lines));

		var key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO journal_entry (accounting_date, period, posted_at, posted_by, source_type, source_id, "
				+ "description, prev_hash, hash) VALUES (:date, :period, :postedAt, :postedBy, :type, :sourceId, "
				+ ":description, :prevHash, :hash)")
			.param("date", draft.accountingDate())
			.param("period", period)
			.param("postedAt", LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("postedBy", by)
			.param("type", draft.sourceType().name())
			.param("sourceId", draft.sourceId())
			.param("description", draft.description())
			.param("prevHash", head)
			.param("hash", hash)
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		for (var line : lines) {
			insert(id, draft.accountingDate(), line);
		}
		jdbc.sql("UPDATE journal_chain_head SET last_entry_id = :id, last_hash = :hash WHERE id = 1")
			.param("id", id)
			.param("hash", hash)
			.update();
		return view(id, draft, period, at, by, head, hash);
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

	private void insert(long entryId, LocalDate date, CanonicalForm.Line line) {
		jdbc.sql("INSERT INTO journal_line (entry_id, line_no, accounting_date, account_code, segment_code, debit_usd, "
				+ "credit_usd, original_amount, currency, rate, rate_date, donor_id, donor_type, agreement_id, "
				+ "funding_window, earmark, project_id, activity_id, budget_category) VALUES (:entryId, :lineNo, "
				+ ":date, :account, :segment, :debit, :credit, :original, :currency, :rate, :rateDate, :donorId, "
				+ ":donorType, :agreementId, :fundingWindow, :earmark, :projectId, :activityId, :budgetCategory)")
			.param("entryId", entryId)
			.param("lineNo", line.lineNo())
			.param("date", date)
			.param("account", line.account())
			.param("segment", line.segment())
			.param("debit", line.debitUsd())
			.param("credit", line.creditUsd())
			.param("original", line.originalAmount(), Types.DECIMAL)
			.param("currency", line.currency(), Types.CHAR)
			.param("rate", line.rate(), Types.DECIMAL)
			.param("rateDate", line.rateDate(), Types.DATE)
			.param("donorId", line.donorId(), Types.BIGINT)
			.param("donorType", line.donorType(), Types.VARCHAR)
			.param("agreementId", line.agreementId(), Types.BIGINT)
			.param("fundingWindow", line.fundingWindow(), Types.VARCHAR)
			.param("earmark", line.earmark(), Types.VARCHAR)
			.param("projectId", line.projectId(), Types.BIGINT)
			.param("activityId", line.activityId(), Types.BIGINT)
			.param("budgetCategory", line.budgetCategory(), Types.VARCHAR)
			.update();
	}

}
