package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Channel;
import org.tafund.projects.Codes.Subject;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Theme;
import org.tafund.projects.ProjectDetails;
import org.tafund.projects.ProjectManagement;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.support.IntegrationTest;
import org.tafund.support.SignedIn;
import org.tafund.support.Statements;
import org.tafund.support.TestClock;
import org.tafund.support.Unique;

/**
 * The busiest lists cost the same number of SQL statements for a page of 100 rows as for a page
 * of 25 (issue 15): nothing is read once per row. Each list here has at least 100 rows of this
 * class's own, so that both pages are full.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListStatementsTests {

	private static final int ROWS = 100;

	@Autowired
	MockMvc mvc;

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	ProjectManagement projects;

	@Autowired
	ReferenceCatalogue reference;

	private final String tag = Unique.suffix();

	@BeforeAll
	void aHundredRowsOnEachList() {
		try (var officer = SignedIn.as("finance.officer", Role.FINANCE, Role.DONOR_RELATIONS)) {
			var today = TestClock.today();
			long first = 0;
			for (int n = 0; n < ROWS; n++) {
				// Donors with contacts (each donor's contacts are a collection of its own).
				long donor = donors.register(new DonorDetails("Counted " + tag + " " + n, DonorType.FOUNDATION, null, null,
						null, null, true, List.of())).id();
				first = n == 0 ? donor : first;
				// Each agreement has two instalments past due; some have received part of them.
				var agreement = contributions.createAgreement(new AgreementTerms("CNT-" + tag + "-" + n, donor, "USD",
						new BigDecimal("1000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
						null, null, today.minusDays(120),
						List.of(new ScheduleLine(today.minusDays(90), new BigDecimal("400.00")),
								new ScheduleLine(today.minusDays(30), new BigDecimal("600.00")))));
				if (n % 3 == 0) {
					contributions.recordReceipt(agreement.id(), new ReceiptCommand(today.minusDays(60),
							new BigDecimal("100.00"), "USD", "CNT-" + tag + "-" + n, null, false));
				}
				projects.createProject(new ProjectDetails("CNT-" + tag + "-" + n, "Counted " + n, null, Theme.MLA,
						Set.of(Instrument.UNTOC), Set.of("SEN"), reference.implementingEntity("UNODC-ROSEN").orElseThrow().id(),
						Set.of("project.manager"), null, null, null, null, 2, "15130", null, Set.of(),
						List.of(new ProjectDetails.Budget(2026, BudgetCategory.TRAVEL, new BigDecimal("5000.00")))));
				// Received long ago: worklists list the latest requests, and these must not crowd out another test's.
				projects.recordRequest("SEN", java.time.LocalDate.of(2019, 1, 1).plusDays(n), Channel.NOTE_VERBALE,
						Set.of(Subject.EXTRADITION, Subject.MUTUAL_LEGAL_ASSISTANCE), Set.of(Instrument.UNTOC),
						"Counted request " + tag + " " + n);
			}
		}
	}

	@Test
	void contributions() throws Exception {
		sameAtTwentyFiveAndAHundred("/contributions?q=" + tag, "agreements");
	}

	@Test
	void overdueInstalments() throws Exception {
		// Two overdue instalments per agreement: 200 lines for this class's donors.
		sameAtTwentyFiveAndAHundred("/contributions/overdue?q=" + tag, "overdue");
	}

	@Test
	void donors() throws Exception {
		sameAtTwentyFiveAndAHundred("/donors?q=" + tag, "donors");
	}

	@Test
	void projects() throws Exception {
		// The projects list has no text filter; this class's hundred make every page of 100 full.
		sameAtTwentyFiveAndAHundred("/projects?theme=MLA", "projects");
	}

	@Test
	void requests() throws Exception {
		// Each request with its subjects and instruments (collections of their own).
		sameAtTwentyFiveAndAHundred("/projects/requests?status=RECEIVED", "requests");
	}

	@Test
	void projectsThroughTheApi() {
		// The API's projects in full (budget table, allocated and spent), their sums read for the whole page at once.
		var small = Statements.during(() -> apiRows("/api/v1/projects?theme=MLA&size=25"));
		var large = Statements.during(() -> apiRows("/api/v1/projects?theme=MLA&size=100"));
		assertThat(small.result()).isEqualTo(25);
		assertThat(large.result()).isEqualTo(100);
		assertThat(large.statements()).as("API statements for 100 projects against 25").isEqualTo(small.statements())
			.isPositive();
	}

	private int apiRows(String address) {
		try {
			var json = mvc.perform(get(address).with(user("finance.officer").roles("FINANCE")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			return com.jayway.jsonpath.JsonPath.read(json, "$.length()");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private void sameAtTwentyFiveAndAHundred(String list, String table) throws Exception {
		// Once before counting: what a first request reads once (a cache filled) is not the page's.
		page(list + "&size=25", table);
		var small = page(list + "&size=25", table);
		var large = page(list + "&size=100", table);
		assertThat(small.rows()).as(list + " at 25").isEqualTo(25);
		assertThat(large.rows()).as(list + " at 100").isEqualTo(100);
		assertThat(large.statements()).as(list + ": statements for 100 rows against 25").isEqualTo(small.statements());
		// A few dozen (each transaction is three round trips of its own), not one per row; and counted at all.
		assertThat(small.statements()).as(list).isLessThan(40).isPositive();
	}

	private record Measured(int rows, long statements) {
	}

	private static final Pattern ROW = Pattern.compile("<tr[ >]");

	private Measured page(String address, String table) throws Exception {
		var counted = Statements.during(() -> {
			try {
				return mvc.perform(get(address).with(user("finance.officer").roles("FINANCE")))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		var html = counted.result();
		int at = html.indexOf("id=\"" + table + "\"");
		assertThat(at).as("table " + table + " on " + address).isPositive();
		int start = html.indexOf("<tbody>", at);
		var body = html.substring(start, html.indexOf("</tbody>", start));
		return new Measured((int) ROW.matcher(body).results().count(), counted.statements());
	}

}
