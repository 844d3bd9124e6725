package org.tafund.projects;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.projects.Codes.RequestStatus;
import org.tafund.shared.Money;
import org.tafund.shared.Summary;
import org.tafund.shared.Worklist;

/**
 * A project manager's home page: their projects with the balance left and how much of what was
 * allocated is spent, the activities of this month, and the requests of States still to assess.
 */
@Component
class ProjectManagerWorklist implements Worklist {

	static final int LISTED = 8;

	private final ProjectManagement projects;

	private final ObjectProvider<ActivityDirectory> activities;

	private final Clock clock;

	private final org.tafund.reference.CountryCatalogue countries;

	private final org.springframework.context.MessageSource messages;

	ProjectManagerWorklist(ProjectManagement projects, ObjectProvider<ActivityDirectory> activities, Clock clock,
			org.tafund.reference.CountryCatalogue countries, org.springframework.context.MessageSource messages) {
		this.projects = projects;
		this.activities = activities;
		this.clock = clock;
		this.countries = countries;
		this.messages = messages;
	}

	@Override
	public String role() {
		return org.tafund.security.Role.PROJECT_MANAGER.name();
	}

	@Override
	@Transactional(readOnly = true)
	public Panel panel(String username) {
		var today = LocalDate.now(clock);
		var mine = projects.projects(new ProjectFilter(null, null, null, null, username, null))
			.stream()
			.filter(p -> p.statusName().acceptsFunds())
			.toList();
		var items = new ArrayList<Item>();
		var balance = mine.stream().map(ProjectView::balanceUsd).reduce(Money.zero(Money.USD), Money::plus);
		items.add(Item.of("my-projects", Summary.of("worklist.myProjects", mine.size(), balance), "/projects", false));
		var bars = new ArrayList<Bar>();
		for (var project : mine) {
			var used = project.expenditureUsd().plus(project.pscUsd());
			long percent = project.allocatedUsd().isPositive()
					? used.amount().multiply(java.math.BigDecimal.valueOf(100))
						.divide(project.allocatedUsd().amount(), 0, java.math.RoundingMode.HALF_EVEN)
						.longValue()
					: 0;
			if (items.size() <= LISTED) {
				items.add(Item.detail(Summary.of("worklist.myProjects.line", project.code(), project.balanceUsd(), percent),
						"/projects/" + project.id()));
			}
			bars.add(new Bar(project.code(), null, used.amount()));
		}
		var directory = activities.getIfAvailable();
		long thisMonth = directory == null ? 0
				: directory.countStarting(mine.stream().map(ProjectView::id).toList(), today.withDayOfMonth(1),
						today.withDayOfMonth(today.lengthOfMonth()));
		items.add(Item.of("activities", Summary.of("worklist.activitiesThisMonth", thisMonth, today.withDayOfMonth(1)),
				"/activities?from=" + today.withDayOfMonth(1) + "&to=" + today.withDayOfMonth(today.lengthOfMonth()), false));
		var toAssess = projects.requests(null)
			.stream()
			.filter(r -> r.status() == RequestStatus.RECEIVED || r.status() == RequestStatus.UNDER_ASSESSMENT)
			.toList();
		items.add(Item.of("requests", Summary.of("worklist.requestsToAssess", toAssess.size()), "/projects/requests",
				!toAssess.isEmpty()));
		toAssess.stream()
			.limit(LISTED)
			// Named in the reader's language now: the worklist is made for this page.
			.forEach(r -> items.add(Item.detail(Summary.of("worklist.requestsToAssess.line", countries.nameOf(r.state()),
					r.receivedOn(), messages.getMessage("requestStatus." + r.status(), null,
							org.springframework.context.i18n.LocaleContextHolder.getLocale())),
					"/projects/requests/" + r.id())));
		return new Panel("worklist.projectManager", items,
				new Chart("chart-spent-by-project", "worklist.chart.spentByProject", List.copyOf(bars), true));
	}

}
