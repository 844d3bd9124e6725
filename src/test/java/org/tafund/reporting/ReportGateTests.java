package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tafund.shared.ServerBusy;

/**
 * The reports' gate on its own: places, a bounded queue, a bounded wait, and a place given back
 * whatever became of the report.
 */
class ReportGateTests {

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void reportsBeyondThePlacesWaitAndBeyondTheQueueAreRefusedAtOnce() throws Exception {
		var gate = new ReportGate(2, 1, Duration.ofSeconds(10));
		var first = new MockHttpServletRequest();
		var second = new MockHttpServletRequest();
		assertThat(gate.preHandle(first, response, null)).isTrue();
		assertThat(gate.preHandle(second, response, null)).isTrue();
		assertThat(gate.free()).isZero();

		// The third waits for a place; the fourth finds the queue (of one) full and is refused without waiting.
		var started = new CountDownLatch(1);
		var third = new MockHttpServletRequest();
		var waiting = CompletableFuture.supplyAsync(() -> {
			started.countDown();
			try {
				return gate.preHandle(third, response, null);
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		});
		started.await();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (gate.queued() < 1) {
			assertThat(System.nanoTime()).as("the third report joins the queue").isLessThan(deadline);
			Thread.onSpinWait();
		}
		long before = System.nanoTime();
		assertThatThrownBy(() -> gate.preHandle(new MockHttpServletRequest(), response, null))
			.isInstanceOf(ServerBusy.class)
			.hasMessageContaining("busy")
			.hasMessageContaining("try again");
		assertThat(Duration.ofNanos(System.nanoTime() - before)).as("refused without waiting").isLessThan(Duration.ofSeconds(2));
		assertThat(waiting).isNotDone();

		// The first finishes (with a failure, as may happen): its place goes to the waiting third.
		gate.afterCompletion(first, response, null, new IllegalStateException("the report failed"));
		assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(gate.queued()).isZero();
		assertThat(gate.free()).isZero();
		gate.afterCompletion(second, response, null, null);
		gate.afterCompletion(third, response, null, null);
		assertThat(gate.free()).isEqualTo(2);
		// A request completed twice (an error dispatch after the report) gives its place back once.
		gate.afterCompletion(third, response, null, null);
		assertThat(gate.free()).isEqualTo(2);
	}

	@Test
	void aReportThatWaitedTooLongIsRefusedAndTakesNoPlace() throws Exception {
		var gate = new ReportGate(1, 5, Duration.ofMillis(200));
		var first = new MockHttpServletRequest();
		gate.preHandle(first, response, null);
		long before = System.nanoTime();
		assertThatThrownBy(() -> gate.preHandle(new MockHttpServletRequest(), response, null)).isInstanceOf(ServerBusy.class);
		assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(gate.queued()).isZero();
		gate.afterCompletion(first, response, null, null);
		assertThat(gate.free()).isEqualTo(1);
		// The queue is empty again: the next one is let in.
		assertThat(gate.preHandle(new MockHttpServletRequest(), response, null)).isTrue();
		assertThat(gate.free()).isZero();
	}

	@Test
	void aGateWithoutPlacesIsRefusedAtStartup() {
		assertThatThrownBy(() -> new ReportGate(0, 4, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
	}

}
