package org.tafund.security;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.OptimisticLock;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.tafund.shared.AuditableEntity;

/**
 * A person who signs in to tafund. Role changes, disabling and password changes are audited;
 * the password hash itself and the failed-attempt counter are not.
 */
@Entity
@Table(name = "app_user")
@Audited
class AppUser extends AuditableEntity {

	static final int MAX_FAILED_ATTEMPTS = 5;

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false, length = 60)
	private String username;

	@Column(name = "full_name", nullable = false, length = 200)
	private String fullName;

	@Column(length = 254)
	private String email;

	@NotAudited
	@Column(name = "password_hash", nullable = false, length = 200)
	private String passwordHash;

	@Column(name = "password_changed_at")
	private Instant passwordChangedAt;

	@Column(name = "password_change_required", nullable = false)
	private boolean passwordChangeRequired;

	@Column(nullable = false)
	private boolean enabled;

	// Sign-in bookkeeping is not an edit of the user: it must not make an administrator's open form stale.
	@NotAudited
	@OptimisticLock(excluded = true)
	@Column(name = "failed_attempts", nullable = false)
	private int failedAttempts;

	@NotAudited
	@OptimisticLock(excluded = true)
	@Column(name = "locked_until")
	private Instant lockedUntil;

	@NotAudited
	@OptimisticLock(excluded = true)
	@Column(name = "last_login_at")
	private Instant lastLoginAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "role", length = 30)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected AppUser() {
	}

	AppUser(String username, String fullName, String email, String passwordHash, Set<Role> roles, Instant now) {
		this.username = username;
		this.fullName = fullName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
		this.enabled = true;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	void changeRoles(Set<Role> newRoles) {
		roles.clear();
		roles.addAll(newRoles);
	}

	void changeDetails(String fullName, String email) {
		this.fullName = fullName;
		this.email = email;
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
		this.passwordChangeRequired = false;
	}

	/** A temporary password an administrator set: its holder must choose their own at sign-in. */
	void resetPassword(String temporaryHash, Instant now) {
		this.passwordHash = temporaryHash;
		this.passwordChangedAt = now;
		this.passwordChangeRequired = true;
		unlock();
	}

	boolean isPasswordChangeRequired() {
		return passwordChangeRequired;
	}

	void disable() {
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

	void unlock() {
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	boolean isLockedAt(Instant now) {
		return locked(lockedUntil, now);
	}

	/** Locked until a later instant: the rule, for callers that read a user's row without the entity. */
	static boolean locked(Instant lockedUntil, Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getFullName() {
		return fullName;
	}

	String getEmail() {
		return email;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	Instant getPasswordChangedAt() {
		return passwordChangedAt;
	}

	boolean isEnabled() {
		return enabled;
	}

	int getFailedAttempts() {
		return failedAttempts;
	}

	Instant getLockedUntil() {
		return lockedUntil;
	}

	Instant getLastLoginAt() {
		return lastLoginAt;
	}

	Set<Role> getRoles() {
		return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	UserSummary summary(Instant now) {
		return new UserSummary(id, username, fullName, email, getRoles(), enabled, isLockedAt(now), lastLoginAt,
				getVersion());
	}

}
