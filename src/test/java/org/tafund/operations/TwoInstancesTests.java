package org.tafund.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tafund.TafundApplication;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.AgreementView;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.security.NewUser;
import org.tafund.security.Role;
import org.tafund.security.UserManagement;
import org.tafund.support.ConcurrentPosts;
import org.tafund.support.IntegrationTest;
import org.tafund.support.TestDatabaseConfiguration;
import org.tafund.support.TestMail;
import org.tafund.support.Unique;

/**
 * Two application instances on one database, as behind a load balancer: this test's application
 * (A) and a second one started beside it (B), each on its own port. A browser's cookies are not
 * kept per port, so one cookie jar stands for a browser that the balancer sends to either. Both send
 * e-mail to the run's GreenMail server.
 */
@IntegrationTest
class TwoInstancesTests {

	static final String PASSWORD = "correct horse battery";

	static ConfigurableApplicationContext b;

	@LocalServerPort
	int portA;

	@Autowired
	UserManagement users;

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	ScheduledJobs jobsA;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void startSecondInstance() {
		b = new SpringApplicationBuilder(TafundApplication.class, TestDatabaseConfiguration.class).profiles("test")
			.properties("server.port=0", "spring.main.banner-mode=off", "tafund.mail.host=127.0.0.1",
					"tafund.mail.port=" + TestMail.port(), "tafund.mail.from=tafund@tafund.test")
			.run();
	}

	@AfterAll
	static void stopSecondInstance() {
		if (b != null) {
			b.close();
		}
	}

	int portB() {
		return Integer.parseInt(b.getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void aUserSignedInOnOneInstanceIsSignedInOnTheOtherUntilDisabledOnEither() throws Exception {
		var user = users.create(new NewUser(Unique.name("two.instances"), "Two Instances", null, PASSWORD,
				EnumSet.of(Role.DONOR_RELATIONS)));
		var browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

		var login = browser.send(get(portA, "/login"), HttpResponse.BodyHandlers.ofString());
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
		assertThat(csrf.find()).isTrue();
		var signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portA + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user.username()) + "&password="
					+ encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValue("/");

		var onB = browser.send(get(portB(), "/api/v1/me"), HttpResponse.BodyHandlers.ofString());
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("\"username\":\"" + user.username() + "\"");
		assertThat(browser.send(get(portB(), "/"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

		// Disabled on A: the session that B serves ends too.
		users.disable(user.id(), users.get(user.id()).version(), "admin");
		assertThat(browser.send(get(portB(), "/"), HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location"))
			.hasValue("/login?expired");
		assertThat(browser.send(get(portB(), "/api/v1/me"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(401);
	}

	@Test
	void eightParallelReceiptsSplitAcrossBothInstancesNeverOverpayAnAgreement() throws Exception {
		var agreement = agreement("1000.00");
		var body = "{\"receivedOn\":\"2025-02-01\",\"amount\":\"300.00\",\"currency\":\"USD\"}";
		var path = "/api/v1/agreements/" + agreement.id() + "/receipts";
		var targets = new ArrayList<ConcurrentPosts.Target>();
		for (int i = 0; i < 8; i++) {
			targets.add(new ConcurrentPosts.Target(i % 2 == 0 ? portA : portB(), new ConcurrentPosts.Request(path, body)));
		}
		var responses = ConcurrentPosts.postTo("finance.officer", targets);

		assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(3);
		assertThat(ConcurrentPosts.codes(responses)).hasSize(5).containsOnly("receipt.exceedsOutstanding");
		assertThat(jdbc.queryForObject("select sum(amount) from receipt where agreement_id = ?", BigDecimal.class,
				agreement.id())).isEqualByComparingTo("900.00");
		assertThat(contributions.agreement(agreement.id()).position().received().amount()).isEqualByComparingTo("900.00");
	}

	@Test
	void aReminderJobFiredOnBothInstancesAtOnceRunsOnceAndSendsOneEmail() throws Exception {
		var name = Unique.name("reminded");
		var email = name + "@tafund.test";
		var officer = users.create(new NewUser(name, "Reminded Twice?", email, PASSWORD, EnumSet.of(Role.DONOR_RELATIONS)));
		agreement("500.00");
		var jobsB = b.getBean(ScheduledJobs.class);
		JobsTests.release(jdbc, ScheduledJobs.OVERDUE_REMINDERS);
		var before = jdbc.queryForObject("select count(*) from job_run where job = ?", Integer.class,
				ScheduledJobs.OVERDUE_REMINDERS);

		var ran = both(jobsA::runOverdueReminders, jobsB::runOverdueReminders);

		assertThat(ran.get(0) ^ ran.get(1)).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from job_run where job = ?", Integer.class,
				ScheduledJobs.OVERDUE_REMINDERS)).isEqualTo(before + 1);
		assertThat(TestMail.to(email)).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from notification where username = ?", Integer.class,
				officer.username())).isEqualTo(1);
	}

	/** A USD agreement of {@code amount} signed 2025-01-15, due 2025-06-30: overdue on the tests' today. */
	AgreementView agreement(String amount) {
		var donor = donors.register(new DonorDetails(Unique.name("Two Instances Donor"), DonorType.FOUNDATION, null, null,
				null, null, true, List.of())).id();
		return contributions.createAgreement(new AgreementTerms(Unique.name("TI"), donor, "USD", new BigDecimal(amount),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null,
				LocalDate.parse("2025-01-15"), List.of(new ScheduleLine(LocalDate.parse("2025-06-30"), new BigDecimal(amount)))));
	}

	/** Both calls at the same instant, on two threads; their answers in order. */
	static <T> List<T> both(Callable<T> first, Callable<T> second) throws Exception {
		var pool = Executors.newFixedThreadPool(2);
		var start = new CountDownLatch(1);
		try {
			var one = pool.submit(() -> {
				start.await();
				return first.call();
			});
			var two = pool.submit(() -> {
				start.await();
				return second.call();
			});
			start.countDown();
			return List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));
		}
		finally {
			pool.shutdownNow();
		}
	}

	static HttpRequest get(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
