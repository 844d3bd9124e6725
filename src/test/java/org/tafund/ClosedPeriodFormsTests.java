package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tafund.books.Journal;
import org.tafund.books.PeriodClosing;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.AgreementView;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ReceiptView;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Theme;
import org.tafund.projects.Codes;
import org.tafund.projects.ProjectDetails;
import org.tafund.projects.ProjectManagement;
import org.tafund.projects.ProjectView;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;
import org.tafund.support.OwnDatabase;
import org.tafund.support.SignedIn;
import org.tafund.support.Unique;

/**
 * Every page form that dates a money event, refused for a closed period: the page comes back
 * (200, as the manual journal entry does) with the message beside the date field, or beside the
 * button of an action dated today, with what was typed kept, and nothing stored. The API refuses
 * the same with a 422 problem carrying the code. On a database of its own: closing a month is
 * global.
 */
@IntegrationTest
@OwnDatabase
class ClosedPeriodFormsTests {

	static final YearMonth CLOSED = YearMonth.of(2026, 3);

	static final String IN_CLOSED = "2026-03-20";

	/** What the message says of March, whoever closed it. */
	static final String MARCH_CLOSED = "March 2026 is closed (closed on ";

	static final String REOPENS = "date it on or after 1 Apr 2026.";

	static final RequestPostProcessor FINANCE = user("finance.officer").roles("FINANCE");

	static final RequestPostProcessor DONOR_RELATIONS = user("donor.officer").roles("DONOR_RELATIONS");

	/** Made once for the class: February's records, then February and March closed. */
	record Fixture(long donor, AgreementView agreement, ReceiptView receipt, AgreementView unpaid, ProjectView project,
			long expenditure) {
	}

	static Fixture fixture;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ProjectManagement projects;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	PeriodClosing closing;

	@Autowired
	Journal journal;

