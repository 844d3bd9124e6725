package org.tafund.activities;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.projects.ActivityDirectory;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.ProjectManagement;
import org.tafund.reference.CountryCatalogue;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConcurrentEdit;
import org.tafund.shared.NotFound;

/** Activities are logged by the managers of their project (and by FINANCE and ADMIN). */
@Service
@Transactional
public class ActivityManagement implements ActivityDirectory {

	private final Activities activities;

	private final ActivityList list;

	private final ProjectManagement projects;

	private final CountryCatalogue countries;

	private final java.time.Clock clock;

	ActivityManagement(Activities activities, ProjectManagement projects, CountryCatalogue countries,
			java.time.Clock clock, ActivityList list) {
		this.activities = activities;
		this.list = list;
		this.projects = projects;
		this.countries = countries;
		this.clock = clock;
	}

	Activity.ActivityView log(long projectId, ActivityDetails details) {
		projects.requireCanEdit(projectId);
		check(details);
		return activities.save(new Activity(projectId, details)).view();
	}

	Activity.ActivityView update(long activityId, long version, ActivityDetails details) {
		return update(activityId, version, null, details);
	}

	/** As above, refusing a request that names another project: an activity stays in its project. */
	Activity.ActivityView update(long activityId, long version, Long projectId, ActivityDetails details) {
		var activity = activities.findById(activityId).orElseThrow(() -> new ActivityNotFound(activityId));
		projects.requireCanEdit(activity.getProjectId());
		if (projectId != null && !projectId.equals(activity.getProjectId())) {
			throw BusinessRuleViolation.ofField("projectId", "field.immutable", "projectId",
					String.valueOf(activity.getProjectId()));
		}
		if (activity.getVersion() != version) {
			throw new ConcurrentEdit("activity", activityId);
		}
		check(details);
		activity.apply(details);
		try {
			activities.flush();
		}
		catch (org.springframework.dao.OptimisticLockingFailureException e) {
			throw new ConcurrentEdit("activity", activityId);
		}
		return activity.view();
	}

	/** Withdraws an activity that did not take place, dated today and attributed to the user. */
	Activity.ActivityView withdraw(long activityId, long version, String reason) {
		var activity = activities.findById(activityId).orElseThrow(() -> new ActivityNotFound(activityId));
		projects.requireCanEdit(activity.getProjectId());
		if (activity.getVersion() != version) {
			throw new ConcurrentEdit("activity", activityId);
		}
		// requireCanEdit above has refused anyone not signed in.
		var user = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		activity.withdraw(LocalDate.now(clock), user.getName(), reason);
		try {
			activities.flush();
		}
		catch (org.springframework.dao.OptimisticLockingFailureException e) {
			throw new ConcurrentEdit("activity", activityId);
		}
		return activity.view();
	}

	@Transactional(readOnly = true)
	public Activity.ActivityView get(long id) {
		return activities.findById(id).orElseThrow(() -> new ActivityNotFound(id)).view();
	}

	/** A page of the activities a filter keeps, latest start first, read in the same few statements whatever its size. */
	@Transactional(readOnly = true)
	org.springframework.data.domain.Page<Activity.ActivityView> page(ActivityList.Filter filter,
			org.springframework.data.domain.Pageable page) {
		var ids = list.ids(filter, page);
		var byId = new java.util.HashMap<Long, Activity.ActivityView>();
		activities.findAllById(ids.getContent()).stream().map(Activity::view).forEach(v -> byId.put(v.id(), v));
		return ids.map(byId::get);
	}

	/** Who took part in every activity a filter keeps that took place. */
	@Transactional(readOnly = true)
	Participants participants(ActivityList.Filter filter) {
		return list.participants(filter);
	}


	@Override
	@Transactional(readOnly = true)
	public long countStarting(java.util.Collection<Long> projectIds, LocalDate from, LocalDate to) {
		return projectIds.isEmpty() ? 0 : activities.countByProjectIdInAndWithdrawnOnIsNullAndStartDateBetween(projectIds, from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean belongsTo(long activityId, long projectId) {
		return activities.findById(activityId).map(a -> a.getProjectId() == projectId).orElse(false);
	}

	private void check(ActivityDetails details) {
		if (details.country() != null && !details.country().isBlank() && !countries.exists(details.country())) {
			throw BusinessRuleViolation.ofField("country", "donor.country.unknown", details.country());
		}
	}

	static class ActivityNotFound extends NotFound {

		ActivityNotFound(long id) {
			super("No activity " + id);
		}

	}

}
