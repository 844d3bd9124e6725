package org.tafund.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the sign-in log. Append-only: its own time and user are the record, so it does not
 * carry the created/updated columns of edited records.
 */
@Entity
@Table(name = "security_event")
class SecurityEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "event_type", nullable = false, length = 30)
	private SecurityEventType type;

	@Column(length = 60)
	private String username;

	@Column(name = "remote_address", length = 64)
	private String remoteAddress;

	@Column(length = 500)
	private String detail;

	protected SecurityEvent() {
	}

	SecurityEvent(Instant occurredAt, SecurityEventType type, String username, String remoteAddress, String detail) {
		this.occurredAt = occurredAt;
		this.type = type;
		this.username = truncate(username, 60);
		this.remoteAddress = truncate(remoteAddress, 64);
		this.detail = truncate(detail, 500);
	}

	SecurityEventView view() {
		return new SecurityEventView(id, occurredAt, type, username, remoteAddress, detail);
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
