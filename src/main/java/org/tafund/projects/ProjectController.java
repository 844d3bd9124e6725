package org.tafund.projects;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Channel;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.ProjectStatus;
import org.tafund.projects.Codes.RequestStatus;
import org.tafund.projects.Codes.Subject;
import org.tafund.projects.Codes.Theme;
import org.tafund.reference.CountryCatalogue;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.shared.BusinessRuleViolation;

/** Project pages: everyone reads; managers of a project, FINANCE and ADMIN change it. */
@Controller
@RequestMapping("/projects")
class ProjectController {

	private final ProjectManagement projects;

	private final CountryCatalogue countries;

	private final ReferenceCatalogue reference;

	private final org.tafund.donors.DonorManagement donors;

	private final Clock clock;

	ProjectController(ProjectManagement projects, CountryCatalogue countries, ReferenceCatalogue reference,
			org.tafund.donors.DonorManagement donors, Clock clock) {
		this.clock = clock;
		this.donors = donors;
		this.projects = projects;
		this.countries = countries;
		this.reference = reference;
	}

	@GetMapping
	String list(@RequestParam(required = false) Theme theme, @RequestParam(required = false) Integer status,
			@RequestParam(required = false) String country, @RequestParam(required = false) String region,
			@RequestParam(required = false) String manager, @RequestParam(required = false) Instrument instrument,
			Model model) {
		model.addAttribute("projects", projects.projects(new ProjectFilter(theme, status, country, region, manager,
				instrument)));
		model.addAttribute("filter", new ProjectFilter(theme, status, country, region, manager, instrument));
		return choices(model, "projects/list");
	}

	@GetMapping("/new")
	String newForm(Model model) {
		return choices(model, "projects/new");
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) Theme theme, @RequestParam(required = false) Set<String> countries,
			@RequestParam(defaultValue = "") String managers, @RequestParam(required = false) Long implementingEntityId,
			@RequestParam(defaultValue = "1") int status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedStart,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedEnd,
			@RequestParam(required = false) Set<Instrument> instruments, RedirectAttributes flash) {
		try {
			if (theme == null || title.isBlank() || implementingEntityId == null) {
				throw new BusinessRuleViolation("project.incomplete");
			}
			var managerNames = Arrays.stream(managers.split("[,\\s]+"))
				.filter(m -> !m.isBlank())
				.collect(Collectors.toCollection(LinkedHashSet::new));
			var project = projects.createProject(new ProjectDetails(code, title, null, theme, instruments,
					countries == null ? Set.of() : countries, implementingEntityId, managerNames, plannedStart,
					plannedEnd, null, null, status, "15130", null, Set.of(), List.of()));
			flash.addFlashAttribute("message", "project.created");
			return "redirect:/projects/" + project.id();
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("problem", new DefaultMessageSourceResolvable(e.getCodes(), e.getArguments()));
			return "redirect:/projects/new";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		var project = projects.project(id);
		var locale = LocaleContextHolder.getLocale();
		model.addAttribute("project", project);
		model.addAttribute("canEdit", projects.canEdit(id));
		model.addAttribute("beneficiaries", project.beneficiaryCountries()
			.stream()
			.map(c -> countries.find(c, locale).orElseThrow())
			.toList());
		model.addAttribute("entity", reference.implementingEntity(project.implementingEntityId()).orElse(null));
		model.addAttribute("allocations", projects.allocations(id));
		model.addAttribute("donorNames", donors.all().stream().collect(Collectors.toMap(d -> d.id(), d -> d.name())));
		model.addAttribute("expenditure", projects.expenditure(id));
		model.addAttribute("requestsAnswered", projects.requests(null)
			.stream()
			.filter(r -> project.requestIds().contains(r.id()))
			.toList());
		model.addAttribute("burn", BurnRate.of(projects.expenditure(id)));
		model.addAttribute("categories", BudgetCategory.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "projects/show";
	}

	@PostMapping("/{id}/expenditures")
	String spend(@PathVariable long id, @RequestParam(required = false) Long activityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate spentOn,
			@RequestParam(required = false) BudgetCategory category, @RequestParam(required = false) BigDecimal amount,
			@RequestParam(defaultValue = "USD") String currency, @RequestParam(defaultValue = "") String reference,
			@RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
		return act(id, flash, "expenditure.recorded", () -> {
			if (amount == null) {
				throw new BusinessRuleViolation("expenditure.amount.positive");
			}
			projects.spend(id, activityId, spentOn, category, amount, currency, reference, description);
		});
	}

	@PostMapping("/{id}/expenditures/{expenditureId}/reversal")
	String reverse(@PathVariable long id, @PathVariable long expenditureId,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return act(id, flash, "expenditure.reversed", () -> projects.reverseExpenditure(expenditureId, reason));
	}

	@PostMapping("/{id}/allocations")
	String allocate(@PathVariable long id, @RequestParam(required = false) Long agreementId,
			@RequestParam(required = false) BigDecimal amountUsd,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate allocatedOn,
			RedirectAttributes flash) {
		return act(id, flash, "allocation.recorded", () -> {
			if (agreementId == null || amountUsd == null) {
				throw new BusinessRuleViolation("allocation.amount.positive");
			}
			projects.allocate(agreementId, id, amountUsd, allocatedOn);
		});
	}

	@GetMapping("/requests")
	String requests(@RequestParam(required = false) RequestStatus status, Model model) {
		model.addAttribute("requests", projects.requests(status));
		model.addAttribute("status", status);
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("subjects", Subject.values());
		model.addAttribute("instruments", Instrument.values());
		model.addAttribute("countries", countries.all(LocaleContextHolder.getLocale()));
		return "projects/requests";
	}

	@PostMapping("/requests")
	String recordRequest(@RequestParam(defaultValue = "") String state,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) Set<Subject> subjects,
			@RequestParam(required = false) Set<Instrument> instruments,
			@RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
		try {
			if (receivedOn == null || channel == null || description.isBlank()) {
				throw new BusinessRuleViolation("request.incomplete");
			}
			projects.recordRequest(state, receivedOn, channel, subjects, instruments, description);
			flash.addFlashAttribute("message", "request.recorded");
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("problem", new DefaultMessageSourceResolvable(e.getCodes(), e.getArguments()));
		}
		return "redirect:/projects/requests";
	}

	private static String act(long id, RedirectAttributes flash, String success, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("message", success);
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("problem", new DefaultMessageSourceResolvable(e.getCodes(), e.getArguments()));
		}
		return "redirect:/projects/" + id;
	}

	private String choices(Model model, String view) {
		model.addAttribute("themes", Theme.values());
		model.addAttribute("statuses", ProjectStatus.values());
		model.addAttribute("instruments", Instrument.values());
		model.addAttribute("countries", countries.all(LocaleContextHolder.getLocale()));
		model.addAttribute("entities", reference.implementingEntities());
		return view;
	}

}
