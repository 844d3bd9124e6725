package org.tafund.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.tafund.shared.NotFound;
import org.tafund.shared.Summary;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tells users things: each notification is kept for the application (the bell and the list) and,
 * unless the user turned its kind off, e-mailed in the language they chose. A mail server that
 * fails does not lose the notification: it stays in the application, without its e-mail.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	/** The languages of the application's pages, and so of its e-mails. */
	static final List<String> LANGUAGES = List.of("en", "fr", "es");

	/** An e-mail lists at most this many detail lines, then says how many more there are. */
	static final int MAX_DETAILS = 50;

	private final JdbcClient jdbc;

	private final Mail mail;

	private final MessageSource messages;

	private final Clock clock;

	private final JsonMapper json;

	private final String baseUrl;

	Notifications(DataSource dataSource, Mail mail, MessageSource messages, Clock clock, JsonMapper json,
			@Value("${tafund.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = JdbcClient.create(dataSource);
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
		this.json = json;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Tells {@code to} {@code message}, with {@code link} (a path in the application) to act on it;
	 * the e-mail also lists {@code details}. True when an e-mail went out.
	 */
	public boolean tell(Recipient to, NotificationKind kind, Summary message, String link, List<Summary> details) {
		var id = insert(to.username(), kind, message, link);
		var preference = preferenceOf(to.username());
		if (!mail.enabled() || to.email() == null || to.email().isBlank() || preference.emailOff().contains(kind)) {
			return false;
		}
		var locale = Locale.forLanguageTag(preference.language());
		var body = new StringBuilder(text(message, locale)).append("\n\n");
		details.stream().limit(MAX_DETAILS).forEach(detail -> body.append("- ").append(text(detail, locale)).append('\n'));
		if (details.size() > MAX_DETAILS) {
			body.append(messages.getMessage("notification.mail.more", new Object[] { details.size() - MAX_DETAILS }, locale))
				.append('\n');
		}
		if (!details.isEmpty()) {
			body.append('\n');
		}
		if (link != null) {
			body.append(messages.getMessage("notification.mail.open", new Object[] { baseUrl + link }, locale)).append("\n\n");
		}
		body.append("-- \n")
			.append(messages.getMessage("notification.mail.footer", new Object[] { baseUrl + "/account/notifications" }, locale))
			.append('\n');
		try {
			mail.send(to.email(), messages.getMessage("notification.mail.subject." + kind.name(), null, locale),
					body.toString());
		}
		catch (MailException e) {
			log.warn("The e-mail of notification {} to {} was not sent: {}", id, to.username(), e.getMessage());
			return false;
		}
		jdbc.sql("UPDATE notification SET emailed_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), id).update();
		return true;
	}

	private long insert(String username, NotificationKind kind, Summary message, String link) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO notification (username, kind, message_key, message_args, link, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(username, kind.name(), message.key(), json.writeValueAsString(message.args()), link,
					Timestamp.from(clock.instant()))
			.update(keys);
		return keys.getKey().longValue();
	}

	private String text(Summary summary, Locale locale) {
		return summary.in(messages, locale, summary.key() + " " + String.join(" ", summary.args()));
	}

	/** A notification as its reader sees it. */
	record NotificationView(long id, NotificationKind kind, String text, String link, Instant createdAt, Instant readAt,
			Instant emailedAt) {

		public boolean unread() {
			return readAt == null;
		}

	}

	/** The user's latest notifications, newest first. */
	List<NotificationView> of(String username, int limit, Locale locale) {
		return jdbc.sql("""
				SELECT id, kind, message_key, message_args, link, created_at, read_at, emailed_at FROM notification
				WHERE username = ? ORDER BY id DESC LIMIT ?""")
			.params(username, limit)
			.query((rs, n) -> new NotificationView(rs.getLong(1), NotificationKind.valueOf(rs.getString(2)),
					text(new Summary(rs.getString(3), Arrays.asList(json.readValue(rs.getString(4), String[].class))), locale),
					rs.getString(5), rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8))))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	long unread(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE username = ? AND read_at IS NULL")
			.param(username)
			.query(Long.class)
			.single();
	}

	/** Marks the user's notification read; its link, to go on to. Another user's is not found. */
	String markRead(String username, long id) {
		var link = jdbc.sql("SELECT link FROM notification WHERE id = ? AND username = ?")
			.params(id, username)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
			.optional()
			.orElseThrow(() -> new NotificationNotFound(id));
		jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND read_at IS NULL")
			.params(Timestamp.from(clock.instant()), id)
			.update();
		return link.orElse(null);
	}

	int markAllRead(String username) {
		return jdbc.sql("UPDATE notification SET read_at = ? WHERE username = ? AND read_at IS NULL")
			.params(Timestamp.from(clock.instant()), username)
			.update();
	}

	/** What a user chose: the language of their e-mails and the kinds they do not want by e-mail. */
	record Preference(String language, Set<NotificationKind> emailOff) {

		public boolean byEmail(NotificationKind kind) {
			return !emailOff.contains(kind);
		}

	}

	/** The user's choice; before they make one, e-mails in English and of every kind. */
	Preference preferenceOf(String username) {
		return jdbc.sql("SELECT language, email_off FROM notification_preference WHERE username = ?")
			.param(username)
			.query((rs, n) -> new Preference(rs.getString(1), kinds(rs.getString(2))))
			.optional()
			.orElse(new Preference("en", EnumSet.noneOf(NotificationKind.class)));
	}

	private static Set<NotificationKind> kinds(String list) {
		return Arrays.stream(list.split(","))
			.filter(kind -> !kind.isBlank())
			.map(NotificationKind::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationKind.class)));
	}

	void choose(String username, String language, Set<NotificationKind> byEmail) {
		if (!LANGUAGES.contains(language)) {
			throw org.tafund.shared.BusinessRuleViolation.ofField("language", "notifications.language.invalid");
		}
		var off = EnumSet.complementOf(byEmail.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(byEmail))
			.stream()
			.map(Enum::name)
			.collect(Collectors.joining(","));
		var updated = jdbc.sql("UPDATE notification_preference SET language = ?, email_off = ? WHERE username = ?")
			.params(language, off, username)
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("INSERT INTO notification_preference (username, language, email_off) VALUES (?, ?, ?)")
					.params(username, language, off)
					.update();
			}
			catch (DuplicateKeyException e) {
				// Saved at the same moment from another tab: this choice is the later one.
				jdbc.sql("UPDATE notification_preference SET language = ?, email_off = ? WHERE username = ?")
					.params(language, off, username)
					.update();
			}
		}
	}

	/** How long a notification is kept after it was read. */
	public static final java.time.Duration KEPT_AFTER_READING = java.time.Duration.ofDays(180);

	/** Forgets the notifications read longer ago than {@link #KEPT_AFTER_READING}; how many. */
	public int forgetOldRead() {
		return jdbc.sql("DELETE FROM notification WHERE read_at < ?")
			.param(Timestamp.from(clock.instant().minus(KEPT_AFTER_READING)))
			.update();
	}

	boolean mailEnabled() {
		return mail.enabled();
	}

	static class NotificationNotFound extends NotFound {

		NotificationNotFound(long id) {
			super("No notification " + id);
		}

	}

}
