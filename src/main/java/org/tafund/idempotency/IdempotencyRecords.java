package org.tafund.idempotency;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL: the claim row must be inserted and committed before the work starts. */
@Repository
class IdempotencyRecords {

	record Row(String requestHash, Integer status, String body) {
	}

	private final JdbcClient jdbc;

	IdempotencyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void claim(String scope, String key, String hash, Instant now, String user) {
		claim(scope, key, hash, now, user, null);
	}

	void claim(String scope, String key, String hash, Instant now, String user, String token) {
		jdbc.sql("""
				insert into idempotency_record (scope, idem_key, request_hash, created_at, created_by, claim_token, claimed_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(scope, key, hash, java.sql.Timestamp.from(now), user, token, java.sql.Timestamp.from(now))
			.update();
	}

	/** Takes over a claim left unfinished since before {@code expiredBefore}; true when it is now ours. */
	boolean takeOver(String scope, String key, Instant expiredBefore, Instant now, String token) {
		return jdbc.sql("""
				update idempotency_record set claim_token = ?, claimed_at = ?
				where scope = ? and idem_key = ? and response_status is null and coalesce(claimed_at, created_at) < ?""")
			.params(token, java.sql.Timestamp.from(now), scope, key, java.sql.Timestamp.from(expiredBefore))
			.update() == 1;
	}

	Optional<Row> find(String scope, String key) {
		return jdbc.sql("select request_hash, response_status, response_body from idempotency_record where scope = ? and idem_key = ?")
			.params(scope, key)
			.query((rs, n) -> new Row(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getString(3)))
			.optional();
	}

	/** Stores the response if the claim is still this token's; false when another took it over. */
	boolean complete(String scope, String key, String token, StoredResponse response) {
		return jdbc.sql("""
				update idempotency_record set response_status = ?, response_body = ?
				where scope = ? and idem_key = ? and claim_token = ? and response_status is null""")
			.params(response.status(), response.body(), scope, key, token)
			.update() == 1;
	}

	int forgetBefore(Instant cutoff) {
		return jdbc.sql("delete from idempotency_record where created_at < ?").params(java.sql.Timestamp.from(cutoff)).update();
	}

	void release(String scope, String key, String token) {
		jdbc.sql("delete from idempotency_record where scope = ? and idem_key = ? and claim_token = ? and response_status is null")
			.params(scope, key, token)
			.update();
	}

}
