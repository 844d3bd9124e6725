package org.tafund.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * "Now" for every test: a clock that ticks from one second past midnight UTC of a fixed day, so
 * that a run gives the same dates whatever the day it runs on and never crosses midnight. The
 * application's {@link Clock} bean is this clock in every test context; tests take their dates
 * from the injected bean (or from {@link #today()}), never from {@code LocalDate.now()}.
 */
public final class TestClock {

	/** The day the test runs believe it is: after every date the tests book, before 2100. */
	public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	public static final Clock CLOCK = Clock.offset(Clock.systemUTC(),
			Duration.between(Instant.now(), TODAY.atStartOfDay().plusSeconds(1).toInstant(ZoneOffset.UTC)));

	private TestClock() {
	}

	public static LocalDate today() {
		return LocalDate.now(CLOCK);
	}

}
