package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tafund.projects.Codes.Channel;
import org.tafund.projects.Codes.RequestStatus;
import org.tafund.projects.Codes.Subject;
import org.tafund.projects.Codes.Theme;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.support.BrowserTest;
import org.tafund.support.SignedIn;
import org.tafund.support.Unique;

/**
 * The project pages a manager works in, in Chromium: editing a project and its budget lines, the
 * request workflow, and refused forms that keep every value typed.
 */
class ProjectPagesBrowserTests extends BrowserTest {

	@Autowired
	ProjectManagement projects;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aManagerEditsTheProjectAndItsBudgetLinesAndARefusalKeepsWhatWasTyped() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		var project = project();
		signIn("project.manager", "tafund-demo-2026");
		open("/projects/" + project.id());
		clickInView(browser.findElement(By.id("edit-project")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("project-edit-form")));
		assertThat(browser.findElement(By.id("budget0.year")).getDomProperty("value")).isEqualTo("2026");
		assertThat(browser.findElement(By.id("budget0.amountUsd")).getDomProperty("value")).isEqualTo("40000.00");

		type("title", "Central authorities for MLA, second phase");
		// A line with an amount and no category: refused, and the whole form comes back as typed.
		type("budget1.year", "2027");
		type("budget1.amountUsd", "12,500.50");
		new Select(browser.findElement(By.id("managers"))).selectByValue("project.manager");
		submit("project-edit-form");
		var refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("budget-error")));
		assertThat(refusal.getText()).isEqualTo("Each budget line needs a year, a category and an amount.");
		assertThat(browser.findElement(By.id("title")).getDomProperty("value"))
			.isEqualTo("Central authorities for MLA, second phase");
		assertThat(browser.findElement(By.id("budget1.year")).getDomProperty("value")).isEqualTo("2027");
		// The amount comes back as the number read, in the page's decimal mark.
		assertThat(browser.findElement(By.id("budget1.amountUsd")).getDomProperty("value")).isEqualTo("12500.50");
		assertThat(jdbc.queryForObject("SELECT title FROM project WHERE id = ?", String.class, project.id()))
			.isEqualTo("Browser budget project");

		new Select(browser.findElement(By.id("budget1.category"))).selectByValue("TRAVEL");
		type("budget0.amountUsd", "45 000");
		submit("project-edit-form");
		wait.until(ExpectedConditions.urlMatches("/projects/\\d+$"));
		assertThat(browser.findElement(By.cssSelector(".alert-success, .alert-info")).getText())
			.contains("The project has been updated.");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Central authorities for MLA, second phase");
		var budget = browser.findElement(By.id("budget")).getText();
		assertThat(budget).contains("2026", "45,000.00", "2027", "Travel", "12,500.50");
		assertThat(jdbc.queryForList("SELECT CONCAT(budget_year, ' ', category, ' ', CAST(amount_usd AS DECIMAL(19,2)))"
				+ " FROM budget_line WHERE project_id = ? ORDER BY budget_year", String.class, project.id()))
			.containsExactly("2026 STAFF 45000.00", "2027 TRAVEL 12500.50");
	}

	@Test
	void aRequestIsAssessedAndDeclinedWithItsReasonThroughItsPage() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		var description = Unique.name("Request for a workshop on extradition");
		// Received today: the list shows the latest first, a page at a time, and other classes record requests too.
		var request = projects.recordRequest("KEN", org.tafund.support.TestClock.today(), Channel.NOTE_VERBALE,
				Set.of(Subject.EXTRADITION), Set.of(), description);
		signIn("project.manager", "tafund-demo-2026");
		open("/projects/requests");
		clickInView(browser.findElement(By.xpath("//tr[td[contains(., '" + description + "')]]//a")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status-form")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Request of Kenya");
		assertThat(browser.findElement(By.id("request-status")).getText()).isEqualTo("Received");
		// Received: assessed, declined or withdrawn, never accepted unassessed.
		assertThat(browser.findElements(By.id("to-ACCEPTED"))).isEmpty();

		clickInView(browser.findElement(By.id("to-UNDER_ASSESSMENT")));
		wait.until(ExpectedConditions.textToBe(By.id("request-status"), "Under assessment"));

		// Declining asks first, and without a reason is refused beside the reason.
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
		clickInView(browser.findElement(By.id("to-DECLINED")));
		var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-error")));
		assertThat(error.getText()).isEqualTo("A declined request needs its reason.");
		assertThat(status(request.id())).isEqualTo(RequestStatus.UNDER_ASSESSMENT.name());

		type("reason", "Outside the Fund's mandate: a bilateral matter.");
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
		clickInView(browser.findElement(By.id("to-DECLINED")));
		wait.until(ExpectedConditions.textToBe(By.id("request-status"), "Declined"));
		assertThat(browser.findElement(By.id("request-reason")).getText())
			.isEqualTo("Outside the Fund's mandate: a bilateral matter.");
		assertThat(browser.findElements(By.id("status-form"))).as("declined is final").isEmpty();
		assertThat(status(request.id())).isEqualTo(RequestStatus.DECLINED.name());
	}

	@Test
	void refusedNewProjectAndActivityFormsKeepEveryValueTyped() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		var taken = project();
		signIn("project.manager", "tafund-demo-2026");

		open("/projects/new");
		var title = Unique.name("Typed project");
		type("code", taken.code());
		type("title", title);
		new Select(browser.findElement(By.id("theme"))).selectByValue("EXTRADITION");
		new Select(browser.findElement(By.id("status"))).selectByValue("2");
		var entity = reference.implementingEntity("UNODC-ROSEN").orElseThrow().id();
		new Select(browser.findElement(By.id("implementingEntityId"))).selectByValue(String.valueOf(entity));
		new Select(browser.findElement(By.id("countries"))).selectByValue("MLI");
		new Select(browser.findElement(By.id("countries"))).selectByValue("NER");
		clickInView(browser.findElement(By.id("instr-UNTOC")));
		setValue("plannedStart", "2026-03-01");
		setValue("plannedEnd", "2027-02-28");
		submit("project-form");
		var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code-error")));
		assertThat(error.getText()).contains(taken.code());
		assertThat(values("code", "title", "theme", "status", "implementingEntityId", "plannedStart", "plannedEnd"))
			.containsExactly(taken.code(), title, "EXTRADITION", "2", String.valueOf(entity), "2026-03-01", "2027-02-28");
		assertThat(new Select(browser.findElement(By.id("countries"))).getAllSelectedOptions())
			.extracting(o -> o.getDomAttribute("value"))
			.containsExactlyInAnyOrder("MLI", "NER");
		assertThat(browser.findElement(By.id("instr-UNTOC")).isSelected()).isTrue();
		assertThat(new Select(browser.findElement(By.id("managers"))).getAllSelectedOptions())
			.extracting(o -> o.getDomAttribute("value"))
			.containsExactly("project.manager");

		// An activity whose participants do not add up: refused, every field as typed.
		open("/activities/new?projectId=" + taken.id());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activity-form")));
		new Select(browser.findElement(By.id("type"))).selectByValue("TRAINING_OR_WORKSHOP");
		var activityTitle = Unique.name("Training of prosecutors");
		type("title", activityTitle);
		setValue("startDate", "2026-05-04");
		setValue("endDate", "2026-05-06");
		new Select(browser.findElement(By.id("mode"))).selectByValue("HYBRID");
		new Select(browser.findElement(By.id("country"))).selectByValue("SEN");
		type("city", "Thiès");
		var typed = Map.of("women", "11", "men", "9", "sexNotRecorded", "1", "centralAuthority", "5", "prosecution",
				"6", "judiciary", "3", "lawEnforcement", "2", "ministry", "1", "otherInstitution", "1");
		typed.forEach(this::type);
		type("outputs", "Draft guidelines on requests for extradition.");
		submit("activity-form");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
		assertThat(browser.findElement(By.id("form-errors")).getText()).contains("21").contains("18");
		assertThat(values("type", "title", "startDate", "endDate", "mode", "country", "city", "outputs")).containsExactly(
				"TRAINING_OR_WORKSHOP", activityTitle, "2026-05-04", "2026-05-06", "HYBRID", "SEN", "Thiès",
				"Draft guidelines on requests for extradition.");
		typed.forEach((id, value) -> assertThat(browser.findElement(By.id(id)).getDomProperty("value")).as(id)
			.isEqualTo(value));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE title = ?", Long.class, activityTitle))
			.isZero();
	}

	@Test
	void financeAllocatesThroughThePickerThatShowsWhatEachAgreementStillHolds() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		var donorName = Unique.name("Picker Foundation");
		long donor = donors.register(new org.tafund.donors.DonorDetails(donorName,
				org.tafund.donors.DonorType.FOUNDATION, null, null, null, null, true, List.of())).id();
		var open = agreement(donor, "PICK-" + Unique.suffix(), 1, null, null);
		// Earmarked to another country: never offered to a project in Senegal.
		var elsewhere = agreement(donor, "PICK-KEN-" + Unique.suffix(), 3, org.tafund.contributions.EarmarkKind.COUNTRY,
				"KEN");
		var project = project();

		signIn("finance.officer", "tafund-demo-2026");
		open("/projects/" + project.id());
		type("funding-search", donorName);
		// The list settles on the search's answer (each keystroke replaces the request before it).
		wait.until(ExpectedConditions.and(ExpectedConditions.presenceOfElementLocated(By.id("agreement-" + open)),
				ExpectedConditions.numberOfElementsToBe(By.cssSelector("#funding-choices input[type=radio]"), 1)));
		var label = browser.findElement(By.cssSelector("label[for='agreement-" + open + "']")).getText();
		assertThat(label).contains(donorName, "CPCJF general-purpose", "50,000.00 USD available");
		assertThat(browser.findElements(By.id("agreement-" + elsewhere))).isEmpty();
		clickInView(browser.findElement(By.id("agreement-" + open)));
		type("amountUsd", "20,000");
		setValue("allocatedOn", org.tafund.support.TestClock.today().toString());
		submit("allocation-form");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("funding-chain")));
		assertThat(browser.findElement(By.id("funding-chain")).getText()).contains(donorName);
		assertThat(browser.findElement(By.id("allocated")).getText()).isEqualTo("20,000.00");

		type("funding-search", donorName);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("label[for='agreement-" + open + "']"),
				"30,000.00 USD available"));
		type("funding-search", "no agreement is called this " + Unique.suffix());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-funding-choice")));
	}

	@Autowired
	org.tafund.donors.DonorManagement donors;

	@Autowired
	org.tafund.contributions.ContributionManagement contributions;

	private long agreement(long donor, String reference, int level, org.tafund.contributions.EarmarkKind kind,
			String target) {
		return contributions.createAgreement(new org.tafund.contributions.AgreementTerms(reference, donor, "USD",
				new java.math.BigDecimal("50000.00"), org.tafund.contributions.FundingWindow.CPCJF_GENERAL_PURPOSE, null,
				level, kind, target, null, null, false, null, null, org.tafund.support.TestClock.today().minusDays(10),
				List.of(new org.tafund.contributions.ScheduleLine(org.tafund.support.TestClock.today().plusMonths(3),
						new java.math.BigDecimal("50000.00"))))).id();
	}

	@Test
	void aManagerEditsAnActivityAndThenWithdrawsItWithItsReason() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		var project = project();
		signIn("project.manager", "tafund-demo-2026");
		open("/activities/new?projectId=" + project.id());
		new Select(browser.findElement(By.id("type"))).selectByValue("TRAINING_OR_WORKSHOP");
		var title = Unique.name("Workshop on MLA requests");
		type("title", title);
		setValue("startDate", "2026-04-06");
		setValue("endDate", "2026-04-07");
		type("women", "4");
		type("men", "3");
		type("centralAuthority", "7");
		submit("activity-form");
		var row = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//li[strong[text()='" + title + "']]//a[contains(@href, '/edit')]")));
		clickInView(row);

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("withdrawal-form")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Edit the activity");
		assertThat(browser.findElement(By.id("women")).getDomProperty("value")).isEqualTo("4");
		type("title", title + " (Dakar)");
		type("men", "5");
		type("centralAuthority", "9");
		submit("activity-form");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("participant-totals"), "9 participants"));
		assertThat(browser.findElement(By.id("project-activities")).getText()).contains(title + " (Dakar)");

		clickInView(browser.findElement(By.xpath("//li[strong[text()='" + title + " (Dakar)']]//a[contains(@href, '/edit')]")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("withdrawal-form")));
		type("reason", "The host institution cancelled the venue.");
		clickInView(browser.findElement(By.id("withdraw-activity")));
		var confirmation = wait.until(ExpectedConditions.alertIsPresent());
		assertThat(confirmation.getText()).startsWith("Withdraw this activity?");
		confirmation.accept();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("project-activities"), "Withdrawn"));
		assertThat(browser.findElement(By.id("project-activities")).getText())
			.contains("by project.manager: The host institution cancelled the venue.");
		assertThat(browser.findElement(By.id("participant-totals")).getText()).startsWith("0 participants");
		assertThat(jdbc.queryForObject("SELECT withdrawal_reason FROM activity WHERE title = ?", String.class,
				title + " (Dakar)")).isEqualTo("The host institution cancelled the venue.");
	}

	private List<String> values(String... ids) {
		return java.util.Arrays.stream(ids).map(id -> browser.findElement(By.id(id)).getDomProperty("value")).toList();
	}

	private String status(long requestId) {
		return jdbc.queryForObject("SELECT status FROM assistance_request WHERE id = ?", String.class, requestId);
	}

	private ProjectView project() {
		try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) {
			return projects.createProject(new ProjectDetails("PE-" + Unique.suffix(),
					"Browser budget project", null, Theme.MLA, Set.of(), Set.of("SEN"),
					reference.implementingEntity("UNODC-HQ").orElseThrow().id(), Set.of("project.manager"), null, null,
					null, null, 2, "15130", null, Set.of(),
					List.of(new ProjectDetails.Budget(2026, Codes.BudgetCategory.STAFF, new java.math.BigDecimal("40000")))));
		}
	}

}
