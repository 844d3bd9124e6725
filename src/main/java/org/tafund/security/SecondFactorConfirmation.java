package org.tafund.security;

import java.time.Instant;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.tafund.shared.ForbiddenAction;

/**
 * Asks the signed-in user to have shown their second factor within the last minutes
 * ({@code tafund.second-factor.confirmation-lasts}, 5 by default) before an act that needs it:
 * approving a record with an amount, changing one's factors. Someone with no second factor has
 * nothing to show and is not asked; a script's token cannot show one and is refused.
 */
@Component
public class SecondFactorConfirmation {

	private final SecondFactors factors;

	private final SecondFactorPolicy policy;

	SecondFactorConfirmation(SecondFactors factors, SecondFactorPolicy policy) {
		this.factors = factors;
		this.policy = policy;
	}

	/** Returns when the current user confirmed recently or has no second factor; else throws. */
	public void requireRecent() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !factors.hasAny(authentication.getName())) {
			return;
		}
		if (authentication.getAuthorities().stream().anyMatch(a -> TokenManagement.BY_TOKEN.equals(a.getAuthority()))) {
			throw new Required();
		}
		if (!recent()) {
			throw new Required(policy.confirmationLasts().toMinutes());
		}
	}

	private boolean recent() {
		var request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return false;
		}
		var at = (Instant) request.getAttribute(SecondFactorSession.CONFIRMED_AT, RequestAttributes.SCOPE_SESSION);
		return at != null && at.plus(policy.confirmationLasts()).isAfter(Instant.now());
	}

	/** The act waits for a confirmation with the second factor (403; pages lead to the confirmation). */
	public static final class Required extends ForbiddenAction {

		/** Not confirmed within the last {@code minutes}. */
		Required(long minutes) {
			super("secondFactor.confirm.first", minutes);
		}

		/** A token cannot show a second factor. */
		Required() {
			super("secondFactor.confirm.notWithToken");
		}

		/** Where a page sends the user to confirm, and back to {@code returnTo} afterwards. */
		public static String confirmationPage(String returnTo) {
			return SecondFactorSession.PAGE + "?continue=" + java.net.URLEncoder.encode(returnTo,
					java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
