package org.tafund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tafund.support.IntegrationTest;

/**
 * Failed sign-ins are limited per address and per username (429 with Retry-After, no password
 * checked), and a script's successful call no longer clears an account's failures.
 */
@IntegrationTest
class SignInLimitTests {

	static final String PASSWORD = "a long enough password 2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	/** An address of the documentation range (RFC 5737) nobody else uses in this run. */
	static String address() {
		var random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	UserSummary user() {
		var name = "lim-" + UUID.randomUUID().toString().substring(0, 8);
		return users.create(new NewUser(name, "Limit " + name, null, PASSWORD, EnumSet.of(Role.DONOR_RELATIONS)));
	}

	MvcResult me(String address, String username, String password) throws Exception {
		return mvc.perform(get("/api/v1/me").with(from(address)).with(httpBasic(username, password))).andReturn();
	}

	@Test
	void elevenWrongPasswordsFromOneAddressGet429AfterTheTenth() throws Exception {
		var address = address();
		// Ten guesses at ten usernames: no account reaches its own lockout.
		for (int i = 0; i < 10; i++) {
			assertThat(me(address, "nobody-" + UUID.randomUUID(), "guess").getResponse().getStatus()).as("guess " + i)
				.isEqualTo(401);
		}
		var eleventh = me(address, "nobody-" + UUID.randomUUID(), "guess").getResponse();
		assertThat(eleventh.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(eleventh.getHeader("Retry-After"))).isBetween(1L, 600L);
		assertThat(eleventh.getContentAsString()).contains("Too many failed sign-ins");
		// The right password from that address waits too: nothing is checked meanwhile.
		var user = user();
		assertThat(me(address, user.username(), PASSWORD).getResponse().getStatus()).isEqualTo(429);
		// Another address is not held up.
		assertThat(me(address(), user.username(), PASSWORD).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void tenFailuresForOneUsernameHoldItFromEveryAddress() throws Exception {
		var username = "nobody-" + UUID.randomUUID();
		for (int i = 0; i < 10; i++) {
			assertThat(me(address(), username, "guess " + i).getResponse().getStatus()).isEqualTo(401);
		}
		assertThat(me(address(), username, "guess").getResponse().getStatus()).isEqualTo(429);
	}

	// The probe's 40 wrong guesses between 10 good calls never locked the account.
	@Test
	void aScriptsSuccessfulCallDoesNotClearTheFailuresThatLockAnAccount() throws Exception {
		var user = user();
		for (int i = 0; i < 4; i++) {
			assertThat(me(address(), user.username(), "guess " + i).getResponse().getStatus()).isEqualTo(401);
			assertThat(me(address(), user.username(), PASSWORD).getResponse().getStatus()).isEqualTo(200);
		}
		assertThat(me(address(), user.username(), "guess 5").getResponse().getStatus()).isEqualTo(401);
		assertThat(users.get(user.id()).locked()).isTrue();
	}

}
