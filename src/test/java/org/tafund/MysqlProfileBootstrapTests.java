package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tafund.security.NoAdministratorConfigured;
import org.tafund.security.Role;
import org.tafund.security.UserManagement;
import org.tafund.support.RequiresTestDatabase;
import org.tafund.support.TestDatabase;

/**
 * The production profile on a database of its own, created empty for this test on the test
 * server: it stops without a first administrator, and creates the one it is given.
 */
@ExtendWith(RequiresTestDatabase.class)
class MysqlProfileBootstrapTests {

	@Test
	void refusesAnEmptyDatabaseWithoutAnAdministratorAndCreatesTheOneItIsGiven() throws Exception {
		var server = TestDatabase.get();
		var name = "tafund_boot_" + UUID.randomUUID().toString().substring(0, 8);
		try (var connection = server.open(); var statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		var fresh = server.withDatabase(name);
		try {
			var refused = catchThrowable(() -> start(fresh, "", "").close());
			assertThat(causes(refused)).as("startup failure").isInstanceOf(NoAdministratorConfigured.class);
			assertThat(causes(refused).getMessage()).contains("TAFUND_ADMIN_USER").contains("TAFUND_ADMIN_PASSWORD");

			try (var app = start(fresh, "first.admin", "a long first admin password")) {
				var users = app.getBean(UserManagement.class).list();
				assertThat(users).singleElement().satisfies(user -> {
					assertThat(user.username()).isEqualTo("first.admin");
					assertThat(user.roles()).containsExactly(Role.ADMIN);
				});
				// Scripts use tokens here: a password on the API (HTTP Basic) is refused, a token works.
				var port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) app).getWebServer()
					.getPort();
				var http = java.net.http.HttpClient.newHttpClient();
				var basic = http.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/me"))
					.header("Authorization", "Basic " + java.util.Base64.getEncoder()
						.encodeToString("first.admin:a long first admin password".getBytes()))
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
				assertThat(basic.statusCode()).isEqualTo(401);
				var token = app.getBean(org.tafund.security.TokenManagement.class)
					.create("first.admin", "bootstrap check", "READ", 1)
					.secret();
				var bearer = http.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/me"))
					.header("Authorization", "Bearer " + token)
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
				assertThat(bearer.statusCode()).isEqualTo(200);
			}
			// Once somebody exists, the variables are no longer needed.
			try (var app = start(fresh, "", "")) {
				assertThat(app.getBean(UserManagement.class).count()).isEqualTo(1);
			}
		}
		finally {
			try (var connection = server.open(); var statement = connection.createStatement()) {
				statement.execute("DROP DATABASE " + name);
			}
		}
	}

	private static ConfigurableApplicationContext start(TestDatabase.Connection db, String adminUser,
			String adminPassword) {
		return new SpringApplicationBuilder(TafundApplication.class).profiles("mysql")
			.run("--server.port=0", "--spring.main.banner-mode=off", "--TAFUND_DB_URL=" + db.url(),
					"--TAFUND_DB_USER=" + db.username(), "--TAFUND_DB_PASSWORD=" + db.password(),
					"--TAFUND_ADMIN_USER=" + adminUser, "--TAFUND_ADMIN_PASSWORD=" + adminPassword,
					"--spring.jmx.enabled=false");
	}

	private static Throwable causes(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof NoAdministratorConfigured) {
				return t;
			}
		}
		return failure;
	}

}
