package org.tafund.books;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A posted journal entry, read-only: Hibernate never writes it back ({@code @Immutable}), and
 * {@link AppendOnly} refuses an update or a removal. Entries are inserted by {@link Journal} only.
 */
@Entity
@Table(name = "journal_entry")
@Immutable
@EntityListeners(AppendOnly.class)
class JournalEntry {

	@Id
	private Long id;

	@Column(name = "accounting_date")
	private LocalDate accountingDate;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 7)
	private String period;

	@Column(name = "posted_at")
	private Instant postedAt;

	@Column(name = "posted_by")
	private String postedBy;

	@Enumerated(EnumType.STRING)
	@Column(name = "source_type")
	private SourceType sourceType;

	@Column(name = "source_id")
	private long sourceId;

	private String description;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(name = "prev_hash", length = 64)
	private String prevHash;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 64)
	private String hash;

	@OneToMany(mappedBy = "entry", fetch = FetchType.LAZY)
	@OrderBy("lineNo")
	@Immutable
	private List<JournalLine> lines = new ArrayList<>();

	protected JournalEntry() {
	}

	Long getId() {
		return id;
	}

	JournalEntryView view() {
		return new JournalEntryView(id, accountingDate, period, postedAt, postedBy, sourceType, sourceId, description,
				prevHash, hash, lines.stream().map(JournalLine::view).toList());
	}

}
