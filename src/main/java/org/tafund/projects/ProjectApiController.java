package org.tafund.projects;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tafund.idempotency.IdempotentRequests;
import org.tafund.idempotency.StoredResponse;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Channel;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.RequestStatus;
import org.tafund.projects.Codes.Subject;
import org.tafund.projects.Codes.Theme;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.shared.ETags;

import tools.jackson.databind.json.JsonMapper;

/** Requests, projects, allocations and expenditure over JSON. */
@RestController
@RequestMapping("/api/v1")
class ProjectApiController {

	private final ProjectManagement projects;

	private final ReferenceCatalogue reference;

	private final IdempotentRequests idempotent;

	private final JsonMapper json;

	ProjectApiController(ProjectManagement projects, ReferenceCatalogue reference, IdempotentRequests idempotent,
			JsonMapper json) {
		this.projects = projects;
		this.reference = reference;
		this.idempotent = idempotent;
		this.json = json;
	}

	record RequestBodyForm(@NotBlank @Size(min = 3, max = 3) String state, @NotNull LocalDate receivedOn,
			@NotNull Channel channel, @NotEmpty Set<@NotNull Subject> subjects, Set<@NotNull Instrument> instruments,
			@NotBlank @Size(max = 2000) String description) {
	}

	record StatusForm(@NotNull RequestStatus status, @Size(max = 500) String reason, @NotNull Long version) {
	}

	record AllocationForm(@NotNull Long agreementId, @NotNull Long projectId, @NotNull @Positive BigDecimal amountUsd,
			@NotNull LocalDate allocatedOn) {
	}

	record ExpenditureForm(@NotNull Long projectId, Long activityId, @NotNull LocalDate spentOn,
			@NotNull BudgetCategory category, @NotNull @Positive BigDecimal amount,
			@NotBlank @Size(min = 3, max = 3) String currency, @Size(max = 100) String reference,
			@Size(max = 500) String description) {
	}

	record ReversalForm(@NotBlank @Size(max = 500) String reason) {
	}

	@GetMapping("/requests")
	List<AssistanceRequest.RequestView> requests(@RequestParam(required = false) RequestStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return projects.requests(status, page, size).getContent();
	}

	@PostMapping("/requests")
	ResponseEntity<AssistanceRequest.RequestView> recordRequest(@Valid @RequestBody RequestBodyForm form) {
		return ResponseEntity.status(HttpStatus.CREATED).body(projects.recordRequest(form.state(), form.receivedOn(),
				form.channel(), form.subjects(), form.instruments(), form.description()));
	}

	@PostMapping("/requests/{id}/status")
	AssistanceRequest.RequestView changeStatus(@PathVariable long id, @Valid @RequestBody StatusForm form) {
		return projects.changeRequestStatus(id, form.version(), form.status(), form.reason());
	}

	@GetMapping("/projects")
	List<ProjectView> list(@RequestParam(required = false) Theme theme, @RequestParam(required = false) Integer status,
			@RequestParam(required = false) String country, @RequestParam(required = false) String region,
			@RequestParam(required = false) String manager, @RequestParam(required = false) Instrument instrument,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return projects.projects(new ProjectFilter(theme, status, country, region, manager, instrument),
				org.tafund.shared.Paging.page(page, size));
	}

	@PostMapping("/projects")
	ResponseEntity<ProjectView> create(@Valid @RequestBody ProjectRequest request) {
		var project = projects.createProject(request.toDetails(defaultEntity()));
		return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id())).eTag(etag(project)).body(project);
	}

	@GetMapping("/projects/{id}")
	ResponseEntity<ProjectView> show(@PathVariable long id) {
		var project = projects.project(id);
		return ResponseEntity.ok().eTag(etag(project)).body(project);
	}

	@PutMapping("/projects/{id}")
	ResponseEntity<ProjectView> update(@PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody ProjectRequest request) {
		var project = projects.updateProject(id, ETags.expectedVersion(ifMatch), request.toDetails(defaultEntity()));
		return ResponseEntity.ok().eTag(etag(project)).body(project);
	}

	@GetMapping("/projects/{id}/allocations")
	List<Allocation.AllocationView> allocations(@PathVariable long id) {
		return projects.allocations(id);
	}

	@GetMapping("/projects/{id}/expenditures")
	List<Expenditure.ExpenditureView> expenditures(@PathVariable long id) {
		return projects.expenditure(id);
	}

	@PostMapping("/allocations")
	ResponseEntity<String> allocate(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody AllocationForm form) {
		return once(key, "allocation", form.toString(), () -> projects.submitAllocation(form.agreementId(),
				form.projectId(), form.amountUsd(), form.allocatedOn()));
	}

	@PostMapping("/expenditures")
	ResponseEntity<String> spend(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody ExpenditureForm form) {
		return once(key, "expenditure", form.toString(), () -> projects.submitSpend(form.projectId(),
				form.activityId(), form.spentOn(), form.category(), form.amount(), form.currency(), form.reference(),
				form.description()));
	}

	@PostMapping("/expenditures/{id}/reversal")
	ResponseEntity<String> reverse(@PathVariable long id, @Valid @RequestBody ReversalForm form) {
		return once(null, "expenditure-reversal", "", () -> projects.submitExpenditureReversal(id, form.reason()));
	}

	/**
	 * 201 with what was booked, or 202 with the pending record when it waits for a second person's
	 * approval (its address is {@code /api/v1/approvals/{id}}).
	 */
	private ResponseEntity<String> once(String key, String scope, String request,
			java.util.function.Supplier<org.tafund.approvals.Submitted<?>> work) {
		java.util.function.Supplier<StoredResponse> stored = () -> {
			var submitted = work.get();
			return new StoredResponse(submitted.status(), json.writeValueAsString(submitted.body()));
		};
		var response = key == null ? stored.get() : idempotent.run(scope, key, request, stored);
		return ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
	}

	private long defaultEntity() {
		return reference.implementingEntity("UNODC-HQ").orElseThrow().id();
	}

	static String etag(ProjectView project) {
		return ETags.of(project.version());
	}

}
