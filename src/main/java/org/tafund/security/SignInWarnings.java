package org.tafund.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The warning of failed sign-ins since the last one ({@link LoginAttempts.SignInWarning}): on the
 * first page after signing in, then gone.
 */
@ControllerAdvice(annotations = Controller.class)
class SignInWarnings {

	@ModelAttribute("signInWarning")
	LoginAttempts.SignInWarning warning(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session == null || !"GET".equals(request.getMethod())) {
			return null;
		}
		var warning = (LoginAttempts.SignInWarning) session.getAttribute(LoginAttempts.SignInWarning.SESSION_ATTRIBUTE);
		if (warning != null) {
			session.removeAttribute(LoginAttempts.SignInWarning.SESSION_ATTRIBUTE);
		}
		return warning;
	}

}
