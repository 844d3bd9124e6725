package org.tafund.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Theme;
import org.tafund.projects.ProjectDetails;
import org.tafund.projects.ProjectManagement;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.support.IntegrationTest;
import org.tafund.support.SignedIn;
import org.tafund.support.Statements;
import org.tafund.support.Unique;

/**
 * The activities list read a page at a time from the database keeps the activities the whole list
 * kept, filter by filter and in the same order, with the same participant totals; and a page of 100
 * costs the statements a page of 25 costs.
 */
@IntegrationTest
class ActivityListTests {

	@Autowired
	ActivityManagement activities;

	@Autowired
	ProjectManagement projects;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	MockMvc mvc;

	@Autowired
	Activities repository;

	@Test
	void pagesFromTheDatabaseKeepWhatTheWholeListKeptAndCostTheSameAtAnySize() throws Exception {
		long project;
		var start = LocalDate.of(2025, 1, 6);
		try (var manager = SignedIn.as("project.manager", Role.PROJECT_MANAGER)) {
			project = projects.createProject(new ProjectDetails("AL-" + Unique.suffix(), "Activities listed", null, Theme.MLA,
					Set.of(Instrument.UNTOC), Set.of("SEN", "GHA"), reference.implementingEntity("UNODC-ROSEN").orElseThrow().id(),
					Set.of("project.manager"), null, null, null, null, 2, "15130", null, Set.of(),
					List.of(new ProjectDetails.Budget(2025, BudgetCategory.TRAVEL, new BigDecimal("5000.00"))))).id();
			for (int n = 0; n < 110; n++) {
				// Every third in Ghana on the Firearms Protocol, some the same day (the id orders them), every
				// seventh withdrawn: it is listed, and nobody took part in it.
				var type = n % 2 == 0 ? ActivityType.TRAINING_OR_WORKSHOP : ActivityType.LEGISLATIVE_DRAFTING;
				var day = start.plusDays(n / 2 * 3L);
				var activity = activities.log(project, new ActivityDetails(type, "Listed " + n, day, day.plusDays(2),
						Activity.Mode.IN_PERSON, n % 3 == 0 ? "GHA" : "SEN", "City",
						n % 3 == 0 ? Set.of(Instrument.FIREARMS_PROTOCOL) : Set.of(Instrument.UNTOC),
						new Participants(n % 5, 2, 0, 1, 1 + n % 5, 0, 0, 0, 0), null, null));
				if (n % 7 == 0) {
					activities.withdraw(activity.id(), activity.version(), "Did not take place");
				}
			}
		}
		var filters = List.of(new ActivityList.Filter(project, null, null, null, null, null),
				new ActivityList.Filter(project, ActivityType.LEGISLATIVE_DRAFTING, null, null, null, null),
				new ActivityList.Filter(project, null, "gha", null, null, null),
				new ActivityList.Filter(project, null, null, Instrument.FIREARMS_PROTOCOL, null, null),
				// Overlapping the period: an activity ending on its first day is in it.
				new ActivityList.Filter(project, null, null, null, start.plusDays(32), start.plusDays(60)),
				new ActivityList.Filter(project, ActivityType.TRAINING_OR_WORKSHOP, "SEN", Instrument.UNTOC,
						start.plusDays(10), null),
				new ActivityList.Filter(project, null, "NOR", null, null, null));
		for (var filter : filters) {
			var whole = matching(filter);
			var paged = new ArrayList<Activity.ActivityView>();
			for (int page = 0;; page++) {
				var rows = activities.page(filter, PageRequest.of(page, 25));
				assertThat(rows.getTotalElements()).as("count, " + filter).isEqualTo(whole.size());
				paged.addAll(rows.getContent());
				if (rows.isLast() || rows.isEmpty()) {
					break;
				}
			}
			assertThat(paged).as(filter.toString()).extracting(Activity.ActivityView::id)
				.containsExactlyElementsOf(whole.stream().map(Activity.ActivityView::id).toList());
			// A withdrawn activity did not take place: nobody took part in it.
			assertThat(activities.participants(filter)).as(filter.toString())
				.isEqualTo(whole.stream()
					.filter(a -> !a.withdrawn())
					.map(Activity.ActivityView::participants)
					.reduce(Participants.NONE, Participants::plus));
		}
		// In figures: 110 logged, 16 withdrawn (0, 7, ..., 105); women 0-4 in turn and two men each.
		var all = activities.participants(filters.get(0));
		assertThat(activities.page(filters.get(0), PageRequest.of(0, 25)).getTotalElements()).isEqualTo(110);
		assertThat(all.men()).isEqualTo(94 * 2);
		// Two a day every third day, each three days long: days 30 to 60 from the first start (the one on day 30
		// ends on day 32, the period's first), 11 days, 22 activities.
		assertThat(activities.page(filters.get(4), PageRequest.of(0, 25)).getTotalElements()).isEqualTo(22);
		assertThat(activities.page(filters.get(6), PageRequest.of(0, 25)).getTotalElements()).isZero();

		var list = "/activities?projectId=" + project;
		rows(list + "&size=25");
		var small = Statements.during(() -> rows(list + "&size=25"));
		var large = Statements.during(() -> rows(list + "&size=100"));
		assertThat(small.result()).isEqualTo(25);
		assertThat(large.result()).isEqualTo(100);
		assertThat(large.statements()).as("statements for 100 rows against 25").isEqualTo(small.statements())
			.isPositive();
	}

	/** What a filter means, written over every activity of the project: the oracle the SQL is checked against. */
	private List<Activity.ActivityView> matching(ActivityList.Filter filter) {
		var country = filter.country() == null ? null : filter.country().strip();
		return repository.findByProjectIdOrderByStartDateAscIdAsc(filter.projectId())
			.stream()
			.map(Activity::view)
			.filter(a -> filter.type() == null || a.type() == filter.type())
			.filter(a -> country == null || country.equalsIgnoreCase(a.country()))
			.filter(a -> filter.instrument() == null || a.instruments().contains(filter.instrument()))
			.filter(a -> filter.from() == null || !a.endDate().isBefore(filter.from()))
			.filter(a -> filter.to() == null || !a.startDate().isAfter(filter.to()))
			.sorted(java.util.Comparator.comparing(Activity.ActivityView::startDate)
				.thenComparing(Activity.ActivityView::id)
				.reversed())
			.toList();
	}

	private static final Pattern ROW = Pattern.compile("<tr[ >]");

	private int rows(String address) {
		try {
			var html = mvc.perform(get(address).with(user("auditor").roles("AUDITOR")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			int start = html.indexOf("<tbody>", html.indexOf("id=\"activities\""));
			return (int) ROW.matcher(html.substring(start, html.indexOf("</tbody>", start))).results().count();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
