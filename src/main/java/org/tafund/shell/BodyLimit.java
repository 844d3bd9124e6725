package org.tafund.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are bounded before anything reads them: 1 MB, 10 MB for the file imports. A
 * declared length above the limit is answered 413 at once, nothing read; a body sent without a
 * length (chunked) is counted as it is read and cut at the limit (the reader fails, answered 413).
 * Four parallel 80 MB bodies once ran the application out of memory.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimit {

	static final long LIMIT = 1024 * 1024;

	static final long IMPORT_LIMIT = 10 * 1024 * 1024;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> bodyLimitFilter() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter());
		// First of all filters: the sign-in form's parameters are a body too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** The limit of a request: the imports take files, everything else forms and JSON. */
	static long limitOf(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return path.endsWith("/import") ? IMPORT_LIMIT : LIMIT;
	}

	static final class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			long limit = limitOf(request);
			if (request.getContentLengthLong() > limit) {
				tooLarge(request, response, limit);
				return;
			}
			try {
				chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, limit) : request, response);
			}
			catch (ServletException | IOException | RuntimeException e) {
				if (!response.isCommitted() && causedByTooLarge(e)) {
					response.reset();
					tooLarge(request, response, limit);
					return;
				}
				throw e;
			}
		}

		private static boolean causedByTooLarge(Throwable e) {
			for (var t = e; t != null; t = t.getCause()) {
				if (t instanceof TooLarge) {
					return true;
				}
			}
			return false;
		}

		private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
				throws IOException {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			// The client may still be sending: tell it to stop rather than read what it sends.
			response.setHeader("Connection", "close");
			var detail = "The request body is larger than " + (limit / (1024 * 1024)) + " MB.";
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.setContentType("application/problem+json");
				response.getOutputStream()
					.write(("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\""
							+ detail + "\"}").getBytes(StandardCharsets.UTF_8));
			}
			else {
				response.setContentType("text/plain;charset=UTF-8");
				response.getOutputStream().write(detail.getBytes(StandardCharsets.UTF_8));
			}
		}

	}

	/** A body read past the limit. */
	static final class TooLarge extends IOException {

		TooLarge(long limit) {
			super("The request body is larger than " + limit + " bytes.");
		}

	}

	/** A request whose body, of no declared length, is cut at the limit. */
	static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				var in = super.getInputStream();
				stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws TooLarge {
						read += n;
						if (read > limit) {
							throw new TooLarge(limit);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return stream;
		}

	}

}
