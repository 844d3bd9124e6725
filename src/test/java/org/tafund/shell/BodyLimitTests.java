package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tafund.support.IntegrationTest;

/**
 * Request bodies are bounded before they are read, over a real connection: four parallel 80 MB
 * JSON bodies from a project manager once ran the application out of memory.
 */
@IntegrationTest
class BodyLimitTests {

	static final int MB = 1024 * 1024;

	@LocalServerPort
	int port;

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":tafund-demo-2026").getBytes(StandardCharsets.UTF_8));
	}

	static long usedHeap() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** Sends the head, then the body from another thread (the server may stop reading), and returns the status line. */
	String send(String head, byte[] chunk, long chunks, boolean chunked) throws Exception {
		return send(head, new byte[0], chunk, chunks, chunked);
	}

	String send(String head, byte[] prefix, byte[] chunk, long chunks, boolean chunked) throws Exception {
		var writer = Executors.newSingleThreadExecutor();
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			var sending = writer.submit(() -> {
				try {
					if (prefix.length > 0) {
						out.write((chunked ? Integer.toHexString(prefix.length) + "\r\n" : "").getBytes(StandardCharsets.US_ASCII));
						out.write(prefix);
						out.write((chunked ? "\r\n" : "").getBytes(StandardCharsets.US_ASCII));
					}
					for (long i = 0; i < chunks; i++) {
						if (chunked) {
							out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						}
						out.write(chunk);
						if (chunked) {
							out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
						}
					}
					if (chunked) {
						out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.flush();
				}
				catch (IOException stopped) {
					// The server answered and closed: the rest of the body is not wanted.
				}
				return null;
			});
			var status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			sending.cancel(true);
			return status;
		}
		finally {
			writer.shutdownNow();
			writer.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void anEightyMegabyteBodyIsRefusedWith413BeforeItIsRead() throws Exception {
		var chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) 'a');
		long before = usedHeap();
		var status = send("POST /api/v1/donors HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("project.manager")
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + (80L * MB) + "\r\n\r\n", chunk,
				80L * MB / chunk.length, false);
		assertThat(status).startsWith("HTTP/1.1 413");
		assertThat(usedHeap() - before).as("heap growth in bytes").isLessThan(20L * MB);
	}

	@Test
	void aBodyWithoutALengthIsCutAtTheLimit() throws Exception {
		var chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) 'a');
		// {"name":"aaaa... : 2 MB of a name, sent in chunks, never ending.
		var status = send("POST /api/v1/donors HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("donor.officer")
				+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
				"{\"name\":\"".getBytes(StandardCharsets.US_ASCII), chunk, 32, true);
		assertThat(status).startsWith("HTTP/1.1 413");
	}

	@Test
	void aSmallBodyGoesThrough() throws Exception {
		var body = "{}".getBytes(StandardCharsets.US_ASCII);
		var status = send("POST /api/v1/donors HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("donor.officer")
				+ "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n", body, 1, false);
		// Read, and refused for what it says (no name), not for its size.
		assertThat(status).startsWith("HTTP/1.1 400");
	}

}
