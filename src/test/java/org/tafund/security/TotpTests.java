package org.tafund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** RFC 6238's own test vectors (SHA-1), and the rules around them: drift, replay, base32. */
class TotpTests {

	static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheRfcVectors() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111111)), 8)).isEqualTo("14050471");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)), 8)).isEqualTo("89005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)), 8)).isEqualTo("69279037");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
		// Six digits, as the apps show: the last six of the same value.
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
	}

	@Test
	void acceptsOneStepEitherSideAndNeverTheSameStepTwice() {
		var now = Instant.ofEpochSecond(1234567890);
		var step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, Long.MIN_VALUE)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, Long.MIN_VALUE)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, Long.MIN_VALUE)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now, step)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "123 456", now, Long.MIN_VALUE)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "12345a", now, Long.MIN_VALUE)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now, Long.MIN_VALUE)).isEmpty();
		var spaced = Totp.code(RFC_SECRET, step);
		assertThat(Totp.matchingStep(RFC_SECRET, spaced.substring(0, 3) + " " + spaced.substring(3), now, Long.MIN_VALUE))
			.hasValue(step);
	}

	@Test
	void writesAndReadsBase32AsAuthenticatorAppsDo() {
		// RFC 4648's vectors.
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.fromBase32("MZXW 6YTB OI======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
		assertThat(Totp.fromBase32(Totp.base32(RFC_SECRET))).isEqualTo(RFC_SECRET);
		assertThat(Totp.uri("tafund", "fatima officer", RFC_SECRET))
			.isEqualTo("otpauth://totp/tafund:fatima%20officer?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=tafund"
					+ "&algorithm=SHA1&digits=6&period=30");
	}

}
