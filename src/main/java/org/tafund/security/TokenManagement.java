package org.tafund.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.NotFound;
import org.tafund.shared.Text;

/**
 * Personal API tokens: made by their owner (shown once), listed without their secret, revoked by
 * their owner or an administrator, and checked on every {@code Authorization: Bearer} call by the
 * keyed hash of the secret (HMAC-SHA-256: microseconds, where a password costs a bcrypt round).
 * The key is {@code tafund.tokens.key} (base64, 32 bytes or more) or, without it, one the
 * application makes on first use and keeps in the database for every instance.
 */
@Service
@Transactional
public class TokenManagement {

	static final String PREFIX = "tfd_";

	/** The authority a read-only token adds; a write needs the other one. */
	static final String READ_ONLY = "TOKEN_READ_ONLY";

	/** The authority every token adds: the caller came with a token, not a password or a session. */
	static final String BY_TOKEN = "TOKEN";

	static final int DEFAULT_DAYS = 90;

	static final int MAX_DAYS = 366;

	/** A token's last use is written at most this often: a script's every call is not a write. */
	static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	private final ApiTokens tokens;

	private final AppUsers users;

	private final AppSecrets secrets;

	private final Clock clock;

	private final String configuredKey;

	private final SecureRandom random = new SecureRandom();

	private volatile SecretKeySpec key;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	TokenManagement(ApiTokens tokens, AppUsers users, AppSecrets secrets, Clock clock,
			@Value("${tafund.tokens.key:}") String configuredKey, javax.sql.DataSource dataSource) {
		this.jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
		this.tokens = tokens;
		this.users = users;
		this.secrets = secrets;
		this.clock = clock;
		this.configuredKey = configuredKey;
	}

	/** A new token and its secret, which is never shown again. */
	public record CreatedToken(ApiToken.TokenView token, String secret) implements java.io.Serializable {
	}

