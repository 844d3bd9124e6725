package org.tafund.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed sign-ins (the sign-in form, HTTP Basic) limited per address and per username: after
 * {@code tafund.sign-in.max-failures} failures within {@code tafund.sign-in.window}, further
 * attempts from that address or for that username are answered 429 with {@code Retry-After},
 * before any password is checked, until the oldest failure leaves the window. This is beside the
 * account lockout (5 failures in a row lock an account for 15 minutes), which protects one account
 * but not the server: a flood of wrong passwords ran bcrypt for each.
 *
 * <p>Kept in memory, per instance: a second instance counts its own.
 */
@Component
class SignInLimits {

	/** Addresses and usernames followed at most; the oldest are forgotten first. */
	static final int MAX_KEYS = 100_000;

	private final int maxFailures;

	private final Duration window;

	private final Set<String> unlimitedAddresses;

	private final Clock clock;

	private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	SignInLimits(@Value("${tafund.sign-in.max-failures:10}") int maxFailures,
			@Value("${tafund.sign-in.window:PT10M}") Duration window,
			@Value("${tafund.sign-in.unlimited-addresses:}") String unlimitedAddresses, Clock clock) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.unlimitedAddresses = Arrays.stream(unlimitedAddresses.split(","))
			.map(String::strip)
			.filter(a -> !a.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
		this.clock = clock;
	}

	/** How long until an attempt from this address for this username may be checked; empty: now. */
	Optional<Duration> retryAfter(String address, String username) {
		var now = clock.instant();
		return Optional.ofNullable(latest(wait(addressKey(address), now), wait(userKey(username), now)));
	}

	/** Counts a failed sign-in from the address for the username. */
	void failed(String address, String username) {
		var now = clock.instant();
		for (var key : new String[] { addressKey(address), userKey(username) }) {
			if (key == null) {
				continue;
			}
			if (failures.size() >= MAX_KEYS) {
				forgetOld(now);
			}
			var times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
			synchronized (times) {
				times.addLast(now);
				while (times.size() > maxFailures) {
					times.removeFirst();
				}
			}
		}
	}

	private Duration wait(String key, Instant now) {
		if (key == null) {
			return null;
		}
		var times = failures.get(key);
		if (times == null) {
			return null;
		}
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
				times.removeFirst();
			}
			if (times.size() < maxFailures) {
				return null;
			}
			return Duration.between(now, times.peekFirst().plus(window));
		}
	}

	private static Duration latest(Duration a, Duration b) {
		if (a == null) {
			return b;
		}
		return b == null || a.compareTo(b) >= 0 ? a : b;
	}

	private void forgetOld(Instant now) {
		failures.entrySet().removeIf(entry -> {
			synchronized (entry.getValue()) {
				var newest = entry.getValue().peekLast();
				return newest == null || !newest.plus(window).isAfter(now);
			}
		});
		if (failures.size() >= MAX_KEYS) {
			failures.clear();
		}
	}

	private String addressKey(String address) {
		return address == null || unlimitedAddresses.contains(address) ? null : "address:" + address;
	}

	private static String userKey(String username) {
		return username == null || username.isBlank() ? null : "user:" + username.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Answers an attempt to sign in (the form's POST, a request with HTTP Basic credentials) 429
	 * while its address or username is over the limit; lets everything else through.
	 */
	static final class Filter extends OncePerRequestFilter {

		private final SignInLimits limits;

		Filter(SignInLimits limits) {
			this.limits = limits;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var username = attemptedUsername(request);
			if (username != null) {
				var wait = limits.retryAfter(request.getRemoteAddr(), username);
				if (wait.isPresent()) {
					refuse(request, response, wait.get());
					return;
				}
			}
			chain.doFilter(request, response);
		}

		/** The username a request tries to sign in with, or null when it does not try. */
		static String attemptedUsername(HttpServletRequest request) {
			var path = request.getRequestURI().substring(request.getContextPath().length());
			if ("POST".equals(request.getMethod()) && path.equals("/login")) {
				var username = request.getParameter("username");
				return username == null ? "" : username;
			}
			var header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
				try {
					var decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
							StandardCharsets.UTF_8);
					int colon = decoded.indexOf(':');
					return colon < 0 ? decoded : decoded.substring(0, colon);
				}
				catch (IllegalArgumentException e) {
					return "";
				}
			}
			return null;
		}

		private static void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait)
				throws IOException {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(seconds));
			var detail = "Too many failed sign-ins from this address or for this username: try again in " + seconds
					+ " seconds.";
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.setContentType("application/problem+json");
				response.getOutputStream()
					.write(("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\""
							+ detail + "\"}").getBytes(StandardCharsets.UTF_8));
			}
			else {
				response.setContentType("text/plain;charset=UTF-8");
				response.getOutputStream().write(detail.getBytes(StandardCharsets.UTF_8));
			}
		}

	}

}
