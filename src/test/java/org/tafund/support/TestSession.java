package org.tafund.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/**
 * A browser's session cookie for MockMvc: {@code .with(session)} sends it, and the handler that
 * {@link TestDatabaseConfiguration} adds to every MockMvc keeps it up to date from the answer (a
 * sign-in gives a new session id). Sessions live in the database (Spring Session), so a
 * {@code MockHttpSession} would be ignored; this is what a browser does instead.
 */
public final class TestSession implements RequestPostProcessor {

	public static final String COOKIE = "SESSION";

	private static final String ATTRIBUTE = TestSession.class.getName();

	private volatile Cookie cookie;

	private TestSession() {
	}

	/** No session yet: the first answer that opens one fills it. */
	public static TestSession fresh() {
		return new TestSession();
	}

	/** The session the answer to this request left the browser with. */
	public static TestSession of(ResultActions result) {
		return of(result.andReturn());
	}

	public static TestSession of(MvcResult result) {
		var session = (TestSession) result.getRequest().getAttribute(ATTRIBUTE);
		if (session == null) {
			session = new TestSession();
			session.update(result.getResponse());
		}
		return session;
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		request.setAttribute(ATTRIBUTE, this);
		var current = cookie;
		if (current != null) {
			var others = request.getCookies() == null ? Stream.<Cookie>empty()
					: Stream.of(request.getCookies()).filter(c -> !COOKIE.equals(c.getName()));
			request.setCookies(Stream.concat(others, Stream.of(current)).toArray(Cookie[]::new));
		}
		return request;
	}

	/** Run after every MockMvc request: the session a request sent follows what the answer set. */
	static void afterRequest(MvcResult result) {
		if (result.getRequest().getAttribute(ATTRIBUTE) instanceof TestSession session) {
			session.update(result.getResponse());
		}
	}

	private void update(MockHttpServletResponse response) {
		var set = response.getCookie(COOKIE);
		if (set != null) {
			cookie = set.getMaxAge() == 0 || set.getValue().isEmpty() ? null : new Cookie(COOKIE, set.getValue());
		}
	}

	/** The session's id, as the server knows it (the cookie carries it Base64-encoded). */
	public String id() {
		var current = cookie;
		if (current == null) {
			throw new IllegalStateException("No session was opened yet");
		}
		return new String(Base64.getDecoder().decode(current.getValue()), StandardCharsets.ISO_8859_1);
	}

	public Object attribute(SessionRepository<? extends Session> sessions, String name) {
		var session = sessions.findById(id());
		return session == null ? null : session.getAttribute(name);
	}

	/** Changes what the server keeps in this session, as if time had passed in it. */
	public <S extends Session> void setAttribute(SessionRepository<S> sessions, String name, Object value) {
		var session = sessions.findById(id());
		session.setAttribute(name, value);
		sessions.save(session);
	}

}
