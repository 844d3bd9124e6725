package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tafund.support.IntegrationTest;

/**
 * Behind a proxy that ends TLS (the probe found no HSTS behind TLS, and redirects to
 * {@code http://} with the Host header reflected). Raw HTTP over a socket, as a proxy or an attacker
 * sends it, through Tomcat's own handling of forwarded headers. In the tests this machine's
 * loopback address is the trusted proxy; its other address is anybody else.
 */
@IntegrationTest
class ProxyHeaderTests {

	@LocalServerPort
	int port;

	/** The status line and headers of a GET sent from {@code from} with the given extra headers. */
	String head(InetAddress to, String path, String... headers) throws IOException {
		try (var socket = new Socket(to, port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			var request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
			boolean hostGiven = false;
			for (var header : headers) {
				request.append(header).append("\r\n");
				hostGiven |= header.regionMatches(true, 0, "Host:", 0, 5);
			}
			if (!hostGiven) {
				request.append("Host: localhost\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			var response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			return response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
		}
	}

	static InetAddress loopback() throws IOException {
		return InetAddress.getByName("127.0.0.1");
	}

	/** An address of this machine that is not loopback: a client the configuration does not trust. */
	static InetAddress ownOtherAddress() throws SocketException {
		for (var network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!network.isUp() || network.isLoopback()) {
				continue;
			}
			for (var address : Collections.list(network.getInetAddresses())) {
				if (address instanceof Inet4Address) {
					return address;
				}
			}
		}
		throw new IllegalStateException("This test needs a network address besides loopback.");
	}

	@Test
	void aRedirectNeverCarriesTheHostHeaderItWasSent() throws IOException {
		var response = head(loopback(), "/", "Host: evil.example");
		assertThat(response).startsWith("HTTP/1.1 302");
		assertThat(location(response)).isEqualTo("/login").doesNotContain("evil.example");
	}

	@Test
	void theTrustedProxysHttpsMakesTheRequestSecureAndSendsHsts() throws IOException {
		var response = head(loopback(), "/login", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.7");
		assertThat(response).startsWith("HTTP/1.1 200");
		assertThat(response).containsIgnoringCase("Strict-Transport-Security: max-age=");
		// Without the proxy's word, plain HTTP: no HSTS.
		assertThat(head(loopback(), "/login")).doesNotContainIgnoringCase("Strict-Transport-Security");
	}

	@Test
	void forwardedHeadersFromAnyoneElseAreIgnored() throws IOException {
		var response = head(ownOtherAddress(), "/login", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.7",
				"X-Forwarded-Host: evil.example");
		assertThat(response).startsWith("HTTP/1.1 200");
		assertThat(response).doesNotContainIgnoringCase("Strict-Transport-Security");
		var redirect = head(ownOtherAddress(), "/", "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example");
		assertThat(location(redirect)).isEqualTo("/login");
	}

	static String location(String response) {
		return response.lines()
			.filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
			.map(line -> line.substring(9).strip())
			.findFirst()
			.orElse(null);
	}

}
