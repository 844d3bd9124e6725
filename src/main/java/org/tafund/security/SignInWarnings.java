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

	private final SecondFactorPolicy policy;

	SignInWarnings(SecondFactorPolicy policy) {
		this.policy = policy;
	}

	@ModelAttribute("signInWarning")
	LoginAttempts.SignInWarning warning(HttpServletRequest request) {
		return takeOnce(request, LoginAttempts.SignInWarning.SESSION_ATTRIBUTE, LoginAttempts.SignInWarning.class);
	}

	/** An administrator's reset of the user's second factors: told once, after signing in. */
	@ModelAttribute("factorsResetNotice")
	SecondFactors.ResetNotice factorsReset(HttpServletRequest request) {
		return takeOnce(request, SecondFactors.ResetNotice.SESSION_ATTRIBUTE, SecondFactors.ResetNotice.class);
	}

	/** What sign-in left in the session for the first page to show: handed to that page, then gone. */
	private static <T> T takeOnce(HttpServletRequest request, String attribute, Class<T> type) {
		var session = request.getSession(false);
		if (session == null || !"GET".equals(request.getMethod())) {
			return null;
		}
		var value = type.cast(session.getAttribute(attribute));
		if (value != null) {
			session.removeAttribute(attribute);
		}
		return value;
	}

	/** A demo user signed in without the second factor their role needs on a real installation. */
	@ModelAttribute("demoWithoutSecondFactor")
	boolean demoWithoutSecondFactor(java.security.Principal principal) {
		return principal != null && policy.isExemptDemoUser(principal.getName())
				&& principal instanceof org.springframework.security.core.Authentication authentication
				&& policy.requiredForRoles(Role.heldBy(authentication));
	}

}
