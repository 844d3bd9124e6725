package org.tafund.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The list of common and breached passwords shipped with the application
 * ({@code security/common-passwords.txt.gz}, 437,651 entries from SecLists, MIT; see the NOTICE
 * beside it), checked without regard to case (NIST SP 800-63B 5.1.1.2). Only the entries a password
 * could be (12 characters or more, 12,425 of them) are held in memory, read the first time a
 * password is set.
 */
final class CommonPasswords {

	static final String RESOURCE = "/security/common-passwords.txt.gz";

	private static volatile Set<String> candidates;

	private CommonPasswords() {
	}

	static boolean contains(String password) {
		return loaded().contains(password.toLowerCase(Locale.ROOT));
	}

	/** How many entries the shipped list has (all of them, whatever their length). */
	static int listed() {
		var count = new int[1];
		read(line -> count[0]++);
		return count[0];
	}

	private static Set<String> loaded() {
		var set = candidates;
		if (set == null) {
			synchronized (CommonPasswords.class) {
				set = candidates;
				if (set == null) {
					var read = new HashSet<String>();
					read(line -> {
						if (line.length() >= PasswordPolicy.MIN_LENGTH) {
							read.add(line.toLowerCase(Locale.ROOT));
						}
					});
					candidates = set = Set.copyOf(read);
				}
			}
		}
		return set;
	}

	private static void read(java.util.function.Consumer<String> each) {
		var stream = CommonPasswords.class.getResourceAsStream(RESOURCE);
		if (stream == null) {
			throw new IllegalStateException("The list of common passwords is missing: " + RESOURCE);
		}
		try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(stream), StandardCharsets.UTF_8))) {
			for (String line; (line = reader.readLine()) != null;) {
				if (!line.isEmpty()) {
					each.accept(line);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Reading the list of common passwords failed", e);
		}
	}

}
