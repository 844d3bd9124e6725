package org.tafund.security;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes every sign-in, failed sign-in, lockout and access denial to the application log and to
 * the {@code security_event} table, with user, time and address; the audit pages read it back.
 */
@Service
public class SecurityEventLog {

	private static final Logger log = LoggerFactory.getLogger("tafund.security");

	private final SecurityEvents events;

	private final Clock clock;

	SecurityEventLog(SecurityEvents events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	// Its own transaction: a refused sign-in or request rolls nothing back, and the log line stays.
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void record(SecurityEventType type, String rawUsername, String remoteAddress, String detail) {
		var now = clock.instant();
		var username = printable(rawUsername);
		log.info("{} user={} address={} at={}{}", type, username, remoteAddress, now,
				detail == null ? "" : " " + detail);
		events.save(new SecurityEvent(now, type, username, remoteAddress, printable(detail)));
	}

	// What a visitor typed as a username must not forge log lines or flood the log.
	static String printable(String text) {
		if (text == null) {
			return null;
		}
		var clean = text.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
	}

	@Transactional(readOnly = true)
	public Page<SecurityEventView> recent(String username, Pageable pageable) {
		var page = username == null || username.isBlank()
				? events.findAllByOrderByOccurredAtDescIdDesc(pageable)
				: events.findByUsernameOrderByOccurredAtDescIdDesc(UserManagement.normalise(username), pageable);
		return page.map(SecurityEvent::view);
	}

}
