package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Theme;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.support.IntegrationTest;
import org.tafund.support.SignedIn;
import org.tafund.support.Unique;
import org.tafund.support.VisibleText;

/**
 * The projects list read a page at a time from the database gives the projects the whole list
 * gave, filter by filter, in the same order and with the same figures (the project page's own
 * allocated and balance), and its pages keep the filters.
 */
@IntegrationTest
class ProjectListTests {

	@Autowired
	ProjectList list;

	@Autowired
	ProjectManagement projects;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.tafund.reference.CountryCatalogue countries;

	private ProjectView project(Theme theme, String country, String manager, int status, Instrument instrument) {
		return projects.createProject(new ProjectDetails("PL-" + Unique.suffix(), "List " + theme, null, theme,
				Set.of(instrument), Set.of(country), reference.implementingEntity("UNODC-ROSEN").orElseThrow().id(),
				Set.of(manager), null, null, null, null, status, "15130", null, Set.of(),
				List.of(new ProjectDetails.Budget(2024, BudgetCategory.TRAVEL, new BigDecimal("5000.00")))));
	}

	@Test
	void aPageFromTheDatabaseShowsWhatTheWholeListShowsFilterByFilter() {
		String manager = "project.manager";
		String senegalCode;
		try (var finance = SignedIn.as("finance.officer", Role.FINANCE)) {
			long donor = donors.register(new DonorDetails(Unique.name("List Donor"), DonorType.FOUNDATION, null, null, null,
					null, true, List.of())).id();
			long agreement = contributions.createAgreement(new AgreementTerms("PL-" + Unique.suffix(), donor, "USD",
					new BigDecimal("90000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
					null, null, LocalDate.parse("2024-01-10"),
					List.of(new ScheduleLine(LocalDate.parse("2024-12-31"), new BigDecimal("90000.00"))))).id();
			var senegal = project(Theme.MLA, "SEN", manager, 2, Instrument.UNTOC);
			senegalCode = senegal.code();
			var thailand = project(Theme.EXTRADITION, "THA", manager, 2, Instrument.FIREARMS_PROTOCOL);
			project(Theme.BOTH, "NGA", manager, 4, Instrument.UNTOC);
			projects.allocate(agreement, senegal.id(), new BigDecimal("30000.00"), LocalDate.parse("2024-02-01"));
			projects.allocate(agreement, thailand.id(), new BigDecimal("1000.10"), LocalDate.parse("2024-02-01"));
			projects.spend(senegal.id(), null, LocalDate.parse("2024-06-01"), BudgetCategory.TRAVEL,
					new BigDecimal("1234.57"), "USD", "PL-TRAVEL", "Flights");
		}
		var filters = List.of(ProjectFilter.all(), new ProjectFilter(Theme.MLA, null, null, null, null, null),
				new ProjectFilter(null, 2, null, null, null, null), new ProjectFilter(null, null, "sen", null, null, null),
				new ProjectFilter(null, null, null, "Western Africa", null, null),
				new ProjectFilter(null, null, null, null, manager, null),
				new ProjectFilter(null, null, null, null, null, Instrument.FIREARMS_PROTOCOL),
				new ProjectFilter(Theme.BOTH, 4, "NGA", "Africa", manager, Instrument.UNTOC),
				new ProjectFilter(null, null, null, "Nowhere at all", null, null));
		// What each filter means, checked on every project in full.
		var every = projects.projects(ProjectFilter.all());
		assertThat(every).extracting(ProjectView::code).contains(senegalCode);
		for (var filter : filters) {
			var whole = every.stream().filter(p -> matches(filter, p)).toList();
			// The whole list of a filter, as other modules read it, is the same projects.
			assertThat(projects.projects(filter)).extracting(ProjectView::code)
				.containsExactlyInAnyOrderElementsOf(whole.stream().map(ProjectView::code).toList());
			// Every page of 25, one after the other, is the whole list.
			var paged = new ArrayList<ProjectList.Row>();
			for (int page = 0;; page++) {
				var rows = list.page(filter, PageRequest.of(page, 25));
				assertThat(rows.getTotalElements()).as("count, " + filter).isEqualTo(whole.size());
				paged.addAll(rows.getContent());
				if (rows.isLast() || rows.isEmpty()) {
					break;
				}
			}
			// The same projects (the database orders codes by its collation, the whole list by Java's).
			assertThat(paged).extracting(ProjectList.Row::code)
				.as(filter.toString())
				.containsExactlyInAnyOrderElementsOf(whole.stream().map(ProjectView::code).toList());
			var byCode = new java.util.HashMap<String, ProjectList.Row>();
			paged.forEach(row -> byCode.put(row.code(), row));
			for (var expected : whole) {
				var row = byCode.get(expected.code());
				assertThat(row.allocatedUsd()).as(row.code()).isEqualTo(expected.allocatedUsd());
				assertThat(row.balanceUsd()).as(row.code()).isEqualTo(expected.balanceUsd());
				assertThat(row.status()).isEqualTo(expected.status());
				assertThat(row.theme()).isEqualTo(expected.theme());
			}
		}
		// 30,000 allocated; 1,234.57 spent and its PSC (13%: 160.49).
		var row = all(new ProjectFilter(Theme.MLA, null, "SEN", null, null, null)).stream()
			.filter(r -> r.code().equals(senegalCode))
			.findFirst()
			.orElseThrow();
		assertThat(row.allocatedUsd().amount()).isEqualByComparingTo("30000.00");
		assertThat(row.balanceUsd().amount()).isEqualByComparingTo("28604.94");
	}

	/** What a filter means, written over a whole project: the oracle the SQL of ProjectList is checked against. */
	private boolean matches(ProjectFilter filter, ProjectView project) {
		return (filter.theme() == null || project.theme() == filter.theme())
				&& (filter.status() == null || project.status() == filter.status())
				&& (blank(filter.country())
						|| project.beneficiaryCountries().contains(filter.country().strip().toUpperCase(java.util.Locale.ROOT)))
				&& (blank(filter.manager())
						|| project.managers().contains(filter.manager().strip().toLowerCase(java.util.Locale.ROOT)))
				&& (filter.instrument() == null || project.instruments().contains(filter.instrument()))
				&& (blank(filter.region()) || project.beneficiaryCountries()
					.stream()
					.map(code -> countries.find(code, java.util.Locale.ENGLISH))
					.flatMap(java.util.Optional::stream)
					.anyMatch(c -> c.isIn(filter.region())));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private List<ProjectList.Row> all(ProjectFilter filter) {
		var rows = new ArrayList<ProjectList.Row>();
		for (int page = 0;; page++) {
			var shown = list.page(filter, PageRequest.of(page, 100));
			rows.addAll(shown.getContent());
			if (shown.isLast() || shown.isEmpty()) {
				return rows;
			}
		}
	}

	@Test
	void thePagesOfTheListKeepTheFiltersAndTheSize() throws Exception {
		var html = mvc.perform(get("/projects").param("theme", "MLA").param("size", "25").param("page", "0")
			.with(user("project.manager").roles("PROJECT_MANAGER"))).andReturn().getResponse().getContentAsString();
		var total = list.page(new ProjectFilter(Theme.MLA, null, null, null, null, null), PageRequest.of(0, 25))
			.getTotalElements();
		// Written as the page writes a count: grouped by thousands.
		assertThat(VisibleText.of(html)).contains(String.format(java.util.Locale.ENGLISH, "%,d project", total));
		if (total > 25) {
			assertThat(html).containsPattern("id=\"page-next\" href=\"/projects\\?theme=MLA[^\"]*size=25&amp;page=1\"");
		}
		// A size not offered is the first offered; a page past the end is an empty page, not an error.
		var odd = mvc.perform(get("/projects").param("size", "7").param("page", "999999")
			.with(user("project.manager").roles("PROJECT_MANAGER"))).andReturn().getResponse();
		assertThat(odd.getStatus()).isEqualTo(200);
		assertThat(odd.getContentAsString()).contains("<option value=\"25\" selected=\"selected\">25</option>");
	}

	@Test
	void theProjectPageShowsItsLatestLinesAPageAtATimeAndChartsEveryMonthFromDatabaseSums() throws Exception {
		long projectId;
		Long first;
		try (var finance = SignedIn.as("finance.officer", Role.FINANCE)) {
			long donor = donors.register(new DonorDetails(Unique.name("Lines Donor"), DonorType.FOUNDATION, null, null, null,
					null, true, List.of())).id();
			long agreement = contributions.createAgreement(new AgreementTerms("PL-" + Unique.suffix(), donor, "USD",
					new BigDecimal("90000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
					null, null, LocalDate.parse("2024-01-10"),
					List.of(new ScheduleLine(LocalDate.parse("2024-12-31"), new BigDecimal("90000.00"))))).id();
			var project = project(Theme.MLA, "SEN", "project.manager", 2, Instrument.UNTOC);
			projectId = project.id();
			projects.allocate(agreement, projectId, new BigDecimal("60000.00"), LocalDate.parse("2024-02-01"));
			// 30 lines over March to May 2024, and the reversal of one of them: 31 lines.
			first = null;
			for (int n = 1; n <= 30; n++) {
				var line = projects.spend(projectId, null, LocalDate.parse("2024-03-01").plusDays(n * 3L), BudgetCategory.TRAVEL,
						new BigDecimal(n + "00.01"), "USD", "LINE-" + n, "Line " + n);
				first = first == null ? line.id() : first;
			}
			projects.reverseExpenditure(first, "Booked twice");
		}
		var all = projects.expenditure(projectId);
		assertThat(all).hasSize(31);
		var newest = projects.expenditure(projectId, 0, 25);
		assertThat(newest.getTotalElements()).isEqualTo(31);
		assertThat(newest.getContent()).hasSize(25);
		// The reversal is dated the day it was recorded (today): the newest line.
		assertThat(newest.getContent().get(0).reversalOf()).isEqualTo(first);
		assertThat(newest.getContent()).extracting(Expenditure.ExpenditureView::spentOn)
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		var older = projects.expenditure(projectId, 1, 25);
		assertThat(older.getContent()).hasSize(6);
		var shown = new java.util.HashSet<Long>();
		newest.forEach(e -> shown.add(e.id()));
		older.forEach(e -> shown.add(e.id()));
		assertThat(shown).containsExactlyInAnyOrderElementsOf(all.stream().map(Expenditure.ExpenditureView::id).toList());

		// The chart: the months' sums of every line with its PSC, added up in month order, as the lines give them.
		var byMonth = new java.util.TreeMap<java.time.YearMonth, org.tafund.shared.Money>();
		all.forEach(e -> byMonth.merge(java.time.YearMonth.from(e.spentOn()), e.usd().plus(e.psc()),
				org.tafund.shared.Money::plus));
		var cumulative = new ArrayList<String>();
		var total = org.tafund.shared.Money.zero("USD");
		for (var month : byMonth.values()) {
			total = total.plus(month);
			cumulative.add(total.amount().toPlainString());
		}
		var burn = projects.burnRate(projectId);
		assertThat(burn.months()).containsExactly("2024-03", "2024-04", "2024-05",
				org.tafund.support.TestClock.today().toString().substring(0, 7));
		assertThat(burn.cumulativeUsd()).containsExactlyElementsOf(cumulative);
		// Lines of n x 100 + 0.01 for n = 1..30: 46,500.30 with PSC at 13% of each, 13n.00, 6,045.00: 52,545.30 by
		// May 2024; the reversal this month takes 100.01 and 13.00 off: 52,432.29.
		assertThat(new BigDecimal(burn.cumulativeUsd().get(2))).isEqualByComparingTo("52545.30");
		assertThat(new BigDecimal(burn.cumulativeUsd().get(3))).isEqualByComparingTo("52432.29");

		var second = VisibleText.of(mvc.perform(get("/projects/{id}", projectId).param("lines", "1")
			.with(user("auditor").roles("AUDITOR"))).andReturn().getResponse().getContentAsString(
					java.nio.charset.StandardCharsets.UTF_8));
		assertThat(second).contains("31 expenditure lines").contains("Page 2 of 2").contains("LINE-1");

		// Reversing the oldest line again is refused: the page comes back at the page that holds it (the second),
		// with the reason beside the line as typed.
		var finance = user("finance.officer").roles("FINANCE");
		var posted = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/projects/{id}/expenditures/{line}/reversal", projectId, first)
			.param("expenditureId", first.toString())
			.param("reason", "Twice over")
			.with(finance)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andReturn();
		var again = org.tafund.support.Refused.follow(mvc, posted, finance);
		assertThat(again).contains("id=\"reversal-problem\"").contains("value=\"Twice over\"");
		assertThat(VisibleText.of(again)).contains("Page 2 of 2");
	}

}
