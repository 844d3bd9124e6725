package org.tafund.activities;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.ProjectFilter;
import org.tafund.projects.ProjectManagement;
import org.tafund.reference.CountryCatalogue;
import org.tafund.shared.BusinessRuleViolation;

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
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		var list = activities.list(projectId, type, country, instrument, from, to);
		model.addAttribute("activities", list);
		model.addAttribute("totals", activities.participantTotals(list));
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("instruments", Instrument.values());
		model.addAttribute("projects", projects.projects(ProjectFilter.all()));
		return "activities/list";
	}

	@GetMapping("/projects/{projectId}/summary")
	String projectSummary(@PathVariable long projectId, Model model) {
		var list = activities.ofProject(projectId);
		model.addAttribute("activities", list);
		model.addAttribute("totals", activities.participantTotals(list));
		model.addAttribute("projectId", projectId);
		model.addAttribute("canEdit", projects.canEdit(projectId));
		return "activities/project-summary :: summary";
	}

	@GetMapping("/new")
	String newForm(@RequestParam long projectId, Model model) {
		projects.requireCanEdit(projectId);
		model.addAttribute("project", projects.project(projectId));
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("modes", Activity.Mode.values());
		model.addAttribute("instruments", Instrument.values());
		model.addAttribute("countries", countries.all(LocaleContextHolder.getLocale()));
		return "activities/new";
	}

	@PostMapping
	String log(@RequestParam long projectId, @RequestParam(required = false) ActivityType type,
			@RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
			@RequestParam(defaultValue = "IN_PERSON") Activity.Mode mode, @RequestParam(defaultValue = "") String country,
			@RequestParam(defaultValue = "") String city, @RequestParam(required = false) Set<Instrument> instruments,
			@RequestParam(defaultValue = "0") int women, @RequestParam(defaultValue = "0") int men,
			@RequestParam(defaultValue = "0") int sexNotRecorded, @RequestParam(defaultValue = "0") int centralAuthority,
			@RequestParam(defaultValue = "0") int prosecution, @RequestParam(defaultValue = "0") int judiciary,
			@RequestParam(defaultValue = "0") int lawEnforcement, @RequestParam(defaultValue = "0") int ministry,
			@RequestParam(defaultValue = "0") int otherInstitution, @RequestParam(defaultValue = "") String outputs,
			RedirectAttributes flash) {
		try {
			if (type == null || title.isBlank() || startDate == null || endDate == null) {
				throw new BusinessRuleViolation("activity.incomplete");
			}
			var participants = new Participants(women, men, sexNotRecorded, centralAuthority, prosecution, judiciary,
					lawEnforcement, ministry, otherInstitution);
			activities.log(projectId, new ActivityDetails(type, title, startDate, endDate, mode, country, city,
					instruments, participants, outputs.isBlank() ? null : outputs, null));
			flash.addFlashAttribute("message", "activity.recorded");
			return "redirect:/projects/" + projectId;
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("problem", new DefaultMessageSourceResolvable(e.getCodes(), e.getArguments()));
			return "redirect:/activities/new?projectId=" + projectId;
		}
	}

}
