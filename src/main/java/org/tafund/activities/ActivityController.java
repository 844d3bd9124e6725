package org.tafund.activities;

import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tafund.shared.Paging;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.ProjectFilter;
import org.tafund.projects.ProjectManagement;
import org.tafund.reference.CountryCatalogue;
import org.tafund.shared.RefusalReturnsTo;

/** Activity pages; the project page shows its activities through the summary fragment here. */
@Controller
@RequestMapping("/activities")
class ActivityController {

	private final ActivityManagement activities;

	private final ProjectManagement projects;

	private final CountryCatalogue countries;

	ActivityController(ActivityManagement activities, ProjectManagement projects, CountryCatalogue countries) {
		this.activities = activities;
		this.projects = projects;
		this.countries = countries;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long projectId, @RequestParam(required = false) ActivityType type,
			@RequestParam(required = false) String country, @RequestParam(required = false) Instrument instrument,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
		var filter = new ActivityList.Filter(projectId, type, country, instrument, from, to);
		model.addAttribute("activities", activities.page(filter, Paging.page(page, Paging.size(size))));
		model.addAttribute("totals", activities.participants(filter));
		model.addAttribute("filter", filter);
		model.addAttribute("sizes", Paging.SIZES);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("instruments", Instrument.values());
		// Codes only: the picker needs no project's figures.
		model.addAttribute("projects", projects.codes());
		model.addAttribute("countries", countries.all(LocaleContextHolder.getLocale()));
		model.addAttribute("country", country);
		return "activities/list";
	}

	@GetMapping("/projects/{projectId}/summary")
	String projectSummary(@PathVariable long projectId, Model model) {
		// The latest activities, in the order they took place; the totals and the full list cover all of them.
		var filter = new ActivityList.Filter(projectId, null, null, null, null, null);
		var latest = activities.page(filter, Paging.page(0, Paging.SIZES.get(0)));
		var inOrder = new java.util.ArrayList<>(latest.getContent());
		java.util.Collections.reverse(inOrder);
		model.addAttribute("activities", inOrder);
		model.addAttribute("activityCount", latest.getTotalElements());
		model.addAttribute("totals", activities.participants(filter));
		model.addAttribute("projectId", projectId);
		model.addAttribute("canEdit", projects.canEdit(projectId));
		return "activities/project-summary :: summary";
	}

	@GetMapping("/new")
	String newForm(@RequestParam long projectId, Model model) {
		projects.requireCanEdit(projectId);
		var project = projects.project(projectId);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ActivityForm.empty(projectId, project.beneficiaryCountries()));
		}
		return formPage(projectId, model);
	}

	private String formPage(long projectId, Model model) {
		model.addAttribute("project", projects.project(projectId));
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("modes", Activity.Mode.values());
		model.addAttribute("instruments", Instrument.values());
		model.addAttribute("countries", countries.all(LocaleContextHolder.getLocale()));
		return "activities/new";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		var activity = activities.get(id);
		projects.requireCanEdit(activity.projectId());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ActivityForm.of(activity));
		}
		if (!model.containsAttribute("withdrawalForm")) {
			model.addAttribute("withdrawalForm", new WithdrawalForm(activity.version(), ""));
		}
		model.addAttribute("activity", activity);
		return formPage(activity.projectId(), model);
	}

	@PostMapping("/{id}")
	@RefusalReturnsTo("/activities/{id}/edit")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ActivityForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		var activity = activities.get(id);
		if (result.hasErrors()) {
			return editForm(id, model);
		}
		activities.update(id, form.version() == null ? -1 : form.version(), activity.projectId(), form.toDetails());
		flash.addFlashAttribute("message", "activity.updated");
		return "redirect:/projects/" + activity.projectId();
	}

	/** Why an activity is withdrawn, and the version the user saw. */
	record WithdrawalForm(Long version, String reason) implements java.io.Serializable {
	}

	@PostMapping("/{id}/withdrawal")
	@RefusalReturnsTo("/activities/{id}/edit#withdrawal-form")
	String withdraw(@PathVariable long id, @ModelAttribute("withdrawalForm") WithdrawalForm form, BindingResult result,
			RedirectAttributes flash) {
		var withdrawn = activities.withdraw(id, form.version() == null ? -1 : form.version(), form.reason());
		flash.addFlashAttribute("message", "activity.withdrawn");
		return "redirect:/projects/" + withdrawn.projectId();
	}

	@PostMapping
	@RefusalReturnsTo("/activities/new?projectId={projectId}")
	String log(@Valid @ModelAttribute("form") ActivityForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (form.projectId() == null) {
			// Not a field anyone types: a request without it is malformed.
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "projectId is required");
		}
		if (result.hasErrors()) {
			return newForm(form.projectId(), model);
		}
		activities.log(form.projectId(), form.toDetails());
		flash.addFlashAttribute("message", "activity.recorded");
		return "redirect:/projects/" + form.projectId();
	}

}