	public CreatedToken create(String username, String name, String scope, Integer days) {
		var user = users.findByUsername(username).orElseThrow(() -> new UserNotFound(username));
		var label = Text.bounded(name, 100, "name");
		if (label == null) {
			throw BusinessRuleViolation.ofField("name", "token.name.required");
		}
		ApiToken.Scope parsed;
		try {
			parsed = ApiToken.Scope.valueOf(scope == null ? "" : scope.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw BusinessRuleViolation.ofField("scope", "token.scope.unknown", String.valueOf(scope));
		}
		int lifetime = days == null ? DEFAULT_DAYS : days;
		if (lifetime < 1 || lifetime > MAX_DAYS) {
			throw BusinessRuleViolation.ofField("days", "token.days.range", MAX_DAYS);
		}
		var bytes = new byte[32];
		random.nextBytes(bytes);
		var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var token = tokens.saveAndFlush(new ApiToken(user.getId(), label, parsed, hash(secret), secret.substring(0, 8),
				clock.instant().plus(Duration.ofDays(lifetime))));
		return new CreatedToken(token.view(user.getUsername()), secret);
	}

	@Transactional(readOnly = true)
	public List<ApiToken.TokenView> mine(String username) {
		var user = users.findByUsername(username).orElseThrow(() -> new UserNotFound(username));
		return tokens.findByUserIdOrderByIdDesc(user.getId()).stream().map(t -> t.view(user.getUsername())).toList();
	}

	/** Every token, for administrators and auditors. */
	@Transactional(readOnly = true)
	public List<ApiToken.TokenView> all() {
		var views = new ArrayList<ApiToken.TokenView>();
		for (var token : tokens.findAllByOrderByIdDesc()) {
			var owner = users.findById(token.getUserId()).map(AppUser::getUsername).orElse("?");
			views.add(token.view(owner));
		}
		return views;
	}

	/** Revokes a token: its owner, or an administrator; anybody else is told it does not exist. */
	public ApiToken.TokenView revoke(long id, String actor, boolean administrator) {
		var token = tokens.findById(id).orElseThrow(() -> new TokenNotFound(id));
		var owner = users.findById(token.getUserId()).orElseThrow();
		if (!administrator && !owner.getUsername().equals(actor)) {
			throw new TokenNotFound(id);
		}
		token.revoke(actor, clock.instant());
		return tokens.saveAndFlush(token).view(owner.getUsername());
	}

	/** What authenticating a token needs of its row and its owner's, one row per role held. */
	private static final String CALLER = "SELECT t.id, t.scope, t.expires_at, t.revoked_at, t.last_used_at, u.username, "
			+ "u.enabled, u.locked_until, r.role FROM api_token t JOIN app_user u ON u.id = t.user_id "
			+ "LEFT JOIN app_user_role r ON r.user_id = u.id WHERE t.token_hash = :hash";

	private record Caller(long tokenId, ApiToken.Scope scope, Instant expiresAt, Instant revokedAt, Instant lastUsedAt,
			String username, boolean enabled, Instant lockedUntil, Role role) {
	}

	/**
	 * The caller a secret stands for: its owner with their roles (and {@link #READ_ONLY} for a read
	 * token), while the token is neither revoked nor expired and the owner enabled and not locked.
	 * Every API call asks this, so it is one indexed statement outside any transaction (a transaction
	 * costs three more round trips), and the last use is written at most once a minute, by a
	 * conditional update: calls arriving together with one token find it already recent and write nothing.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public Optional<Authentication> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		var rows = jdbc.sql(CALLER).param("hash", hash(secret)).query((rs, n) -> new Caller(rs.getLong("id"),
				ApiToken.Scope.valueOf(rs.getString("scope")), instant(rs, "expires_at"), instant(rs, "revoked_at"),
				instant(rs, "last_used_at"), rs.getString("username"), rs.getBoolean("enabled"),
				instant(rs, "locked_until"), rs.getString("role") == null ? null : Role.valueOf(rs.getString("role"))))
			.list();
		var now = clock.instant();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		var caller = rows.get(0);
		if (!ApiToken.usable(caller.revokedAt(), caller.expiresAt(), now) || !caller.enabled()
				|| AppUser.locked(caller.lockedUntil(), now)) {
			return Optional.empty();
		}
		if (caller.lastUsedAt() == null || caller.lastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
			jdbc.sql("UPDATE api_token SET last_used_at = :at WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :since)")
				.param("at", utc(now))
				.param("id", caller.tokenId())
				.param("since", utc(now.minus(LAST_USE_PRECISION)))
				.update();
		}
		var authorities = new ArrayList<SimpleGrantedAuthority>();
		authorities.add(new SimpleGrantedAuthority(BY_TOKEN));
		rows.stream()
			.map(Caller::role)
			.filter(java.util.Objects::nonNull)
			.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		if (caller.scope() == ApiToken.Scope.READ) {
			authorities.add(new SimpleGrantedAuthority(READ_ONLY));
		}
		return Optional.of(UsernamePasswordAuthenticationToken.authenticated(caller.username(), null, authorities));
	}

	// Instants are stored as UTC wall-clock times (hibernate.jdbc.time_zone=UTC).
	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		var value = rs.getObject(column, java.time.LocalDateTime.class);
		return value == null ? null : value.toInstant(java.time.ZoneOffset.UTC);
	}

	private static java.time.LocalDateTime utc(Instant instant) {
		return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
	}

	String hash(String secret) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", e);
		}
	}

	private SecretKeySpec key() {
		var current = key;
		if (current == null) {
			synchronized (this) {
				current = key;
				if (current == null) {
					key = current = new SecretKeySpec(keyBytes(), "HmacSHA256");
				}
			}
		}
		return current;
	}

	private byte[] keyBytes() {
		if (!configuredKey.isBlank()) {
			var bytes = Base64.getDecoder().decode(configuredKey.strip());
			if (bytes.length < 32) {
				throw new IllegalStateException("tafund.tokens.key must be at least 32 bytes, base64-encoded");
			}
			return bytes;
		}
		return secrets.key("api-token-hmac");
	}

	static final class TokenNotFound extends NotFound {

		TokenNotFound(long id) {
			super("No API token " + id + " of yours.");
		}

	}

}
