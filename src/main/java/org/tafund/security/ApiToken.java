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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;
import org.tafund.shared.AuditableEntity;

/**
 * A personal API token: its owner, name, scope and expiry, the keyed hash of the secret (never the
 * secret), when it was last used, and its revocation. Created and revoked in the audit trail.
 */
@Entity
@Table(name = "api_token")
@Audited
class ApiToken extends AuditableEntity {

	/** What a token may do: read (GET) only, or read and write. */
	enum Scope {

		READ, WRITE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id", nullable = false, updatable = false)
	private Long userId;

	@Column(nullable = false, length = 100, updatable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10, updatable = false)
	private Scope scope;

	@NotAudited
	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(name = "token_hash", nullable = false, length = 64, updatable = false)
	private String tokenHash;

	@Column(nullable = false, length = 12, updatable = false)
	private String hint;

	@Column(name = "expires_at", nullable = false, updatable = false)
	private Instant expiresAt;

	@NotAudited
	// Written only by TokenManagement's conditional update: an entity saved for another reason (a
	// revocation) must not put back the last use it loaded.
	@Column(name = "last_used_at", insertable = false, updatable = false)
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "revoked_by", length = 60)
	private String revokedBy;

	protected ApiToken() {
	}

	ApiToken(long userId, String name, Scope scope, String tokenHash, String hint, Instant expiresAt) {
		this.userId = userId;
		this.name = name;
		this.scope = scope;
		this.tokenHash = tokenHash;
		this.hint = hint;
		this.expiresAt = expiresAt;
	}

	boolean usableAt(Instant now) {
		return usable(revokedAt, expiresAt, now);
	}

	/** Neither revoked nor expired: the rule, for callers that read a token's row without the entity. */
	static boolean usable(Instant revokedAt, Instant expiresAt, Instant now) {
		return revokedAt == null && now.isBefore(expiresAt);
	}

	void revoke(String by, Instant at) {
		if (revokedAt == null) {
			revokedAt = at;
			revokedBy = by;
		}
	}

	Long getId() {
		return id;
	}

	Long getUserId() {
		return userId;
	}

	Scope getScope() {
		return scope;
	}

	Instant getLastUsedAt() {
		return lastUsedAt;
	}

	TokenView view(String username) {
		return new TokenView(id, username, name, scope.name(), hint, getCreatedAt(), expiresAt, lastUsedAt, revokedAt,
				revokedBy);
	}

	/** A token as its owner and administrators see it: never its secret. */
	record TokenView(long id, String username, String name, String scope, String hint, Instant createdAt,
			Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy) implements java.io.Serializable {

		public boolean active(Instant now) {
			return revokedAt == null && now.isBefore(expiresAt);
		}

	}

}
