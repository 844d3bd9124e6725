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
 * request and gets its response, or (if the first failed) does the work itself. A claim left
 * unfinished for longer than {@link #CLAIM_EXPIRY} (its server died mid-request) is taken over by
 * the next request with the key; each claim has a token, and the work commits only while the claim
 * is still its own, so a slow first request and the one that took over never both book.
 */
@Service
public class IdempotentRequests {

	static final long WAIT_MILLIS = 20_000;

	/** How long a claim may stay unfinished before a retry may take it over. */
	static final java.time.Duration CLAIM_EXPIRY = java.time.Duration.ofSeconds(60);

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
			var token = java.util.UUID.randomUUID().toString();
			if (claim(scope, key, hash, token) || takeOver(scope, key, hash, token)) {
				try {
					var done = newTransaction.execute(status -> {
						var response = work.get();
						if (!records.complete(scope, key, token, response)) {
							// Taken over meanwhile: this work is undone; the loop answers what the other stored.
							status.setRollbackOnly();
							return null;
						}
						return response;
					});
					if (done != null) {
						return done;
					}
					continue;
				}
				catch (RuntimeException e) {
					newTransaction.executeWithoutResult(status -> records.release(scope, key, token));
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

	/** How long a key is remembered: a replay later than that is a new request. */
	public static final java.time.Duration KEPT = java.time.Duration.ofDays(7);

	/** Forgets the keys older than {@link #KEPT} (a scheduled job's work); returns how many. */
	public int forgetExpired() {
		return records.forgetBefore(clock.instant().minus(KEPT));
	}

	private boolean claim(String scope, String key, String hash, String token) {
		try {
			newTransaction.executeWithoutResult(status -> records.claim(scope, key, hash, clock.instant(), username(), token));
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
		catch (DataIntegrityViolationException e) {
			return false;
		}
	}

	/** A claim of the same request left unfinished past the expiry: ours now, if no one was quicker. */
	private boolean takeOver(String scope, String key, String hash, String token) {
		var existing = records.find(scope, key);
		if (existing.isEmpty() || existing.get().status() != null || !existing.get().requestHash().equals(hash)) {
			return false;
		}
		var now = clock.instant();
		return Boolean.TRUE.equals(newTransaction
			.execute(status -> records.takeOver(scope, key, now.minus(CLAIM_EXPIRY), now, token)));
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
