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
		jdbc.sql("""
				insert into idempotency_record (scope, idem_key, request_hash, created_at, created_by)
				values (?, ?, ?, ?, ?)""").params(scope, key, hash, java.sql.Timestamp.from(now), user).update();
	}

	Optional<Row> find(String scope, String key) {
		return jdbc.sql("select request_hash, response_status, response_body from idempotency_record where scope = ? and idem_key = ?")
			.params(scope, key)
			.query((rs, n) -> new Row(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getString(3)))
			.optional();
	}

	void complete(String scope, String key, StoredResponse response) {
		jdbc.sql("update idempotency_record set response_status = ?, response_body = ? where scope = ? and idem_key = ?")
			.params(response.status(), response.body(), scope, key)
			.update();
	}

	void release(String scope, String key) {
		jdbc.sql("delete from idempotency_record where scope = ? and idem_key = ? and response_status is null")
			.params(scope, key)
			.update();
	}

}
