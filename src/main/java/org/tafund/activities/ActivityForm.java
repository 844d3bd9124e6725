package org.tafund.activities;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tafund.projects.Codes.Instrument;

/** The form that logs an activity of a project; a participant count left empty is zero. */
record ActivityForm(@NotNull Long projectId, @NotNull(message = "{activity.type.required}") ActivityType type,
		@NotBlank(message = "{activity.title.required}") @Size(max = 300) String title,
		@NotNull(message = "{activity.startDate.required}") LocalDate startDate,
		@NotNull(message = "{activity.endDate.required}") LocalDate endDate, Activity.Mode mode, String country,
		@Size(max = 100) String city, Set<Instrument> instruments, Integer women, Integer men, Integer sexNotRecorded,
		Integer centralAuthority, Integer prosecution, Integer judiciary, Integer lawEnforcement, Integer ministry,
		Integer otherInstitution, @Size(max = 2000) String outputs, Long version) implements java.io.Serializable {

	/** A blank form; an activity of a project with one beneficiary country takes place there unless changed. */
	static ActivityForm empty(long projectId, Set<String> beneficiaries) {
		var country = beneficiaries.size() == 1 ? beneficiaries.iterator().next() : "";
		return new ActivityForm(projectId, null, "", null, null, Activity.Mode.IN_PERSON, country, "", Set.of(), 0, 0,
				0, 0, 0, 0, 0, 0, 0, "", null);
	}

	/** The form of a recorded activity, to edit it. */
	static ActivityForm of(Activity.ActivityView activity) {
		var p = activity.participants();
		return new ActivityForm(activity.projectId(), activity.type(), activity.title(), activity.startDate(),
				activity.endDate(), Activity.Mode.valueOf(activity.mode()), activity.country(), activity.city(),
				activity.instruments(), p.women(), p.men(), p.sexNotRecorded(), p.centralAuthority(), p.prosecution(),
				p.judiciary(), p.lawEnforcement(), p.ministry(), p.otherInstitution(), activity.outputs(),
				activity.version());
	}

	ActivityDetails toDetails() {
		var participants = new Participants(count(women), count(men), count(sexNotRecorded), count(centralAuthority),
				count(prosecution), count(judiciary), count(lawEnforcement), count(ministry), count(otherInstitution));
		return new ActivityDetails(type, title, startDate, endDate, mode == null ? Activity.Mode.IN_PERSON : mode,
				country == null ? "" : country, city == null ? "" : city, instruments, participants,
				outputs == null || outputs.isBlank() ? null : outputs, null);
	}

	private static int count(Integer value) {
		return value == null ? 0 : value;
	}

}
