package org.tafund.books;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;
import org.tafund.shared.AuditableEntity;

/**
 * The close of a month or a year, with the canonical JSON of its reports at close and their
 * SHA-256. Its one change in life is being reopened (by an administrator, with a reason); the
 * close and the reopening are audited (Envers), so that they show in the audit trail.
 */
@Entity
@Table(name = "period_close")
@Audited
class PeriodClose extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private PeriodKind kind;

	@Column(name = "period_start", nullable = false)
	private LocalDate periodStart;

	@Column(name = "period_end", nullable = false)
	private LocalDate periodEnd;

	@Column(name = "closed_at", nullable = false)
	private Instant closedAt;

	@Column(name = "closed_by", nullable = false, length = 60)
	private String closedBy;

	@Column(name = "reopened_at")
	private Instant reopenedAt;

	@Column(name = "reopened_by", length = 60)
	private String reopenedBy;

	@Column(name = "reopen_reason", length = 500)
	private String reopenReason;

	// LONGTEXT on MySQL and MariaDB (never JSON: MySQL would rewrite it), CHARACTER VARYING on H2.
	@Column(nullable = false, updatable = false, columnDefinition = "longtext")
	@NotAudited
	private String snapshot;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(nullable = false, updatable = false, length = 64)
	private String fingerprint;

	protected PeriodClose() {
	}

	PeriodClose(PeriodKind kind, LocalDate periodStart, LocalDate periodEnd, Instant closedAt, String closedBy,
			String snapshot, String fingerprint) {
		this.kind = kind;
		this.periodStart = periodStart;
		this.periodEnd = periodEnd;
		this.closedAt = closedAt;
		this.closedBy = closedBy;
		this.snapshot = snapshot;
		this.fingerprint = fingerprint;
	}

	boolean isReopened() {
		return reopenedAt != null;
	}

	void reopen(Instant at, String by, String reason) {
		this.reopenedAt = at;
		this.reopenedBy = by;
		this.reopenReason = reason;
	}

	Long getId() {
		return id;
	}

	PeriodKind getKind() {
		return kind;
	}

	LocalDate getPeriodStart() {
		return periodStart;
	}

	LocalDate getPeriodEnd() {
		return periodEnd;
	}

	PeriodCloseView view() {
		return new PeriodCloseView(id, kind, periodStart, periodEnd, closedAt, closedBy, reopenedAt, reopenedBy,
				reopenReason, fingerprint);
	}

}
