package org.tafund.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys the application makes for itself on first use (32 random bytes each) and keeps in
 * {@code app_secret}, so that every instance uses the same: the API token hashes, the recovery code
 * hashes, the encryption of TOTP secrets.
 */
@Component
class AppSecrets {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, byte[]> known = new ConcurrentHashMap<>();

	AppSecrets(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = JdbcClient.create(dataSource);
		// Made and stored in a transaction of its own: kept even if the caller's rolls back.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The key of that name, made now if there is none yet. */
	byte[] key(String name) {
		return known.computeIfAbsent(name, n -> ownTransaction.execute(status -> loadOrMake(n))).clone();
	}

	private byte[] loadOrMake(String name) {
		var stored = stored(name);
		if (stored.isPresent()) {
			return stored.get();
		}
		var bytes = new byte[32];
		random.nextBytes(bytes);
		try {
			jdbc.sql("INSERT INTO app_secret (name, secret) VALUES (:name, :secret)")
				.param("name", name)
				.param("secret", Base64.getEncoder().encodeToString(bytes))
				.update();
			return bytes;
		}
		catch (DuplicateKeyException e) {
			// Another instance made it first: everyone uses that one.
			return stored(name).orElseThrow();
		}
	}

	private Optional<byte[]> stored(String name) {
		return jdbc.sql("SELECT secret FROM app_secret WHERE name = :name")
			.param("name", name)
			.query(String.class)
			.optional()
			.map(Base64.getDecoder()::decode);
	}

}
