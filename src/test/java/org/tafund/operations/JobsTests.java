package org.tafund.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Unique;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Scheduled jobs on two instances of one database: each firing runs once, and is kept and shown. */
@IntegrationTest
class JobsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	Clock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Jobs jobs;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ScheduledJobs scheduled;

	@Autowired
	MockMvc mvc;

	@Test
	void aJobFiredOnTwoInstancesAtOnceRunsOnce() throws Exception {
		var name = Unique.name("job");
		var a = new Jobs(dataSource, clock, new SimpleMeterRegistry(), "instance-a");
		var b = new Jobs(dataSource, clock, new SimpleMeterRegistry(), "instance-b");
		var runs = new AtomicInteger();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var onA = pool.submit(() -> {
				start.await();
				return a.run(name, Duration.ofMinutes(5), Duration.ofSeconds(30), () -> slowly(runs));
			});
			var onB = pool.submit(() -> {
				start.await();
				return b.run(name, Duration.ofMinutes(5), Duration.ofSeconds(30), () -> slowly(runs));
			});
			start.countDown();
			assertThat(onA.get(30, TimeUnit.SECONDS) ^ onB.get(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(runs).hasValue(1);
		assertThat(jdbc.queryForObject("select count(*) from job_run where job = ?", Integer.class, name)).isEqualTo(1);
		// Fired again within its lock's 30 s at least (another instance's early clock): skipped.
		assertThat(b.run(name, Duration.ofMinutes(5), Duration.ofSeconds(30), () -> slowly(runs))).isFalse();
		assertThat(runs).hasValue(1);
	}

	private static String slowly(AtomicInteger runs) {
		runs.incrementAndGet();
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return "ran";
	}

	@Test
	void aFailedRunIsKeptWithWhatWentWrongAndCountedInTheMetric() {
		var name = Unique.name("failing");
		assertThat(jobs.run(name, Duration.ofMinutes(1), Duration.ZERO, () -> {
			throw new IllegalStateException("no rates for March");
		})).isTrue();
		assertThat(jdbc.queryForMap("select outcome, detail from job_run where job = ?", name))
			.containsEntry("outcome", "FAILED")
			.containsEntry("detail", "IllegalStateException: no rates for March");
		assertThat(meters.timer("tafund.jobs", "job", name, "outcome", "FAILED").count()).isEqualTo(1);
	}

	@Test
	void theIdempotencyCleanUpForgetsKeysOlderThanAWeekAndTheOperationsPageShowsIt() throws Exception {
		var scope = Unique.name("cleanup-scope");
		var now = clock.instant();
		insertKey(scope, "old", now.minus(Duration.ofDays(8)));
		insertKey(scope, "recent", now.minus(Duration.ofDays(1)));
		// The job's lock is this test's: a run by an earlier test run within the minute must not skip it.
		release(jdbc, ScheduledJobs.IDEMPOTENCY_CLEANUP);
		assertThat(scheduled.runIdempotencyCleanup()).isTrue();
		assertThat(jdbc.queryForList("select idem_key from idempotency_record where scope = ?", String.class, scope))
			.containsExactly("recent");
		mvc.perform(get("/admin/operations").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Idempotency keys older than a week forgotten")))
			.andExpect(content().string(containsString("keys older than 7 days forgotten")));
		mvc.perform(get("/admin/operations").with(user("auditor").roles("AUDITOR"))).andExpect(status().isForbidden());
	}

	@Test
	void theSessionCleanUpRemovesExpiredSessionsWithTheirAttributesAndKeepsLiveOnes() {
		var expired = java.util.UUID.randomUUID().toString();
		var live = java.util.UUID.randomUUID().toString();
		var now = Instant.now().toEpochMilli();
		insertSession(expired, now - 60_000);
		insertSession(live, now + 1_800_000);
		release(jdbc, ScheduledJobs.SESSION_CLEANUP);
		assertThat(scheduled.runSessionCleanup()).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where PRIMARY_ID = ?", Integer.class, expired)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION_ATTRIBUTES where SESSION_PRIMARY_ID = ?",
				Integer.class, expired)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION_ATTRIBUTES where SESSION_PRIMARY_ID = ?",
				Integer.class, live)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select detail from job_run where job = ? order by id desc limit 1", String.class,
				ScheduledJobs.SESSION_CLEANUP)).matches("\\d+ expired sessions removed");
		jdbc.update("delete from SPRING_SESSION where PRIMARY_ID = ?", live);
	}

	@Test
	void theNotificationCleanUpForgetsWhatWasReadHalfAYearAgoAndKeepsTheRest() {
		var user = Unique.name("notified");
		var now = clock.instant();
		insertNotification(user, now.minus(Duration.ofDays(200)), now.minus(Duration.ofDays(181)));
		insertNotification(user, now.minus(Duration.ofDays(200)), now.minus(Duration.ofDays(179)));
		insertNotification(user, now.minus(Duration.ofDays(400)), null);
		release(jdbc, ScheduledJobs.NOTIFICATION_CLEANUP);
		assertThat(scheduled.runNotificationCleanup()).isTrue();
		assertThat(jdbc.queryForList("select read_at is null from notification where username = ? order by id", Boolean.class,
				user)).containsExactly(false, true);
		assertThat(jdbc.queryForObject("select detail from job_run where job = ? order by id desc limit 1", String.class,
				ScheduledJobs.NOTIFICATION_CLEANUP)).matches("\\d+ notifications read more than 180 days ago forgotten");
	}

	private void insertNotification(String user, Instant created, Instant read) {
		jdbc.update("insert into notification (username, kind, message_key, message_args, created_at, read_at) "
				+ "values (?, 'MONTH_END', 'notification.monthEnd.revaluation', '[\"d:2026-05-31\"]', ?, ?)", user,
				Timestamp.from(created), read == null ? null : Timestamp.from(read));
	}

	private void insertSession(String id, long expiresAt) {
		jdbc.update("insert into SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, "
				+ "EXPIRY_TIME, PRINCIPAL_NAME) values (?, ?, ?, ?, 1800, ?, 'someone')", id, id, expiresAt - 1_800_000,
				expiresAt - 1_800_000, expiresAt);
		jdbc.update("insert into SPRING_SESSION_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) values (?, 'a', ?)",
				id, new byte[] { 1, 2, 3 });
	}

	/**
	 * Ends a job's lock as if its time were up, so that this test's run is not skipped for an
	 * earlier run within the lock's minimum. (Deleting the row would not do: ShedLock remembers
	 * having created it and then only updates it.)
	 */
	static void release(JdbcTemplate jdbc, String job) {
		jdbc.update("update shedlock set lock_until = ? where name = ?", Timestamp.from(Instant.parse("2000-01-01T00:00:00Z")),
				job);
	}

	private void insertKey(String scope, String key, Instant at) {
		jdbc.update("insert into idempotency_record (scope, idem_key, request_hash, response_status, response_body, created_at, "
				+ "created_by) values (?, ?, 'hash', 201, '{}', ?, 'system')", scope, key, Timestamp.from(at));
	}

}