	@BeforeEach
	void closeFebruaryAndMarch() {
		if (fixture != null) {
			return;
		}
		long donor = donors.register(new DonorDetails(Unique.name("Closed Period Donor"), DonorType.FOUNDATION, null,
				null, null, null, true, List.of())).id();
		var agreement = contributions.createAgreement(terms(donor, "100000.00", LocalDate.parse("2026-02-10")));
		var receipt = contributions.recordReceipt(agreement.id(), new ReceiptCommand(LocalDate.parse("2026-02-20"),
				new BigDecimal("10000.00"), "USD", "FEB-WIRE", null, false));
		closing.closeMonth(YearMonth.of(2026, 2));
		closing.closeMonth(CLOSED);
		var unpaid = contributions.createAgreement(terms(donor, "5000.00", LocalDate.parse("2026-04-10")));
		try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) {
			var project = projects.createProject(new ProjectDetails(Unique.name("CP").substring(0, 11), "Closed period project",
					null, Theme.MLA, Set.of(Codes.Instrument.UNTOC), Set.of("SEN"),
					reference.implementingEntity("UNODC-ROSEN").orElseThrow().id(), Set.of("project.manager"), null, null,
					null, null, 2, "15130", null, Set.of(), List.of()));
			projects.allocate(agreement.id(), project.id(), new BigDecimal("20000.00"), LocalDate.parse("2026-04-15"));
			var spent = projects.spend(project.id(), null, LocalDate.parse("2026-04-20"), BudgetCategory.TRAVEL,
					new BigDecimal("1000.00"), "USD", "APR-TICKET", null);
			fixture = new Fixture(donor, contributions.agreement(agreement.id()), receipt,
					contributions.agreement(unpaid.id()), project, spent.id());
		}
	}

	@Test
	void keepsANewAgreementSignedInAClosedMonthWithTheMessageBesideTheSignatureDate() throws Exception {
		var reference = Unique.name("CLOSED-NEW");
		var before = stored();
		var page = refused(DONOR_RELATIONS, post("/contributions/agreements")
			.param("donorId", String.valueOf(fixture.donor()))
			.param("reference", reference)
			.param("currency", "USD")
			.param("amount", "65432.10")
			.param("window", "CPCJF_GENERAL_PURPOSE")
			.param("earmarkLevel", "1")
			.param("signedOn", IN_CLOSED)
			.param("instalments[0].dueOn", "2026-12-31")
			.param("instalments[0].amount", "65432.10"));
		assertBeside(page, "signedOn");
		assertThat(page).contains("value=\"" + reference + "\"")
			.contains("value=\"65432.10\"")
			.contains("value=\"" + IN_CLOSED + "\"")
			.contains("value=\"2026-12-31\"");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void keepsASignatureDatedInAClosedMonthWithTheMessageBesideItsDate() throws Exception {
		var draft = contributions.createAgreement(terms(fixture.donor(), "7000.00", null));
		var before = stored();
		var page = refused(DONOR_RELATIONS, post("/contributions/agreements/{id}/sign", draft.id())
			.param("version", String.valueOf(draft.version()))
			.param("signedOn", IN_CLOSED));
		assertBeside(page, "signedOn");
		assertThat(page).contains("id=\"signOn\"").contains("value=\"" + IN_CLOSED + "\"");
		assertThat(stored()).isEqualTo(before);
		assertThat(contributions.agreement(draft.id()).signedOn()).isNull();
	}

	@Test
	void keepsAnAmendmentDatedInAClosedMonthWithTheMessageBesideItsDateAndThePanelOpen() throws Exception {
		var agreement = fixture.agreement();
		var reason = Unique.name("Top-up");
		var before = stored();
		var page = refused(DONOR_RELATIONS, post("/contributions/agreements/{id}/amendments", agreement.id())
			.param("version", String.valueOf(agreement.version()))
			.param("amendedOn", IN_CLOSED)
			.param("amount", "123456.78")
			.param("reason", reason)
			.param("instalments[0].dueOn", "2026-09-30")
			.param("instalments[0].amount", "123456.78"));
		assertBeside(page, "amendedOn");
		assertThat(page).containsPattern("<details[^>]*id=\"amendment-panel\"[^>]*open")
			.contains("value=\"" + reason + "\"")
			.contains("value=\"123456.78\"")
			.contains("value=\"2026-09-30\"");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void keepsAReceiptDatedInAClosedMonthWithTheMessageBesideItsDateAndTheApiAnswers422() throws Exception {
		var agreement = fixture.agreement();
		var wire = Unique.name("WIRE");
		var before = stored();
		var page = refused(FINANCE, post("/contributions/agreements/{id}/receipts", agreement.id())
			.param("receivedOn", IN_CLOSED)
			.param("amount", "4321.00")
			.param("currency", "USD")
			.param("bankReference", wire)
			.param("note", "Late wire")
			.param("overpayment", "true"));
		assertBeside(page, "receivedOn");
		assertThat(page).contains("value=\"" + IN_CLOSED + "\"")
			.contains("value=\"4321.00\"")
			.contains("value=\"" + wire + "\"")
			.contains("value=\"Late wire\"")
			.containsPattern("id=\"overpayment\"[^>]*checked");
		assertThat(stored()).isEqualTo(before);

		mvc.perform(post("/api/v1/agreements/{id}/receipts", agreement.id())
			.with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"receivedOn\":\"" + IN_CLOSED + "\",\"amount\":\"4321.00\",\"currency\":\"USD\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("period.closed"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(REOPENS)));
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void keepsARefundDatedInAClosedMonthWithTheMessageBesideItsDate() throws Exception {
		var reason = Unique.name("Unspent balance");
		var before = stored();
		var page = refused(FINANCE, post("/contributions/agreements/{id}/refunds", fixture.agreement().id())
			.param("refundedOn", IN_CLOSED)
			.param("amount", "250.00")
			.param("reason", reason));
		assertBeside(page, "refundedOn");
		assertThat(page).contains("value=\"250.00\"").contains("value=\"" + reason + "\"");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void keepsARevaluationAtAClosedPeriodEndWithTheMessageBesideIt() throws Exception {
		var before = stored();
		var page = refused(FINANCE, post("/contributions/revaluations").param("periodEnd", "2026-03-31"));
		assertBeside(page, "periodEnd");
		assertThat(page).contains("value=\"2026-03-31\"");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void keepsAnAllocationDatedInAClosedMonthWithTheMessageBesideItsDate() throws Exception {
		var before = stored();
		var page = refused(FINANCE, post("/projects/{id}/allocations", fixture.project().id())
			.param("agreementId", String.valueOf(fixture.agreement().id()))
			.param("amountUsd", "777.00")
			.param("allocatedOn", IN_CLOSED));
		assertBeside(page, "allocatedOn");
		assertThat(page).contains("value=\"" + fixture.agreement().id() + "\"").contains("value=\"777.00\"");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void keepsExpenditureDatedInAClosedMonthWithTheMessageBesideItsDateAndTheApiAnswers422() throws Exception {
		var ticket = Unique.name("TICKET");
		var before = stored();
		var page = refused(FINANCE, post("/projects/{id}/expenditures", fixture.project().id())
			.param("spentOn", IN_CLOSED)
			.param("category", "WORKSHOPS_AND_TRAINING")
			.param("amount", "333.00")
			.param("currency", "USD")
			.param("reference", ticket));
		assertBeside(page, "spentOn");
		assertThat(page).contains("value=\"333.00\"")
			.contains("value=\"" + ticket + "\"")
			.containsPattern("value=\"WORKSHOPS_AND_TRAINING\"[^>]*selected");
		assertThat(stored()).isEqualTo(before);

		mvc.perform(post("/api/v1/expenditures").with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"projectId\":" + fixture.project().id() + ",\"spentOn\":\"" + IN_CLOSED
					+ "\",\"category\":\"TRAVEL\",\"amount\":\"333.00\",\"currency\":\"USD\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("period.closed"));
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void showsOtherRefusalsOnTheFormWithWhatWasTyped() throws Exception {
		var agreement = fixture.agreement();
		var before = stored();
		// Beside the date: a receipt dated after today.
		var future = refused(FINANCE, post("/contributions/agreements/{id}/receipts", agreement.id())
			.param("receivedOn", "2026-07-01")
			.param("amount", "10.00")
			.param("currency", "USD"));
		assertThat(future).contains("id=\"receivedOn-error\">The date received 1 Jul 2026 is after today (15 Jun 2026)");
		// Above the form, for the form as a whole: more than is due, without the overpayment box.
		var wire = Unique.name("BIG");
		var tooMuch = refused(FINANCE, post("/contributions/agreements/{id}/receipts", agreement.id())
			.param("receivedOn", "2026-04-02")
			.param("amount", "95000.00")
			.param("currency", "USD")
			.param("bankReference", wire));
		assertThat(tooMuch).contains("but only 90000.00 USD is still due")
			.contains("value=\"95000.00\"")
			.contains("value=\"" + wire + "\"");
		// Beside the buttons: a cancellation of an agreement that has received money.
		var cancel = refused(DONOR_RELATIONS, post("/contributions/agreements/{id}/cancel", agreement.id())
			.param("version", String.valueOf(agreement.version())));
		assertThat(cancel).containsPattern("id=\"action-problem\"[^>]*>[^<]*received");
		assertThat(stored()).isEqualTo(before);
	}

	/**
	 * Reversals and cancellations are dated the day they are recorded. A month can only be closed
	 * once it has ended, so today's month is closed here by writing the close the way the books
	 * store one, and reopened at the end.
	 */
	@Test
	void showsAClosedTodayBesideTheActionsDatedTodayWithTheReasonTyped() throws Exception {
		var june = YearMonth.of(2026, 6);
		jdbc.update("INSERT INTO period_close (kind, period_start, period_end, closed_at, closed_by, snapshot, fingerprint, "
				+ "created_at, created_by, updated_at, updated_by) VALUES ('MONTH', ?, ?, '2026-06-15 00:00:00', 'test', '{}', ?, "
				+ "'2026-06-15 00:00:00', 'test', '2026-06-15 00:00:00', 'test')", june.atDay(1), june.atEndOfMonth(),
				"0".repeat(64));
		try {
			assertThat(journal.isClosed(june.atDay(15))).isTrue();
			var before = stored();
			var cancel = refused(DONOR_RELATIONS, post("/contributions/agreements/{id}/cancel", fixture.unpaid().id())
				.param("version", String.valueOf(fixture.unpaid().version())));
			assertThat(cancel).containsPattern("id=\"action-problem\"[^>]*>June 2026 is closed");

			var reason = Unique.name("Wrong donor");
			var reversal = refused(FINANCE, post("/contributions/agreements/{id}/receipts/{receipt}/reversal",
					fixture.agreement().id(), fixture.receipt().id())
				.param("reason", reason));
			assertThat(reversal).containsPattern("id=\"reversal-problem\"[^>]*>June 2026 is closed")
				.contains("value=\"" + reason + "\"");

			var expenditureReason = Unique.name("Booked twice");
			var expenditureReversal = refused(FINANCE, post("/projects/{id}/expenditures/{expenditure}/reversal",
					fixture.project().id(), fixture.expenditure())
				.param("reason", expenditureReason));
			assertThat(expenditureReversal).containsPattern("id=\"reversal-problem\"[^>]*>June 2026 is closed")
				.contains("value=\"" + expenditureReason + "\"");
			assertThat(stored()).isEqualTo(before);
		}
		finally {
			jdbc.update("UPDATE period_close SET reopened_at = '2026-06-15 00:00:01', reopened_by = 'test', "
					+ "reopen_reason = 'test of a closed today' WHERE period_start = ? AND reopened_at IS NULL", june.atDay(1));
		}
	}

	/**
	 * The form's page again as the browser shows it after a refusal: the POST is redirected to the
	 * page (never left at the POST address), which shows the form and the refusal from the flash.
	 */
	String refused(RequestPostProcessor user, MockHttpServletRequestBuilder request) throws Exception {
		var posted = mvc.perform(request.with(user).with(csrf())).andExpect(status().isFound()).andReturn();
		assertThat(posted.getResponse().getRedirectedUrl()).isNotNull();
		return Refused.follow(mvc, posted, user);
	}

	/** The closed-period message in the error element of the field, and the field marked invalid. */
	static void assertBeside(String page, String field) {
		assertThat(page).containsPattern("id=\"" + field + "-error\">" + Pattern.quote(MARCH_CLOSED) + "[^<]*"
				+ Pattern.quote(REOPENS))
			.containsPattern("class=\"form-control[^\"]*is-invalid\"[^>]*aria-describedby=\"[^\"]*" + field + "-error\"");
	}

	/** How many records of each money event, and journal entries, are stored. */
	Map<String, Long> stored() {
		var counts = new LinkedHashMap<String, Long>();
		for (var table : List.of("journal_entry", "agreement", "amendment", "receipt", "refund", "revaluation_run",
				"allocation", "expenditure")) {
			counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
		}
		counts.put("signed", jdbc.queryForObject("SELECT COUNT(*) FROM agreement WHERE signed_on IS NOT NULL", Long.class));
		counts.put("cancelled",
				jdbc.queryForObject("SELECT COUNT(*) FROM agreement WHERE cancelled_on IS NOT NULL", Long.class));
		return counts;
	}

	static AgreementTerms terms(long donor, String amount, LocalDate signedOn) {
		return new AgreementTerms(Unique.name("CP"), donor, "USD", new BigDecimal(amount),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null, signedOn,
				List.of(new ScheduleLine(LocalDate.parse("2026-09-30"), new BigDecimal(amount))));
	}

}
