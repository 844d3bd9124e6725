package org.tafund.operations;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * Runs a scheduled job on whichever instance takes its lock first (a ShedLock row, timed by the
 * database's clock, so instances whose clocks differ still agree); the others skip that run. Each
 * run is kept in {@code job_run} and timed in the {@code tafund.jobs} metric.
 */
@Component
class Jobs {

	private static final Logger log = LoggerFactory.getLogger(Jobs.class);

	private final LockingTaskExecutor locks;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeterRegistry meters;

	private final String instance;

	@org.springframework.beans.factory.annotation.Autowired
	Jobs(DataSource dataSource, Clock clock, MeterRegistry meters) {
		this(dataSource, clock, meters, ManagementFactory.getRuntimeMXBean().getName());
	}

	/** An instance under its own name (the process and host); tests make two. */
	Jobs(DataSource dataSource, Clock clock, MeterRegistry meters, String instance) {
		this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
			.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build()));
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
		this.meters = meters;
		this.instance = instance;
	}

	/** What a job did, in a line for the Operations page. */
	@FunctionalInterface
	interface Job extends Supplier<String> {
	}

	/**
	 * Runs the job if no instance holds its lock; the lock is kept at least {@code atLeast} (so a
	 * quicker instance's clock cannot run it twice) and at most {@code atMost} (so a dead instance
	 * does not hold it for ever). True when this instance ran it.
	 */
	boolean run(String name, Duration atMost, Duration atLeast, Job job) {
		var ran = new boolean[1];
		locks.executeWithLock((Runnable) () -> {
			ran[0] = true;
			record(name, job);
		}, new LockConfiguration(clock.instant(), name, atMost, atLeast));
		return ran[0];
	}

	private void record(String name, Job job) {
		var started = clock.instant();
		var sample = Timer.start(meters);
		String outcome = "DONE";
		String detail;
		try {
			detail = job.get();
		}
		catch (RuntimeException e) {
			outcome = "FAILED";
			detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
			log.error("Job {} failed", name, e);
		}
		sample.stop(meters.timer("tafund.jobs", "job", name, "outcome", outcome));
		jdbc.sql("INSERT INTO job_run (job, instance, started_at, finished_at, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)")
			.params(name, instance, Timestamp.from(started), Timestamp.from(clock.instant()), outcome,
					detail == null ? null : detail.length() > 500 ? detail.substring(0, 500) : detail)
			.update();
	}

	/** A job's last run, as the Operations page lists it. */
	record LastRun(String job, String instance, Instant startedAt, Duration took, String outcome, String detail) {
	}

	List<LastRun> lastRuns() {
		return jdbc.sql("""
				SELECT r.job, r.instance, r.started_at, r.finished_at, r.outcome, r.detail FROM job_run r
				WHERE r.id = (SELECT MAX(l.id) FROM job_run l WHERE l.job = r.job) ORDER BY r.job""")
			.query((rs, n) -> {
				var started = rs.getTimestamp(3).toInstant();
				return new LastRun(rs.getString(1), rs.getString(2), started,
						Duration.between(started, rs.getTimestamp(4).toInstant()), rs.getString(5), rs.getString(6));
			})
			.list();
	}

}
