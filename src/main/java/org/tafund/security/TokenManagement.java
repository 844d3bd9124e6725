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

	TokenManagement(ApiTokens tokens, AppUsers users, AppSecrets secrets, Clock clock,
			@Value("${tafund.tokens.key:}") String configuredKey) {
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

	/**
	 * The caller a secret stands for: its owner with their roles (and {@link #READ_ONLY} for a read
	 * token), while the token is neither revoked nor expired and the owner enabled and not locked.
	 */
	public Optional<Authentication> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		var token = tokens.findByTokenHash(hash(secret)).orElse(null);
		var now = clock.instant();
		if (token == null || !token.usableAt(now)) {
			return Optional.empty();
		}
		var user = users.findById(token.getUserId()).orElse(null);
		if (user == null || !user.isEnabled() || user.isLockedAt(now)) {
			return Optional.empty();
		}
		if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
			tokens.markUsed(token.getId(), now, now.minus(LAST_USE_PRECISION));
		}
		var authorities = new ArrayList<SimpleGrantedAuthority>();
		authorities.add(new SimpleGrantedAuthority(BY_TOKEN));
		user.getRoles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		if (token.getScope() == ApiToken.Scope.READ) {
			authorities.add(new SimpleGrantedAuthority(READ_ONLY));
		}
		return Optional.of(UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, authorities));
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
