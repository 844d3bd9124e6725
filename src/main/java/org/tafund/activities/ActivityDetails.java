package org.tafund.activities;

import java.time.LocalDate;
import java.util.Set;

import org.tafund.projects.Codes.Instrument;

/** What a project manager logs about an activity. */
record ActivityDetails(ActivityType type, String title, LocalDate startDate, LocalDate endDate, Activity.Mode mode,
		String country, String city, Set<Instrument> instruments, Participants participants, String outputs,
		String notes) {
}
