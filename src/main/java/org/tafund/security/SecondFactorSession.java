package org.tafund.security;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The sign-in between the password and the second factor. A password that is right for someone
 * who needs a second factor gives a session that holds only {@link #PENDING}: every rule that names
 * a role refuses it, and {@link SecondFactorGate} sends it to the second-factor page. The full sign-in
 * waits in the session and replaces it once the second factor is shown, under a new session id.
 */
final class SecondFactorSession {

	static final String PENDING = "SECOND_FACTOR_PENDING";

	static final String WAITING = SecondFactorSession.class.getName() + ".WAITING";

	static final String CONFIRMED_AT = SecondFactorSession.class.getName() + ".CONFIRMED_AT";

	static final String PAGE = "/sign-in/second-factor";

	private static final SecurityContextRepository CONTEXTS = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private SecondFactorSession() {
	}

	static boolean isPending(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> PENDING.equals(a.getAuthority()));
	}

	/** Keeps the full sign-in aside and leaves the session holding only {@link #PENDING}. */
	static void hold(Authentication full, HttpServletRequest request, HttpServletResponse response) {
		request.getSession().setAttribute(WAITING, full);
		var pending = UsernamePasswordAuthenticationToken.authenticated(full.getPrincipal(), null,
				List.of(new SimpleGrantedAuthority(PENDING)));
		pending.setDetails(full.getDetails());
		save(pending, request, response);
	}

	/**
	 * The second factor was shown: a pending sign-in becomes the full one (new session id), and either
	 * way the confirmation counts as recent for approving and changing factors.
	 */
	static void passed(HttpServletRequest request, HttpServletResponse response) {
		var session = request.getSession();
		var waiting = (Authentication) session.getAttribute(WAITING);
		if (waiting != null && isPending(SecurityContextHolder.getContext().getAuthentication())) {
			session.removeAttribute(WAITING);
			request.changeSessionId();
			save(waiting, request, response);
		}
		request.getSession().setAttribute(CONFIRMED_AT, Instant.now());
	}

	/** Where to go once signed in: the page first asked for, else home. */
	static String next(HttpServletRequest request, HttpServletResponse response, String wanted) {
		if (wanted != null && wanted.startsWith("/") && !wanted.startsWith("//") && !wanted.startsWith("/\\")) {
			return wanted;
		}
		var cache = new HttpSessionRequestCache();
		var saved = cache.getRequest(request, response);
		cache.removeRequest(request, response);
		return saved == null || !"GET".equals(saved.getMethod()) ? "/" : saved.getRedirectUrl();
	}

	private static void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		CONTEXTS.saveContext(context, request, response);
	}

	/** After the password: on to the second factor for those who need one, else as before. */
	static final class SignIn extends SavedRequestAwareAuthenticationSuccessHandler {

		private final SecondFactors factors;

		private final UserManagement users;

		SignIn(SecondFactors factors, UserManagement users) {
			this.factors = factors;
			this.users = users;
			setDefaultTargetUrl("/");
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException, ServletException {
			if (users.passwordChangeRequired(authentication.getName())) {
				// Survives the new session id of the second factor; the password page removes it.
				request.getSession().setAttribute(PasswordChangeGate.REQUIRED, Boolean.TRUE);
			}
			if (factors.requiredAtSignIn(authentication.getName())) {
				hold(authentication, request, response);
				getRedirectStrategy().sendRedirect(request, response, PAGE);
				return;
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}

	}

}
