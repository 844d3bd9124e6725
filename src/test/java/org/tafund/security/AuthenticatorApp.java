package org.tafund.security;

import java.time.Instant;

/** What an authenticator app does with the key a page shows, for tests outside this package. */
public final class AuthenticatorApp {

	private AuthenticatorApp() {
	}

	/** The code the app shows at that moment for the key as the page writes it (base32, spaced). */
	public static String code(String shownKey, Instant at) {
		return Totp.code(Totp.fromBase32(shownKey), Totp.step(at));
	}

	/** The code of the next 30-second step: the current one may already have been used. */
	public static String nextCode(String shownKey, Instant at) {
		return Totp.code(Totp.fromBase32(shownKey), Totp.step(at) + 1);
	}

}
