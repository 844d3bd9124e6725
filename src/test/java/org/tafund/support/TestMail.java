package org.tafund.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) for the whole test run, started on first use on a free port; the
 * application of every test context sends its e-mails there ({@link TestDatabaseConfiguration}).
 * Tests find their own mails by the unique addresses of the users they create.
 */
public final class TestMail {

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized int port() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server.getSmtp().getPort();
	}

	/** The mails received so far for {@code address}. */
	public static List<MimeMessage> to(String address) {
		port();
		return Arrays.stream(server.getReceivedMessages()).filter(message -> {
			try {
				var recipients = message.getAllRecipients();
				return recipients != null && Arrays.stream(recipients).map(Address::toString).anyMatch(address::equalsIgnoreCase);
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

}
