package org.tafund.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Security's WebAuthn stores over our own tables ({@code passkey_user}, {@code passkey}):
 * its JDBC ones use 1,000-character keys that MySQL cannot index, and know nothing of
 * {@code app_user}. Binary ids are kept as lowercase hex, which no collation changes.
 */
@Component
class PasskeyStore implements PublicKeyCredentialUserEntityRepository, UserCredentialRepository {

	/** Longer credential ids exist in the standard (1,023 bytes) but not in authenticators seen. */
	static final int MAX_CREDENTIAL_ID_BYTES = 255;

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;

	private final Clock clock;

	PasskeyStore(DataSource dataSource, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
	}

	/** A passkey as its owner sees it listed. */
	record PasskeyView(long id, String label, Instant createdAt, Instant lastUsedAt) {
	}

	List<PasskeyView> list(long userId) {
		return jdbc.sql("SELECT id, label, created_at, last_used_at FROM passkey WHERE user_id = :user ORDER BY id")
			.param("user", userId)
			.query((rs, n) -> new PasskeyView(rs.getLong("id"), rs.getString("label"), instant(rs, "created_at"),
					instant(rs, "last_used_at")))
			.list();
	}

	int count(long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM passkey WHERE user_id = :user").param("user", userId).query(Integer.class).single();
	}

	/** Removes one of the user's passkeys; false when it is not theirs. */
	boolean remove(long userId, long passkeyId) {
		return jdbc.sql("DELETE FROM passkey WHERE id = :id AND user_id = :user")
			.param("id", passkeyId)
			.param("user", userId)
			.update() == 1;
	}

	void removeAll(long userId) {
		jdbc.sql("DELETE FROM passkey WHERE user_id = :user").param("user", userId).update();
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return jdbc.sql("SELECT u.username, u.full_name, h.handle FROM passkey_user h JOIN app_user u ON u.id = h.user_id "
				+ "WHERE h.handle = :handle")
			.param("handle", HEX.formatHex(id.getBytes()))
			.query((rs, n) -> entity(rs))
			.optional()
			.orElse(null);
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return jdbc.sql("SELECT u.username, u.full_name, h.handle FROM passkey_user h JOIN app_user u ON u.id = h.user_id "
				+ "WHERE u.username = :username")
			.param("username", username)
			.query((rs, n) -> entity(rs))
			.optional()
			.orElse(null);
	}

	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		jdbc.sql("INSERT INTO passkey_user (user_id, handle) SELECT id, :handle FROM app_user WHERE username = :username")
			.param("handle", HEX.formatHex(userEntity.getId().getBytes()))
			.param("username", userEntity.getName())
			.update();
	}

	@Override
	public void delete(Bytes id) {
		// Both interfaces name it delete(Bytes), and the ceremonies call neither: it removes a
		// credential; an account keeps its handle for as long as it exists.
		var hex = HEX.formatHex(id.getBytes());
		jdbc.sql("DELETE FROM passkey WHERE credential_id = :id").param("id", hex).update();
	}

	@Override
	public void save(CredentialRecord record) {
		if (record.getCredentialId().getBytes().length > MAX_CREDENTIAL_ID_BYTES) {
			throw new IllegalArgumentException("credential id longer than " + MAX_CREDENTIAL_ID_BYTES + " bytes");
		}
		var credentialId = HEX.formatHex(record.getCredentialId().getBytes());
		var updated = jdbc.sql("UPDATE passkey SET signature_count = :count, last_used_at = :used, backup_state = :backup "
				+ "WHERE credential_id = :id")
			.param("count", record.getSignatureCount())
			.param("used", record.getLastUsed() == null ? null : Timestamp.from(record.getLastUsed()))
			.param("backup", record.isBackupState())
			.param("id", credentialId)
			.update();
		if (updated > 0) {
			return;
		}
		var now = clock.instant();
		jdbc.sql("INSERT INTO passkey (user_id, credential_id, credential_type, public_key, signature_count, uv_initialized, "
				+ "backup_eligible, backup_state, transports, attestation_object, attestation_client_data, label, created_at) "
				+ "SELECT user_id, :id, :type, :key, :count, :uv, :eligible, :backup, :transports, :attestation, :clientData, "
				+ ":label, :created FROM passkey_user WHERE handle = :handle")
			.param("id", credentialId)
			.param("type", record.getCredentialType() == null ? PublicKeyCredentialType.PUBLIC_KEY.getValue()
					: record.getCredentialType().getValue())
			.param("key", record.getPublicKey().getBytes())
			.param("count", record.getSignatureCount())
			.param("uv", record.isUvInitialized())
			.param("eligible", record.isBackupEligible())
			.param("backup", record.isBackupState())
			.param("transports", record.getTransports() == null ? null
					: record.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(",")))
			.param("attestation", record.getAttestationObject() == null ? null : record.getAttestationObject().getBytes())
			.param("clientData", record.getAttestationClientDataJSON() == null ? null
					: record.getAttestationClientDataJSON().getBytes())
			.param("label", record.getLabel())
			.param("created", Timestamp.from(now))
			.param("handle", HEX.formatHex(record.getUserEntityUserId().getBytes()))
			.update();
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return jdbc.sql(RECORD + " WHERE p.credential_id = :id")
			.param("id", HEX.formatHex(credentialId.getBytes()))
			.query((rs, n) -> record(rs))
			.optional()
			.orElse(null);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return jdbc.sql(RECORD + " WHERE h.handle = :handle ORDER BY p.id")
			.param("handle", HEX.formatHex(userId.getBytes()))
			.query((rs, n) -> record(rs))
			.list();
	}

	private static final String RECORD = "SELECT p.*, h.handle FROM passkey p JOIN passkey_user h ON h.user_id = p.user_id";

	private static CredentialRecord record(ResultSet rs) throws SQLException {
		var transports = rs.getString("transports");
		Set<AuthenticatorTransport> parsed = transports == null || transports.isBlank() ? Set.of()
				: Arrays.stream(transports.split(",")).map(AuthenticatorTransport::valueOf).collect(Collectors.toSet());
		var attestation = rs.getBytes("attestation_object");
		var clientData = rs.getBytes("attestation_client_data");
		var lastUsed = instant(rs, "last_used_at");
		return ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
			.credentialId(new Bytes(HEX.parseHex(rs.getString("credential_id"))))
			.userEntityUserId(new Bytes(HEX.parseHex(rs.getString("handle"))))
			.publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
			.signatureCount(rs.getLong("signature_count"))
			.uvInitialized(rs.getBoolean("uv_initialized"))
			.backupEligible(rs.getBoolean("backup_eligible"))
			.backupState(rs.getBoolean("backup_state"))
			.transports(parsed)
			.attestationObject(attestation == null ? null : new Bytes(attestation))
			.attestationClientDataJSON(clientData == null ? null : new Bytes(clientData))
			.label(rs.getString("label"))
			.created(instant(rs, "created_at"))
			.lastUsed(lastUsed == null ? instant(rs, "created_at") : lastUsed)
			.build();
	}

	private static PublicKeyCredentialUserEntity entity(ResultSet rs) throws SQLException {
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.id(new Bytes(HEX.parseHex(rs.getString("handle"))))
			.name(rs.getString("username"))
			.displayName(rs.getString("full_name"))
			.build();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
