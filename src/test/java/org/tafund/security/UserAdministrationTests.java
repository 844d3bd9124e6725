package org.tafund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;
import org.tafund.support.TestSession;
import org.tafund.support.Unique;

/**
 * What an administrator changes about a user on the user's page: name and e-mail, and a temporary
 * password for someone who forgot theirs, which its holder must replace before anything else.
 */
@IntegrationTest
class UserAdministrationTests {

	static final String PASSWORD = "correct horse battery";

	static final Pattern TEMPORARY = Pattern.compile("id=\"temporary-password\">([^<]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdministratorChangesANameAndAnEMailAndAWrongOneIsRefusedBesideItsField() throws Exception {
		var person = users.create(new NewUser(Unique.name("renamed"), "Old Name", null, PASSWORD,
				EnumSet.of(Role.DONOR_RELATIONS)));
		var admin = user("admin").roles("ADMIN");
		var page = "/admin/users/" + person.id() + "#details-form";
		var refused = Refused.redirect(mvc, post("/admin/users/" + person.id() + "/details")
			.param("version", String.valueOf(person.version()))
			.param("fullName", "Amina Diallo")
			.param("email", "amina.diallo at unodc.org"), admin, page);
		assertThat(Refused.fieldError(refused, "detailsForm", "email")).isEqualTo("user.email.invalid");
		refused = Refused.redirect(mvc, post("/admin/users/" + person.id() + "/details")
			.param("version", String.valueOf(person.version()))
			.param("fullName", "  ")
			.param("email", ""), admin, page);
		assertThat(Refused.fieldError(refused, "detailsForm", "fullName")).isEqualTo("user.fullName.required");
		assertThat(Refused.follow(mvc, refused, admin)).contains("Give the person’s full name.");

		mvc.perform(post("/admin/users/" + person.id() + "/details").param("version", String.valueOf(person.version()))
			.param("fullName", "Amina Diallo")
			.param("email", "amina.diallo@unodc.org")
			.with(admin)
			.with(csrf())).andExpect(redirectedUrl("/admin/users/" + person.id()));
		var changed = users.get(person.id());
		assertThat(changed.fullName()).isEqualTo("Amina Diallo");
		assertThat(changed.email()).isEqualTo("amina.diallo@unodc.org");
		assertThat(changed.username()).isEqualTo(person.username());
		// A second page still on the old version is told, not obeyed.
		refused = Refused.redirect(mvc, post("/admin/users/" + person.id() + "/details")
			.param("version", String.valueOf(person.version()))
			.param("fullName", "Someone Else")
			.param("email", ""), admin, page);
		assertThat(Refused.follow(mvc, refused, admin)).contains("Someone else changed user " + person.username());
		assertThat(users.get(person.id()).fullName()).isEqualTo("Amina Diallo");
	}

	@Test
	void aResetPasswordIsShownOnceAndMustBeReplacedBeforeAnythingElse() throws Exception {
		var person = users.create(new NewUser(Unique.name("forgetful"), "Forgetful Person", null, PASSWORD,
				EnumSet.of(Role.DONOR_RELATIONS)));
		var before = TestSession.of(mvc.perform(formLogin("/login").user(person.username()).password(PASSWORD))
			.andExpect(redirectedUrl("/")));

		var answer = mvc.perform(post("/admin/users/" + person.id() + "/password-reset")
			.param("version", String.valueOf(person.version()))
			.with(user("admin").roles("ADMIN"))
			.with(csrf())).andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store")).andReturn();
		var matcher = TEMPORARY.matcher(answer.getResponse().getContentAsString());
		assertThat(matcher.find()).isTrue();
		var temporary = matcher.group(1);
		assertThat(temporary).matches("([a-zA-Z2-9]{5}-){3}[a-zA-Z2-9]{5}");

		// The old password and the old session are gone.
		mvc.perform(get("/").with(before)).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/login")));
		mvc.perform(formLogin("/login").user(person.username()).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error"));

		var session = TestSession.of(mvc.perform(formLogin("/login").user(person.username()).password(temporary))
			.andExpect(redirectedUrl("/")));
		mvc.perform(get("/donors").with(session)).andExpect(redirectedUrl("/account/password"));
		var passwordPage = mvc.perform(get("/account/password").with(session)).andExpect(status().isOk()).andReturn();
		assertThat(passwordPage.getResponse().getContentAsString())
			.contains("You signed in with a temporary password: choose your own to go on.");
		mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), temporary)))
			.andExpect(status().isUnauthorized());
		// Nor with the page's session: a token made with it would outlive the temporary password.
		mvc.perform(get("/api/v1/me").with(session)).andExpect(status().isUnauthorized());

		mvc.perform(post("/account/password").param("currentPassword", temporary)
			.param("newPassword", "a sentence of my own choosing")
			.param("confirmPassword", "a sentence of my own choosing")
			.with(session)
			.with(csrf())).andExpect(redirectedUrl("/"));
		mvc.perform(get("/donors").with(session)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), "a sentence of my own choosing")))
			.andExpect(status().isOk());
		assertThat(jdbc.queryForObject("SELECT password_change_required FROM app_user WHERE id = ?", Boolean.class,
				person.id())).isFalse();
	}

	@Test
	void anAdministratorDoesNotResetTheirOwnPassword() throws Exception {
		var admin = users.create(new NewUser(Unique.name("self.admin"), "Self Admin", null, PASSWORD,
				EnumSet.of(Role.ADMIN)));
		var refused = Refused.redirect(mvc, post("/admin/users/" + admin.id() + "/password-reset")
			.param("version", String.valueOf(admin.version())), user(admin.username()).roles("ADMIN"),
				"/admin/users/" + admin.id() + "#password-reset");
		var problem = (org.springframework.context.MessageSourceResolvable) refused.getFlashMap().get("passwordProblem");
		assertThat(problem.getCodes()[0]).isEqualTo("password.reset.self");
		mvc.perform(post("/admin/users/" + admin.id() + "/password-reset").param("version", "0")
			.with(user("donor.officer").roles("DONOR_RELATIONS"))
			.with(csrf())).andExpect(status().isForbidden());
	}

}
