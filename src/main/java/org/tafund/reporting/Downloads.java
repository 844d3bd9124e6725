package org.tafund.reporting;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A download that fails part-way fails for the client too. Before its first bytes have left, a
 * failure is answered as any other (503 when the database is away, 500 otherwise), nothing of the
 * file kept. Once bytes have left, the status can no longer change: the failure is logged with the
 * request id and thrown on to the servlet container as {@link Aborted}, which no error handler of
 * the application answers, so the container closes the connection at once, without the chunk that
 * ends a complete response. The client's download then fails ("network error", curl's exit 18)
 * instead of ending as if complete: a ledger cut mid-row, an XLSX or PDF without its end.
 */
final class Downloads {

	private static final Logger log = LoggerFactory.getLogger(Downloads.class);

	/** What writes the file to the response. */
	@FunctionalInterface
	interface Body {

		void write() throws IOException;

	}

	/**
	 * Thrown once a download has begun: the client must see it fail. The failure is kept as
	 * suppressed, not as the cause: Spring matches exception handlers on causes too, and one of the
	 * application's (a 503 for a database away) would otherwise answer it by writing a page after
	 * the file and ending the response as if complete.
	 */
	static final class Aborted extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Aborted(String file, Throwable failure) {
			super("Download of " + file + " aborted part-way: " + failure);
			addSuppressed(failure);
		}

	}

	private Downloads() {
	}

	private static boolean clientLeft(Throwable e) {
		for (var cause = e; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().equals("ClientAbortException")) {
				return true;
			}
		}
		return false;
	}

	static void write(String file, HttpServletResponse response, Body body) throws IOException {
		try {
			body.write();
		}
		catch (IOException | RuntimeException e) {
			if (!response.isCommitted()) {
				// Nothing has left: the error answer replaces what was buffered of the file, and its
				// headers (an attachment's name): reset, unlike resetBuffer, also frees the response for
				// the error page's writer after the file's output stream.
				var requestId = response.getHeader(org.tafund.shared.RequestId.HEADER);
				response.reset();
				if (requestId != null) {
					response.setHeader(org.tafund.shared.RequestId.HEADER, requestId);
				}
				throw e;
			}
			if (clientLeft(e)) {
				// The client closed the connection itself: nothing is left to tell it.
				log.debug("Download of {} ended by the client", file);
				throw e;
			}
			// The request id is in the logging context (RequestIds), so this line names the request.
			log.error("Download of {} aborted part-way; the client's connection is closed without completing it", file, e);
			throw new Aborted(file, e);
		}
	}

}
