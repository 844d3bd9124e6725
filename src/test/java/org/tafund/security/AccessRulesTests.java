package org.tafund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.tafund.security.Right.Reach;

/**
 * Access rules name rights, and only {@link Right} says which roles hold them: no role string in
 * a route rule, a {@code @PreAuthorize} or a template, and the project-manager rule once.
 */
class AccessRulesTests {

	/** Role checks written as strings: Spring Security expressions, authorities, or role names in quotes. */
	static final Pattern ROLE_STRING = Pattern.compile(
			"has(Any)?(Role|Authority)\\s*\\(\\s*['\"]|ROLE_|['\"](ADMIN|AUDITOR|FINANCE|DONOR_RELATIONS|PROJECT_MANAGER)['\"]");

	/** The only file that may spell a role as Spring Security sees it. */
	static final Path ROLE = Path.of("src/main/java/org/tafund/security/Role.java");

	@Test
	void namesNoRoleAsAStringOutsideTheRoleEnum() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			for (var file : files.filter(Files::isRegularFile)
				.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".html"))
				.filter(f -> !f.equals(ROLE))
				.toList()) {
				var lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					if (ROLE_STRING.matcher(lines.get(i)).find()) {
						found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theScanFindsARoleStringWhereOneIsWritten() {
		assertThat(ROLE_STRING.matcher("<a sec:authorize=\"hasAnyRole('FINANCE','ADMIN')\">").find()).isTrue();
		assertThat(ROLE_STRING.matcher("@PreAuthorize(\"hasRole('ADMIN')\")").find()).isTrue();
		assertThat(ROLE_STRING.matcher(".requestMatchers(\"/x\").hasAuthority(\"ROLE_ADMIN\")").find()).isTrue();
		assertThat(ROLE_STRING.matcher("<a sec:authorize=\"@access.keepsAccounts()\">").find()).isFalse();
		assertThat(ROLE_STRING.matcher(".hasAnyAuthority(KEEP_ACCOUNTS.authorities())").find()).isFalse();
	}

	static Authentication as(Role... roles) {
		var names = Stream.of(roles).map(Role::authority).toArray(String[]::new);
		return UsernamePasswordAuthenticationToken.authenticated("someone", "n/a",
				AuthorityUtils.createAuthorityList(names));
	}

	@Test
	void aRightHeldOnlyAsProjectManagerReachesOnlyOwnProjects() {
		assertThat(Right.RUN_PROJECTS.reachOf(as(Role.PROJECT_MANAGER))).isEqualTo(Reach.OWN_PROJECTS);
		assertThat(Right.RUN_PROJECTS.reachOf(as(Role.PROJECT_MANAGER, Role.FINANCE))).isEqualTo(Reach.ALL_PROJECTS);
		assertThat(Right.RUN_PROJECTS.reachOf(as(Role.ADMIN))).isEqualTo(Reach.ALL_PROJECTS);
		assertThat(Right.RUN_PROJECTS.reachOf(as(Role.AUDITOR))).isEqualTo(Reach.NONE);
		assertThat(Right.READ_PROJECT_REPORTS.reachOf(as(Role.PROJECT_MANAGER))).isEqualTo(Reach.OWN_PROJECTS);
		assertThat(Right.READ_PROJECT_REPORTS.reachOf(as(Role.PROJECT_MANAGER, Role.AUDITOR)))
			.isEqualTo(Reach.ALL_PROJECTS);
		assertThat(Right.READ_PROJECT_REPORTS.reachOf(as(Role.DONOR_RELATIONS))).isEqualTo(Reach.NONE);
	}

	@Test
	void nobodySignedInHoldsNoRight() {
		var anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		for (var right : Right.values()) {
			assertThat(right.heldBy(null)).isFalse();
			assertThat(right.heldBy(anonymous)).isFalse();
			assertThat(right.reachOf(null)).isEqualTo(Reach.NONE);
		}
	}

	@Test
	void eachRightIsHeldByItsRolesOnly() {
		assertThat(Right.KEEP_ACCOUNTS.heldBy(as(Role.FINANCE))).isTrue();
		assertThat(Right.KEEP_ACCOUNTS.heldBy(as(Role.DONOR_RELATIONS, Role.AUDITOR))).isFalse();
		assertThat(Right.KEEP_DONORS.authorities()).containsExactlyInAnyOrder(Role.DONOR_RELATIONS.authority(),
				Role.ADMIN.authority());
		assertThat(Right.ADMINISTER.roles()).containsExactly(Role.ADMIN);
	}

}
