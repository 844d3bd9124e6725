package org.tafund.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Counts failed sign-ins and locks an account for 15 minutes after the fifth in a row. Unknown
 * usernames are logged like any failure, so the log and the page reveal nothing about who
 * exists.
 */
@Component
class LoginAttempts {

	private final AppUsers users;

	private final SecurityEventLog eventLog;

	private final Clock clock;

	private final SignInLimits limits;

	private final SecurityEvents events;

	private final SecondFactors factors;

	LoginAttempts(AppUsers users, SecurityEventLog eventLog, Clock clock, SignInLimits limits, SecurityEvents events,
			SecondFactors factors) {
		this.factors = factors;
		this.limits = limits;
		this.events = events;
		this.users = users;
		this.eventLog = eventLog;
		this.clock = clock;
	}

	// No transaction around the listeners: each statement commits on its own, so a burst of failed
	// sign-ins never holds pool connections while bcrypt runs.

	// A person signing in through the login page: logged, shown as last sign-in, and the failure count
	// cleared. A script's successful HTTP Basic call clears nothing: guesses between its calls were
	// never counted towards the lockout otherwise.
	@EventListener
	public void onInteractiveLogin(InteractiveAuthenticationSuccessEvent event) {
		var auth = event.getAuthentication();
		warnOfFailuresSinceLastSignIn(auth.getName());
		factors.takeResetNotice(auth.getName()).ifPresent(notice -> {
			var request = RequestContextHolder.getRequestAttributes();
			if (request != null) {
				request.setAttribute(SecondFactors.ResetNotice.SESSION_ATTRIBUTE, notice, RequestAttributes.SCOPE_SESSION);
			}
		});
		users.clearFailedLogins(auth.getName());
		users.recordLogin(auth.getName(), clock.instant());
		// The password was right; where a second factor follows, the log says so, and the
		// SECOND_FACTOR_PASSED (or _FAILED) line after it completes the sign-in.
		eventLog.record(SecurityEventType.LOGIN, auth.getName(), address(auth),
				factors.requiredAtSignIn(auth.getName()) ? "password; second factor asked" : null);
	}

	/** Failed sign-ins since the last one, and from where: shown once to the user who signs in now. */
	record SignInWarning(int failures, List<String> addresses, boolean locked) implements java.io.Serializable {

		static final String SESSION_ATTRIBUTE = SignInWarning.class.getName();

	}

	private static final Set<SecurityEventType> FAILURES = EnumSet.of(SecurityEventType.LOGIN_FAILED,
			SecurityEventType.PASSWORD_CHANGE_FAILED, SecurityEventType.LOGIN_REFUSED_LOCKED);

	private void warnOfFailuresSinceLastSignIn(String username) {
		var since = events.lastLogin(username).orElse(Instant.EPOCH);
		var failed = events.since(username, FAILURES, since);
		if (failed.isEmpty()) {
			return;
		}
		var addresses = failed.stream()
			.map(e -> e.view().remoteAddress())
			.filter(java.util.Objects::nonNull)
			.distinct()
			.limit(5)
			.toList();
		var locked = events.since(username, EnumSet.of(SecurityEventType.LOCKOUT), since).size() > 0;
		var warning = new SignInWarning((int) failed.stream()
			.filter(e -> e.view().type() != SecurityEventType.LOGIN_REFUSED_LOCKED)
			.count(), addresses, locked);
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(SignInWarning.SESSION_ATTRIBUTE, warning, RequestAttributes.SCOPE_SESSION);
		}
	}

	@EventListener
	public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		var auth = event.getAuthentication();
		var username = UserManagement.normalise(auth.getName());
		limits.failed(address(auth), username);
		recordFailure(username, address(auth), SecurityEventType.LOGIN_FAILED);
	}

	/**
	 * Counts one failed proof of the password. The counter moves in the database, so no failure is
	 * lost; guesses already being checked when the fifth fails still finish (at most one per
	 * request in flight), and the account is locked once.
	 */
	void recordFailure(String username, String address, SecurityEventType type) {
		eventLog.record(type, username, address, null);
		if (users.countFailedLogin(username) == 1) {
			var now = clock.instant();
			var until = now.plus(AppUser.LOCKOUT);
			if (users.lockIfTooManyFailures(username, AppUser.MAX_FAILED_ATTEMPTS, until, now) == 1) {
				eventLog.record(SecurityEventType.LOCKOUT, username, address, SecurityEventView.LOCKED_UNTIL + until);
			}
		}
	}

	@EventListener
	public void onLocked(AuthenticationFailureLockedEvent event) {
		refused(event, SecurityEventType.LOGIN_REFUSED_LOCKED);
	}

	@EventListener
	public void onDisabled(AuthenticationFailureDisabledEvent event) {
		refused(event, SecurityEventType.LOGIN_REFUSED_DISABLED);
	}

	@EventListener
	public void onLogout(LogoutSuccessEvent event) {
		var auth = event.getAuthentication();
		eventLog.record(SecurityEventType.LOGOUT, auth.getName(), address(auth), null);
	}

	private void refused(AbstractAuthenticationFailureEvent event, SecurityEventType type) {
		var auth = event.getAuthentication();
		eventLog.record(type, UserManagement.normalise(auth.getName()), address(auth), null);
	}

	private static String address(Authentication auth) {
		return auth.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
	}

}
