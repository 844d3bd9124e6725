package org.tafund.books;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.ApprovalView;
import org.tafund.approvals.Submitted;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Text;

/**
 * Manual journal entries: the reason is stored in {@code manual_entry}, and the entry is posted
 * with source type {@link SourceType#MANUAL} and that row's id, in one transaction.
 */
@Service
@Transactional
public class ManualEntries {

	private final Journal journal;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BooksMakerChecker makerChecker;

	ManualEntries(Journal journal, DataSource dataSource, Clock clock, BooksMakerChecker makerChecker) {
		this.journal = journal;
		this.makerChecker = makerChecker;
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
	}

	public JournalEntryView post(ManualEntryRequest request) {
		return post(request, false).booked();
	}

	/**
	 * A manual entry as a user asks for it: posted, or (checked as if posted) pending a second
	 * person's approval when an administrator has put manual entries of its size under maker-checker.
	 */
	public Submitted<JournalEntryView> submit(ManualEntryRequest request) {
		return post(request, true);
	}

	private Submitted<JournalEntryView> post(ManualEntryRequest request, boolean asked) {
		if (request.date() == null) {
			throw new BusinessRuleViolation("journal.date.required");
		}
		var reason = Text.bounded(request.reason(), 500, "reason");
		if (reason == null) {
			throw new BusinessRuleViolation("journal.reason.required");
		}
		var description = Text.bounded(request.description(), 500, "description");
		if (description == null) {
			throw new BusinessRuleViolation("journal.description.required");
		}
		var lines = (request.lines() == null ? java.util.List.<ManualEntryRequest.Line>of() : request.lines()).stream()
			.map(ManualEntryRequest.Line::toPosting)
			.toList();
		// Refused before a reason row is written; the journal checks all of it again.
		var draft = new EntryDraft(request.date(), SourceType.MANUAL, 0, description, lines);
		Journal.requireComplete(draft);
		journal.requireOpen(request.date(), "date");
		var held = asked ? makerChecker.holdIfRequired(ApprovalAction.MANUAL_ENTRY, "JOURNAL", null, description,
				org.tafund.shared.Summary.of("approval.summary.manualEntry", request.date(), description, reason,
						org.tafund.shared.Money.usd(draft.totalDebits().toPlainString())),
				draft.totalDebits(),
				String.join("|", request.date().toString(), description, draft.totalDebits().toPlainString()), request)
				: java.util.Optional.<ApprovalView>empty();
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		var key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO manual_entry (reason, entered_at, entered_by) VALUES (:reason, :at, :by)")
			.param("reason", reason)
			.param("at", LocalDateTime.ofInstant(CanonicalForm.stored(clock.instant()), ZoneOffset.UTC))
			.param("by", Actors.current())
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		return Submitted.bookedAs(journal.post(new EntryDraft(request.date(), SourceType.MANUAL, id, description, lines)));
	}

	/** The reason given for a manual entry. */
	@Transactional(readOnly = true)
	public String reason(long manualEntryId) {
		return jdbc.sql("SELECT reason FROM manual_entry WHERE id = :id")
			.param("id", manualEntryId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
