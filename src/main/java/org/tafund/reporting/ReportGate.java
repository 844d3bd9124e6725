package org.tafund.reporting;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tafund.shared.ServerBusy;

/**
 * How many reports and exports are produced at once. Each holds a database connection for as long
 * as it reads (an export of every journal line, for minutes); ten at once took all ten of the pool's
 * connections, and then sign-ins, saves and the session store itself waited 2.5 s and were refused
 * "database unavailable" (issue 15's ten-at-once run). Reports beyond {@code tafund.reports.concurrent}
 * wait in a queue of at most {@code tafund.reports.queue} for up to {@code tafund.reports.wait};
 * beyond that they are refused at once as busy (503 with Retry-After), which says what happened.
 * The rest of the application keeps the pool's other connections.
 */
@Configuration(proxyBeanMethods = false)
class ReportGate implements HandlerInterceptor, WebMvcConfigurer {

	private static final String HELD = ReportGate.class.getName() + ".held";

	private final Semaphore places;

	private final int queue;

	private final Duration wait;

	private final AtomicInteger waiting = new AtomicInteger();

	ReportGate(@Value("${tafund.reports.concurrent:4}") int concurrent, @Value("${tafund.reports.queue:16}") int queue,
			@Value("${tafund.reports.wait:20s}") Duration wait) {
		if (concurrent < 1 || queue < 0) {
			throw new IllegalArgumentException("tafund.reports.concurrent must be at least 1 and tafund.reports.queue at least 0");
		}
		this.places = new Semaphore(concurrent, true);
		this.queue = queue;
		this.wait = wait;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// After the others (the language switch among them), so that a refusal is in the reader's language.
		registry.addInterceptor(this)
			.addPathPatterns("/reports/**", "/api/v1/reports/**")
			.excludePathPatterns("/reports")
			.order(Ordered.LOWEST_PRECEDENCE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws InterruptedException {
		if (request.getAttribute(HELD) != null) {
			return true;
		}
		// With a timeout, as here, a fair semaphore serves those already waiting first (tryAcquire()
		// without one would let a newcomer take a freed place ahead of the queue).
		if (!places.tryAcquire(0, TimeUnit.MILLISECONDS)) {
			if (waiting.incrementAndGet() > queue) {
				waiting.decrementAndGet();
				throw busy();
			}
			try {
				if (!places.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
					throw busy();
				}
			}
			finally {
				waiting.decrementAndGet();
			}
		}
		request.setAttribute(HELD, Boolean.TRUE);
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
		if (request.getAttribute(HELD) != null) {
			request.removeAttribute(HELD);
			places.release();
		}
	}

	/** Places free now, for tests. */
	int free() {
		return places.availablePermits();
	}

	/** Reports waiting for a place now, for tests. */
	int queued() {
		return waiting.get();
	}

	/**
	 * For tests of the whole application: every place taken and the queue full, as under a crowd,
	 * until the returned action gives them back.
	 */
	Runnable occupy() {
		int taken = places.drainPermits();
		waiting.addAndGet(queue);
		return () -> {
			waiting.addAndGet(-queue);
			places.release(taken);
		};
	}

	private ServerBusy busy() {
		return new ServerBusy("The reports are busy: as many are being produced as the database can afford, and "
				+ "others wait. Nothing was wrong with the request; try again in a minute.");
	}

}
