package org.tafund.books;

import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

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

	private final JournalWriter writer;

	private final ClosedPeriods closedPeriods;

	private final JournalQueries queries;

	private final Clock clock;

	Journal(DataSource dataSource, ClosedPeriods closedPeriods, JournalQueries queries, Clock clock) {
		this.writer = new JournalWriter(dataSource, closedPeriods);
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
		// The writer refuses a closed period under the chain head's lock (a read of the latest closes).
		return writer.post(draft, clock.instant(), Actors.current());
	}

	/**
	 * Posts the entry {@code draftFor} builds from what {@code account} holds for the agreement
	 * (debits less credits), read under the chain head's lock with the rest of the checks: one
	 * round trip fewer for an event whose entry depends on that balance (a receipt relieving the
	 * receivable). Refused as {@link #post(EntryDraft)}; the entry must be of the event and date given.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public JournalEntryView post(SourceType type, long sourceId, LocalDate date, long agreementId, Account account,
			java.util.function.Function<java.math.BigDecimal, EntryDraft> draftFor) {
		return writer.post(type, sourceId, date, agreementId, account, draftFor, clock.instant(), Actors.current());
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
		var lines = original.lines().stream().map(JournalEntryView.Line::toPosting).toList();
		return post(EntryDraft.mirroring(lines, accountingDate, sourceType, sourceId, description));
	}

	/** Refuses a date in a closed period ({@link PeriodClosed}), naming the form field it came from. */
	@Transactional(readOnly = true)
	public void requireOpen(LocalDate date, String field) {
		// A period is closed only once it has ended, so a date from today on is in none: no query (the
		// locking check when the entry is posted stays the authority).
		if (!date.isBefore(LocalDate.now(clock))) {
			return;
		}
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

}
