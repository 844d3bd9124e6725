package org.tafund.projects;

/**
 * Implemented by the activities module, so that an expenditure line can be tied to an activity
 * of the same project without this module depending on activities.
 */
public interface ActivityDirectory {

	boolean belongsTo(long activityId, long projectId);

	/** How many activities of these projects start between the two days, both included. */
	long countStarting(java.util.Collection<Long> projectIds, java.time.LocalDate from, java.time.LocalDate to);

}
