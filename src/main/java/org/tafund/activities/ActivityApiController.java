package org.tafund.activities;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tafund.projects.Codes.Instrument;
import org.tafund.shared.ETags;

@RestController
@RequestMapping("/api/v1/activities")
class ActivityApiController {

	private final ActivityManagement activities;

	ActivityApiController(ActivityManagement activities) {
		this.activities = activities;
	}

	record ActivityForm(@NotNull Long projectId, @NotNull ActivityType type, @NotBlank @Size(max = 300) String title,
			@NotNull LocalDate startDate, @NotNull LocalDate endDate, @NotNull Activity.Mode mode,
			@Size(max = 3) String country, @Size(max = 100) String city, Set<@NotNull Instrument> instruments,
			@NotNull Participants participants, @Size(max = 2000) String outputs, @Size(max = 2000) String notes) {

		ActivityDetails details() {
			return new ActivityDetails(type, title, startDate, endDate, mode, country, city, instruments, participants,
					outputs, notes);
		}

	}

	@GetMapping
	List<Activity.ActivityView> list(@RequestParam(required = false) Long projectId,
			@RequestParam(required = false) ActivityType type, @RequestParam(required = false) String country,
			@RequestParam(required = false) Instrument instrument, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return activities.page(new ActivityList.Filter(projectId, type, country, instrument, from, to),
				org.tafund.shared.Paging.page(page, size)).getContent();
	}

	@GetMapping("/{id}")
	ResponseEntity<Activity.ActivityView> show(@PathVariable long id) {
		var activity = activities.get(id);
		return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(activity);
	}

	/** Corrections by the project's managers; the ETag of the last read goes in If-Match. */
	@org.springframework.web.bind.annotation.PutMapping("/{id}")
	ResponseEntity<Activity.ActivityView> update(@PathVariable long id,
			@org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody ActivityForm form) {
		var activity = activities.update(id, ETags.expectedVersion(ifMatch), form.projectId(), form.details());
		return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(activity);
	}

	@PostMapping
	ResponseEntity<Activity.ActivityView> log(@Valid @RequestBody ActivityForm form) {
		var activity = activities.log(form.projectId(), form.details());
		return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id())).body(activity);
	}

}
