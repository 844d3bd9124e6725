package org.tafund.security;

import java.security.SecureRandom;

/**
 * Temporary passwords an administrator hands over: 20 characters from an alphabet without look-alike
 * characters (no 0/O, 1/l/I), in groups of five, so that it can be read out and typed. About 98 bits.
 */
final class TemporaryPasswords {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TemporaryPasswords() {
	}

	static String make() {
		var password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 5 == 0) {
				password.append('-');
			}
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
