package org.tafund.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tafund.shared.BusinessRuleViolation;

/**
 * Runs a creating request once per key. The key is claimed in its own committed transaction; the
 * work and the stored response then commit together, so a replay either waits for the first
 * request and gets its response, or (if the first failed) does the work itself.
 */
@Service
public class IdempotentRequests {

	static final long WAIT_MILLIS = 20_000;

	private final IdempotencyRecords records;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	IdempotentRequests(IdempotencyRecords records, PlatformTransactionManager transactions, Clock clock) {
		this.records = records;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Keys belong to the user who sent them and to the route: another user's request with the same
	 * key is a request of its own, never a replay of a response meant for someone else.
	 */
	public StoredResponse run(String routeScope, String key, String request, Supplier<StoredResponse> work) {
		if (key.isBlank() || key.length() > 200) {
			throw new BusinessRuleViolation("idempotency.key.invalid");
		}
		var scope = username() + "|" + routeScope;
		var hash = sha256(request);
		long deadline = clock.millis() + WAIT_MILLIS;
		while (true) {
			if (claim(scope, key, hash)) {
				try {
					return newTransaction.execute(status -> {
						var response = work.get();
						records.complete(scope, key, response);
						return response;
					});
				}
				catch (RuntimeException e) {
					newTransaction.executeWithoutResult(status -> records.release(scope, key));
					throw e;
				}
			}
			var existing = records.find(scope, key);
			if (existing.isPresent()) {
				if (!existing.get().requestHash().equals(hash)) {
					throw new BusinessRuleViolation("idempotency.key.reused");
				}
				if (existing.get().status() != null) {
					return new StoredResponse(existing.get().status(), existing.get().body());
				}
			}
			if (clock.millis() > deadline) {
				throw new BusinessRuleViolation("idempotency.key.busy");
			}
			sleep();
		}
	}

	private boolean claim(String scope, String key, String hash) {
		try {
			newTransaction.executeWithoutResult(status -> records.claim(scope, key, hash, clock.instant(), username()));
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
		catch (DataIntegrityViolationException e) {
			return false;
		}
	}

	private static String username() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
