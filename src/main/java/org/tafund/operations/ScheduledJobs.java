package org.tafund.operations;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
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

	private final Jobs jobs;

	private final IdempotentRequests idempotency;

	ScheduledJobs(Jobs jobs, IdempotentRequests idempotency) {
		this.jobs = jobs;
		this.idempotency = idempotency;
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

}
