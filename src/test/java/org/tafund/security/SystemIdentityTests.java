package org.tafund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class SystemIdentityTests {

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static Set<Role> current() {
		return Role.heldBy(SecurityContextHolder.getContext().getAuthentication());
	}

	@Test
	void runsAsTheSystemWithTheNamedRolesAndSignsOutAfterwards() {
		var seen = SystemIdentity.call(() -> SecurityContextHolder.getContext().getAuthentication().getName() + " "
				+ current(), Role.DONOR_RELATIONS, Role.FINANCE);
		assertThat(seen).isEqualTo("system [DONOR_RELATIONS, FINANCE]");
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void signsOutEvenWhenTheWorkFails() {
		assertThatThrownBy(() -> SystemIdentity.run(() -> {
			throw new IllegalStateException("broken");
		}, Role.FINANCE)).hasMessage("broken");
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void givesBackWhoeverWasSignedInBefore() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("auditor", "n/a",
					AuthorityUtils.createAuthorityList(Role.AUDITOR.authority())));
		SystemIdentity.run(() -> assertThat(current()).containsExactly(Role.ADMIN), Role.ADMIN);
		assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo("auditor");
		assertThat(current()).containsExactly(Role.AUDITOR);
	}

	@Test
	void refusesToRunWithoutARole() {
		assertThatThrownBy(() -> SystemIdentity.run(() -> {
		})).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void nobodyAnAnonymousVisitorAndAnUnauthenticatedTokenHoldNoRole() {
		assertThat(Role.heldBy(null)).isEmpty();
		assertThat(Role.heldBy(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", Role.ADMIN.authority()))))
			.isEmpty();
		assertThat(Role.heldBy(UsernamePasswordAuthenticationToken.unauthenticated("admin", "guess"))).isEmpty();
		assertThat(Role.heldBy(UsernamePasswordAuthenticationToken.authenticated("admin", "n/a",
				AuthorityUtils.createAuthorityList(Role.ADMIN.authority(), "ROLE_SOMETHING_ELSE"))))
			.containsExactly(Role.ADMIN);
	}

}
