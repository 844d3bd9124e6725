package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.support.IntegrationTest;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The database taken away from the running application and given back: its pool's connections are
 * closed and new ones refused (the pool's credentials changed to a user the server does not know),
 * so that, as with a server that is down, every request waits for a connection that never comes. The probe found Basic calls answered 401, the
 * sign-in page blaming the password, requests hanging 30 s into a 500 and a health check that
 * never said DOWN.
 */
@IntegrationTest
class DatabaseOutageTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	HttpResponse<String> call(String path, String basic) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20));
		if (basic != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes()));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void whileTheDatabaseIsAwayEveryoneIsToldQuicklyAndAllRecoversWhenItReturns() throws Exception {
		var hikari = (HikariDataSource) dataSource;
		var donorOfficer = "donor.officer:tafund-demo-2026";
		assertThat(call("/api/v1/donors", donorOfficer).statusCode()).isEqualTo(200);
		var username = hikari.getUsername();
		hikari.getHikariConfigMXBean().setUsername("tafund-outage-" + System.nanoTime());
		hikari.getHikariPoolMXBean().softEvictConnections();
		try {
			// A script's call: 503 with Retry-After within 3 s, not 401.
			var started = System.nanoTime();
			var api = call("/api/v1/donors", donorOfficer);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(api.body()).contains("database is unavailable");
			// Health says DOWN within 2 s.
			started = System.nanoTime();
			var health = call("/actuator/health", null);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("DOWN");
			// A signed-in user's API call and page: 503, the page says why.
			var signedIn = mvc.perform(get("/api/v1/donors").with(user("donor.officer").roles("DONOR_RELATIONS"))).andReturn();
			assertThat(signedIn.getResponse().getStatus()).isEqualTo(503);
			assertThat(signedIn.getResponse().getContentAsString()).contains("database is unavailable");
			var page = mvc.perform(get("/donors").with(user("donor.officer").roles("DONOR_RELATIONS"))).andReturn();
			assertThat(page.getResponse().getStatus()).isEqualTo(503);
			assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("30");
			assertThat(page.getResponse().getContentAsString()).contains("The database is unavailable");
			// Signing in is not called a wrong password.
			var signIn = mvc.perform(formLogin("/login").user("donor.officer").password("tafund-demo-2026")).andReturn();
			assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/login?unavailable");
			assertThat(mvc.perform(get("/login?unavailable")).andReturn().getResponse().getContentAsString())
				.contains("the database is unavailable. Your password was not checked");
		}
		finally {
			hikari.getHikariConfigMXBean().setUsername(username);
		}
		// Back without a restart, within seconds (the pool makes new connections as it is asked).
		var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		var again = call("/api/v1/donors", donorOfficer);
		while (again.statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			again = call("/api/v1/donors", donorOfficer);
		}
		assertThat(again.statusCode()).isEqualTo(200);
		var health = call("/actuator/health", null);
		while (health.statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			health = call("/actuator/health", null);
		}
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

}
