package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What a download does when it fails: before any byte has left, it is answered as any failure
 * (the handlers of the application give 503 or 500) with nothing of the file; after, it reaches
 * the container as {@link Downloads.Aborted}, which closes the connection (the fault test,
 * {@code .ci/fault-test}, cuts a ledger download by killing its database and sees curl fail).
 */
class DownloadsTests {

	@Test
	void aFailureBeforeTheFirstByteLeftIsAnsweredAsAnyOtherWithNothingOfTheFile() throws IOException {
		var response = new MockHttpServletResponse();
		response.setHeader("Content-Disposition", "attachment; filename=\"ledger.csv\"");
		response.setHeader("X-Request-Id", "0123456789abcdef");
		var failure = new DataAccessResourceFailureException("the database went away");
		assertThatThrownBy(() -> Downloads.write("ledger.csv", response, () -> {
			response.getOutputStream().write("date,entry\r\n".getBytes(StandardCharsets.UTF_8));
			throw failure;
		})).isSameAs(failure);
		assertThat(response.isCommitted()).isFalse();
		assertThat(response.getHeader("Content-Disposition")).isNull();
		// The error answer still names the request.
		assertThat(response.getHeader("X-Request-Id")).isEqualTo("0123456789abcdef");
		assertThat(response.getContentAsByteArray()).isEmpty();
		// The error page may write its own way.
		response.getWriter().write("503");
	}

	@Test
	void aFailureAfterBytesHaveLeftAbortsTheDownload() {
		var response = new MockHttpServletResponse();
		var failure = new DataAccessResourceFailureException("the database went away");
		assertThatThrownBy(() -> Downloads.write("ledger.csv", response, () -> {
			response.getOutputStream().write("date,entry\r\n".getBytes(StandardCharsets.UTF_8));
			response.flushBuffer();
			throw failure;
		})).isInstanceOf(Downloads.Aborted.class)
			.hasMessageContaining("ledger.csv")
			// Not its cause: an exception handler matching the cause would answer it after the file.
			.hasNoCause()
			.satisfies(e -> assertThat(e.getSuppressed()).containsExactly(failure));
	}

	@Test
	void aClientThatLeftIsNotAnError() {
		var response = new MockHttpServletResponse();
		var left = new IOException("Broken pipe", new ClientAbortException());
		assertThatThrownBy(() -> Downloads.write("ledger.csv", response, () -> {
			response.flushBuffer();
			throw left;
		})).isSameAs(left);
	}

	@Test
	void aCompleteDownloadIsLeftAlone() throws IOException {
		var response = new MockHttpServletResponse();
		Downloads.write("ledger.csv", response, () -> response.getOutputStream().write('x'));
		assertThat(response.getContentAsString()).isEqualTo("x");
	}

	/** Named as the container's: a client that closed its connection. */
	static final class ClientAbortException extends IOException {

		private static final long serialVersionUID = 1L;

	}

}
