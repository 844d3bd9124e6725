package org.tafund.projects;

/**
 * Implemented by the activities module, so that an expenditure line can be tied to an activity
 * of the same project without this module depending on activities.
 */
public interface ActivityDirectory {

	boolean belongsTo(long activityId, long projectId);

}
