package org.tafund.operations;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.tafund.idempotency.IdempotentRequests;
import org.tafund.notifications.Notifications;

/**
 * The jobs and when they run (UTC). Every instance's scheduler fires them; {@link Jobs} lets one
 * instance run each firing.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledJobs {

	static final String IDEMPOTENCY_CLEANUP = "idempotency-cleanup";

	static final String SESSION_CLEANUP = "session-cleanup";

	static final String OVERDUE_REMINDERS = "overdue-reminders";

	static final String REPORT_DUE_REMINDERS = "report-due-reminders";

	static final String MONTH_END_REMINDERS = "month-end-reminders";

	static final String NOTIFICATION_CLEANUP = "notification-cleanup";

	private final Jobs jobs;

	private final IdempotentRequests idempotency;

	private final JdbcClient jdbc;

	private final Reminders reminders;

	private final Notifications notifications;

	ScheduledJobs(Jobs jobs, IdempotentRequests idempotency, DataSource dataSource, Reminders reminders,
			Notifications notifications) {
		this.jobs = jobs;
		this.idempotency = idempotency;
		this.jdbc = JdbcClient.create(dataSource);
		this.reminders = reminders;
		this.notifications = notifications;
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

	/** Daily: donor relations are told of the instalments past due, donor by donor. */
	@Scheduled(cron = "${tafund.jobs.overdue-reminders:0 0 6 * * *}", zone = "UTC")
	void overdueReminders() {
		runOverdueReminders();
	}

	boolean runOverdueReminders() {
		return jobs.run(OVERDUE_REMINDERS, Duration.ofMinutes(30), Duration.ofMinutes(1), reminders::overdueInstalments);
	}

	/** Daily: donor relations are told of the reports owed to donors in 30 and in 7 days. */
	@Scheduled(cron = "${tafund.jobs.report-due-reminders:0 5 6 * * *}", zone = "UTC")
	void reportDueReminders() {
		runReportDueReminders();
	}

	boolean runReportDueReminders() {
		return jobs.run(REPORT_DUE_REMINDERS, Duration.ofMinutes(30), Duration.ofMinutes(1), reminders::reportsDue);
	}

	/**
	 * Days 1 to 5 of each month: finance is told while last month's revaluation has not run or a
	 * currency in use has no rate this month (again each day until it is done).
	 */
	@Scheduled(cron = "${tafund.jobs.month-end-reminders:0 10 6 1-5 * *}", zone = "UTC")
	void monthEndReminders() {
		runMonthEndReminders();
	}

	boolean runMonthEndReminders() {
		return jobs.run(MONTH_END_REMINDERS, Duration.ofMinutes(30), Duration.ofMinutes(1), reminders::monthEnd);
	}

	/** Daily: notifications read more than 180 days ago are forgotten. */
	@Scheduled(cron = "${tafund.jobs.notification-cleanup:0 30 2 * * *}", zone = "UTC")
	void notificationCleanup() {
		runNotificationCleanup();
	}

	boolean runNotificationCleanup() {
		return jobs.run(NOTIFICATION_CLEANUP, Duration.ofMinutes(30), Duration.ofMinutes(1),
				() -> notifications.forgetOldRead() + " notifications read more than "
						+ Notifications.KEPT_AFTER_READING.toDays() + " days ago forgotten");
	}

}
