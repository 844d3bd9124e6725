package org.tafund.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.BusinessRuleViolation;

/**
 * A user's second factors: passkeys (kept by {@link PasskeyStore}, checked by {@link Passkeys}),
 * an authenticator app (TOTP, RFC 6238) and ten single-use recovery codes. Who must have one is
 * {@link SecondFactorPolicy}'s rule; anyone who has one is asked for it at every sign-in.
 */
@Service
@Transactional
class SecondFactors {

	static final int RECOVERY_CODES = 10;

	private final JdbcClient jdbc;

	private final AppUsers users;

	private final PasskeyStore passkeys;

	private final AppSecrets secrets;

	private final SecondFactorPolicy policy;

	private final SecurityEventLog eventLog;

	private final SessionTermination sessions;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SecondFactors(DataSource dataSource, AppUsers users, PasskeyStore passkeys, AppSecrets secrets,
			SecondFactorPolicy policy, SecurityEventLog eventLog, SessionTermination sessions, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.users = users;
		this.passkeys = passkeys;
		this.secrets = secrets;
		this.policy = policy;
		this.eventLog = eventLog;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** What a user has enrolled, as their security page shows it. */
	record Status(List<PasskeyStore.PasskeyView> passkeys, boolean totp, int recoveryCodesLeft, boolean required) {

		public boolean any() {
			return !passkeys.isEmpty() || totp;
		}

	}

	/** An administrator's reset, told to the user once at their next sign-in. */
	record ResetNotice(String by, Instant at) implements java.io.Serializable {

		static final String SESSION_ATTRIBUTE = ResetNotice.class.getName();

	}

	@Transactional(readOnly = true)
	Status status(String username) {
		var user = user(username);
		return new Status(passkeys.list(user.getId()), hasTotp(user.getId()), recoveryCodesLeft(user.getId()),
				policy.requiredByRole(user.getUsername(), user.getRoles()));
	}

	/** Whether signing in as this user takes a second factor: by their role, or because they enrolled one. */
	@Transactional(readOnly = true)
	boolean requiredAtSignIn(String username) {
		var user = users.findByUsername(username).orElse(null);
		if (user == null) {
			return false;
		}
		return policy.requiredByRole(user.getUsername(), user.getRoles()) || hasAny(user.getId());
	}

	@Transactional(readOnly = true)
	boolean hasAny(String username) {
		return users.findByUsername(username).map(user -> hasAny(user.getId())).orElse(false);
	}

	private boolean hasAny(long userId) {
		return passkeys.count(userId) > 0 || hasTotp(userId);
	}

	private boolean hasTotp(long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM totp_factor WHERE user_id = :user").param("user", userId)
			.query(Integer.class).single() > 0;
	}

	// ---- TOTP

	/** A new secret for an authenticator app: kept by the caller (the session) until confirmed. */
	byte[] newTotpSecret() {
		var secret = new byte[20];
		random.nextBytes(secret);
		return secret;
	}

	/** Keeps the secret once the app has shown it can make codes from it. */
	void enrolTotp(String username, byte[] secret, String code, String address) {
		var user = user(username);
		var step = Totp.matchingStep(secret, code, clock.instant(), Long.MIN_VALUE);
		if (step.isEmpty()) {
			throw new BusinessRuleViolation("secondFactor.totp.wrongCode");
		}
		jdbc.sql("DELETE FROM totp_factor WHERE user_id = :user").param("user", user.getId()).update();
		jdbc.sql("INSERT INTO totp_factor (user_id, secret, last_step, created_at) VALUES (:user, :secret, :step, :now)")
			.param("user", user.getId())
			.param("secret", encrypt(secret, user.getId()))
			.param("step", step.getAsLong())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		eventLog.record(SecurityEventType.SECOND_FACTOR_ADDED, username, address, "authenticator app");
	}

	/** Checks a code from the user's app; each code works once. */
	boolean verifyTotp(String username, String code) {
		var user = user(username);
		var row = jdbc.sql("SELECT secret, last_step FROM totp_factor WHERE user_id = :user FOR UPDATE")
			.param("user", user.getId())
			.query((rs, n) -> new Object[] { rs.getString("secret"), rs.getLong("last_step") })
			.optional();
		if (row.isEmpty()) {
			return false;
		}
		var secret = decrypt((String) row.get()[0], user.getId());
		var step = Totp.matchingStep(secret, code, clock.instant(), (Long) row.get()[1]);
		if (step.isEmpty()) {
			return false;
		}
		jdbc.sql("UPDATE totp_factor SET last_step = :step WHERE user_id = :user")
			.param("step", step.getAsLong())
			.param("user", user.getId())
			.update();
		return true;
	}

	void removeTotp(String username, String address) {
		var user = user(username);
		refuseRemovingTheLast(user, passkeys.count(user.getId()));
		if (jdbc.sql("DELETE FROM totp_factor WHERE user_id = :user").param("user", user.getId()).update() > 0) {
			eventLog.record(SecurityEventType.SECOND_FACTOR_REMOVED, username, address, "authenticator app");
		}
	}

	void removePasskey(String username, long passkeyId, String address) {
		var user = user(username);
		var own = passkeys.list(user.getId());
		if (own.stream().noneMatch(p -> p.id() == passkeyId)) {
			throw new BusinessRuleViolation("secondFactor.passkey.notYours");
		}
		refuseRemovingTheLast(user, own.size() - 1 + (hasTotp(user.getId()) ? 1 : 0));
		passkeys.remove(user.getId(), passkeyId);
		eventLog.record(SecurityEventType.SECOND_FACTOR_REMOVED, username, address, "passkey " + passkeyId);
	}

	/** Someone who must have a second factor keeps at least one: {@code left} counts the others. */
	private void refuseRemovingTheLast(AppUser user, int left) {
		if (left == 0 && policy.requiredByRole(user.getUsername(), user.getRoles())) {
			throw new BusinessRuleViolation("secondFactor.lastRequired");
		}
	}

	void passkeyAdded(String username, String label, String address) {
		eventLog.record(SecurityEventType.SECOND_FACTOR_ADDED, username, address, "passkey " + label);
	}

	// ---- Recovery codes

	/** Ten new codes, replacing any left; shown once to the user, only their keyed hashes kept. */
	List<String> newRecoveryCodes(String username, String address) {
		var user = user(username);
		jdbc.sql("DELETE FROM recovery_code WHERE user_id = :user").param("user", user.getId()).update();
		var codes = new ArrayList<String>();
		while (codes.size() < RECOVERY_CODES) {
			var bytes = new byte[7];
			random.nextBytes(bytes);
			var text = Totp.base32(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
			var code = text.substring(0, 5) + "-" + text.substring(5);
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		for (var code : codes) {
			jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (:user, :hash)")
				.param("user", user.getId())
				.param("hash", recoveryHash(code))
				.update();
		}
		eventLog.record(SecurityEventType.RECOVERY_CODES_MADE, username, address, null);
		return codes;
	}

	/** Uses one recovery code: true once, false ever after. */
	boolean useRecoveryCode(String username, String code, String address) {
		if (code == null || code.isBlank()) {
			return false;
		}
		var user = user(username);
		var used = jdbc.sql("UPDATE recovery_code SET used_at = :now WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", user.getId())
			.param("hash", recoveryHash(code))
			.update() == 1;
		if (used) {
			eventLog.record(SecurityEventType.RECOVERY_CODE_USED, username, address,
					recoveryCodesLeft(user.getId()) + " left");
		}
		return used;
	}

	private int recoveryCodesLeft(long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = :user AND used_at IS NULL")
			.param("user", userId)
			.query(Integer.class)
			.single();
	}

	private String recoveryHash(String code) {
		var normal = code.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secrets.key("recovery-code-hmac"), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(normal.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", e);
		}
	}

	// ---- An administrator's reset

	/** Removes every factor of another user, ends their sessions, and leaves them a notice. */
	void reset(long userId, String administrator, String address) {
		var user = users.findById(userId).orElseThrow(() -> new UserNotFound(userId));
		if (user.getUsername().equals(administrator)) {
			throw new ForbiddenReset();
		}
		passkeys.removeAll(userId);
		jdbc.sql("DELETE FROM totp_factor WHERE user_id = :user").param("user", userId).update();
		jdbc.sql("DELETE FROM recovery_code WHERE user_id = :user").param("user", userId).update();
		jdbc.sql("UPDATE app_user SET factors_reset_at = :now, factors_reset_by = :by WHERE id = :user")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", administrator)
			.param("user", userId)
			.update();
		eventLog.record(SecurityEventType.SECOND_FACTORS_RESET, user.getUsername(), address, "by " + administrator);
		sessions.endSessionsOf(user.getUsername());
	}

	/** The reset waiting to be told to this user, cleared as it is taken. */
	Optional<ResetNotice> takeResetNotice(String username) {
		var notice = jdbc.sql("SELECT factors_reset_by, factors_reset_at FROM app_user WHERE username = :username "
				+ "AND factors_reset_at IS NOT NULL")
			.param("username", username)
			.query((rs, n) -> new ResetNotice(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
		notice.ifPresent(n -> jdbc.sql("UPDATE app_user SET factors_reset_at = NULL, factors_reset_by = NULL "
				+ "WHERE username = :username").param("username", username).update());
		return notice;
	}

	static final class ForbiddenReset extends org.tafund.shared.ForbiddenAction {

		ForbiddenReset() {
			super("secondFactor.reset.own");
		}

	}

	// ---- The TOTP secret at rest: AES-GCM, the user's id bound in, key from app_secret.

	private String encrypt(byte[] secret, long userId) {
		try {
			var iv = new byte[12];
			random.nextBytes(iv);
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secrets.key("totp-aes"), "AES"), new GCMParameterSpec(128, iv));
			cipher.updateAAD(ByteBuffer.allocate(8).putLong(userId).array());
			var sealed = cipher.doFinal(secret);
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	private byte[] decrypt(String stored, long userId) {
		try {
			var bytes = Base64.getDecoder().decode(stored);
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secrets.key("totp-aes"), "AES"),
					new GCMParameterSpec(128, bytes, 0, 12));
			cipher.updateAAD(ByteBuffer.allocate(8).putLong(userId).array());
			return cipher.doFinal(bytes, 12, bytes.length - 12);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The stored TOTP secret of user " + userId + " cannot be read", e);
		}
	}

	private AppUser user(String username) {
		return users.findByUsername(username).orElseThrow(() -> new IllegalStateException("no user " + username));
	}

}
