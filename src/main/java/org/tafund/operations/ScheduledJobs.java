package org.tafund.operations;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.tafund.idempotency.IdempotentRequests;

/**
 * The jobs and when they run (UTC). Every instance's scheduler fires them; {@link Jobs} lets one
 * instance run each firing.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledJobs {

	static final String IDEMPOTENCY_CLEANUP = "idempotency-cleanup";

	static final String SESSION_CLEANUP = "session-cleanup";

	private final Jobs jobs;

	private final IdempotentRequests idempotency;

	private final JdbcClient jdbc;

	ScheduledJobs(Jobs jobs, IdempotentRequests idempotency, DataSource dataSource) {
		this.jobs = jobs;
		this.idempotency = idempotency;
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** Daily: the Idempotency-Keys older than a week are forgotten. */
	@Scheduled(cron = "${tafund.jobs.idempotency-cleanup:0 15 2 * * *}", zone = "UTC")
	void idempotencyCleanup() {
		runIdempotencyCleanup();
	}

	boolean runIdempotencyCleanup() {
		return jobs.run(IDEMPOTENCY_CLEANUP, Duration.ofMinutes(30), Duration.ofMinutes(1),
				() -> idempotency.forgetExpired() + " keys older than " + IdempotentRequests.KEPT.toDays()
						+ " days forgotten");
	}

	/**
	 * Every ten minutes: browser sessions past their expiry are deleted (their attributes go with
	 * them). Spring Session's own timer, which would run on every instance, is off.
	 */
	@Scheduled(cron = "${tafund.jobs.session-cleanup:0 */10 * * * *}", zone = "UTC")
	void sessionCleanup() {
		runSessionCleanup();
	}

	boolean runSessionCleanup() {
		// Spring Session writes expiry times from the real clock, so they are compared with it.
		return jobs.run(SESSION_CLEANUP, Duration.ofMinutes(5), Duration.ofSeconds(30),
				() -> jdbc.sql("DELETE FROM SPRING_SESSION WHERE EXPIRY_TIME < ?")
					.param(Instant.now().toEpochMilli())
					.update() + " expired sessions removed");
	}

}
