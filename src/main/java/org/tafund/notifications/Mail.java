package org.tafund.notifications;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * E-mail through the SMTP server that {@code TAFUND_MAIL_HOST} (and {@code _PORT}, {@code _USER},
 * {@code _PASSWORD}, {@code _FROM}) names; with no host, no e-mail is sent and notifications stay in
 * the application. STARTTLS is used when the server offers it.
 */
@Component
class Mail {

	private final JavaMailSenderImpl sender;

	private final String from;

	Mail(@Value("${tafund.mail.host:}") String host, @Value("${tafund.mail.port:25}") int port,
			@Value("${tafund.mail.user:}") String user, @Value("${tafund.mail.password:}") String password,
			@Value("${tafund.mail.from:tafund@localhost}") String from) {
		this.from = from;
		if (host.isBlank()) {
			this.sender = null;
			return;
		}
		var sender = new JavaMailSenderImpl();
		sender.setHost(host.strip());
		sender.setPort(port);
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		if (!user.isBlank()) {
			sender.setUsername(user);
			sender.setPassword(password);
			sender.getJavaMailProperties().put("mail.smtp.auth", "true");
		}
		sender.getJavaMailProperties().put("mail.smtp.starttls.enable", "true");
		// A mail server that does not answer must not hold a scheduled job for minutes.
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
		sender.getJavaMailProperties().put("mail.smtp.writetimeout", "10000");
		this.sender = sender;
	}

	boolean enabled() {
		return sender != null;
	}

	void send(String to, String subject, String text) {
		var message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		sender.send(message);
	}

}
