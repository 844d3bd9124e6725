package org.tafund.books;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;

/**
 * Posts entries to the journal. Posting joins the caller's transaction (it refuses to run
 * without one), so that an event is stored with its entry or not at all: when posting is refused,
 * the caller's transaction rolls back with it.
 *
 * <p>Posting locks the chain head row ({@code SELECT ... FOR UPDATE}) and holds it until the
 * caller commits: entries are chained, and get their ids, in commit order. Post last in a
 * transaction, after the event's own rows are locked and written, so that locks are always taken
 * in the same order.
 */
@Service
public class Journal {

	private final JdbcClient jdbc;

	private final ClosedPeriods closedPeriods;

	private final JournalQueries queries;

	private final Clock clock;

	Journal(DataSource dataSource, ClosedPeriods closedPeriods, JournalQueries queries, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.closedPeriods = closedPeriods;
		this.queries = queries;
		this.clock = clock;
	}

	/**
	 * Posts an entry, stamped with now and the signed-in user ({@code system} when none), chained
	 * to the previous one. Refused ({@link BusinessRuleViolation}, nothing stored) when it has no
	 * line ({@code journal.empty}), does not balance ({@code journal.unbalanced}), is dated in a
	 * closed period ({@link PeriodClosed}, {@code period.closed}) or its event has been posted
	 * already ({@code journal.alreadyPosted}).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public JournalEntryView post(EntryDraft draft) {
		requireComplete(draft);
		// Refuse the common case without waiting for the lock; then check again under it.
		closedPeriods.requireOpen(draft.accountingDate(), "accountingDate", false);

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

		var postedAt = CanonicalForm.stored(clock.instant());
		var postedBy = Actors.current();
		var period = draft.accountingDate().toString().substring(0, 7);
		var entry = new CanonicalForm.Entry(draft.accountingDate(), period, postedAt, postedBy,
				draft.sourceType().name(), draft.sourceId(), draft.description());
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
			.param("postedAt", LocalDateTime.ofInstant(postedAt, ZoneOffset.UTC))
			.param("postedBy", postedBy)
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
		var posted = new ArrayList<JournalEntryView.Line>();
		for (int i = 0; i < lines.size(); i++) {
			var p = draft.lines().get(i);
			// As stored: the original amount with 4 places, the rate with 8.
			posted.add(new JournalEntryView.Line(i + 1, p.account(), p.segment(), p.debitUsd(), p.creditUsd(),
					p.original() == null ? null : p.original().amount().setScale(4),
					p.original() == null ? null : p.original().currency(), p.rate() == null ? null : p.rate().setScale(8),
					p.rateDate(), p.dimensions()));
		}
		return new JournalEntryView(id, draft.accountingDate(), period, postedAt, postedBy, draft.sourceType(),
				draft.sourceId(), draft.description(), head, hash, List.copyOf(posted));
	}

	/**
	 * Posts the mirror of an earlier entry (debits become credits), dated and described anew, for
	 * the reversal of the event that entry recorded.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public JournalEntryView postReversal(SourceType originalType, long originalId, LocalDate accountingDate,
			SourceType sourceType, long sourceId, String description) {
		var original = queries.entryBySource(originalType, originalId)
			.orElseThrow(() -> new BusinessRuleViolation("journal.notPosted", originalType.name(), originalId));
		var lines = original.lines().stream().map(line -> line.toPosting().mirrored()).toList();
		return post(new EntryDraft(accountingDate, sourceType, sourceId, description, lines));
	}

	/** Refuses a date in a closed period ({@link PeriodClosed}), naming the form field it came from. */
	@Transactional(readOnly = true)
	public void requireOpen(LocalDate date, String field) {
		closedPeriods.requireOpen(date, field, false);
	}

	/** The date itself when its period is open, else the first open day after the closes that cover it. */
	@Transactional(readOnly = true)
	public LocalDate firstOpenDateOnOrAfter(LocalDate date) {
		return closedPeriods.firstOpenOnOrAfter(date);
	}

	/** Whether the date is in a closed period. */
	@Transactional(readOnly = true)
	public boolean isClosed(LocalDate date) {
		return closedPeriods.covering(date, false).isPresent();
	}

	/** Refuses an entry without lines ({@code journal.empty}) or that does not balance ({@code journal.unbalanced}). */
	static void requireComplete(EntryDraft draft) {
		if (draft.lines().isEmpty()) {
			throw new BusinessRuleViolation("journal.empty", draft.sourceType().name(), draft.sourceId());
		}
		if (!draft.balances()) {
			throw new BusinessRuleViolation("journal.unbalanced", Money.usd(draft.totalDebits().toPlainString()).display(),
					Money.usd(draft.totalCredits().toPlainString()).display());
		}
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
