package org.tafund.books;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

	ManualEntries(Journal journal, DataSource dataSource, Clock clock) {
		this.journal = journal;
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
	}

	public JournalEntryView post(ManualEntryRequest request) {
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
		Journal.requireComplete(new EntryDraft(request.date(), SourceType.MANUAL, 0, description, lines));
		journal.requireOpen(request.date(), "date");
		var key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO manual_entry (reason, entered_at, entered_by) VALUES (:reason, :at, :by)")
			.param("reason", reason)
			.param("at", LocalDateTime.ofInstant(CanonicalForm.stored(clock.instant()), ZoneOffset.UTC))
			.param("by", Actors.current())
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		return journal.post(new EntryDraft(request.date(), SourceType.MANUAL, id, description, lines));
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
