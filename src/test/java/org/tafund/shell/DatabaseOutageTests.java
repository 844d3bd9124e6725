package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;

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
		var hikari = dataSource.unwrap(HikariDataSource.class);
		var donorOfficer = "donor.officer:tafund-demo-2026";
		assertThat(call("/api/v1/donors", donorOfficer).statusCode()).isEqualTo(200);
		var browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL)).build();
		var opened = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(opened.body());
		assertThat(token.find()).isTrue();
		var csrf = java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
		var before = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=donor.officer&password=tafund-demo-2026&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(before.headers().firstValue("Location")).hasValue("/");
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
			// A user signed in before the outage (the session is a row in the database too): the API
			// call and the page answer 503 and say why.
			var signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/donors")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(signedIn.statusCode()).isEqualTo(503);
			assertThat(signedIn.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			assertThat(signedIn.body()).contains("database is unavailable");
			var page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/donors")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(page.body()).contains("The database is unavailable");
			// Signing in is not called a wrong password: the sign-in page that was open before the
			// outage is sent, and the answer says the database is away; so does the page opened now.
			var signIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=donor.officer&password=tafund-demo-2026&_csrf=" + csrf))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(signIn.statusCode()).isEqualTo(503);
			assertThat(signIn.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(signIn.body()).contains("The database is unavailable").doesNotContain("password");
			var loginPage = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(loginPage.statusCode()).isEqualTo(503);
			assertThat(loginPage.body()).contains("The database is unavailable");
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
