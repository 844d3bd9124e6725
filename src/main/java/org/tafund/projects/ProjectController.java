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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	/** The allocation form of the project page: USD from an agreement (by its number). */
	record AllocationForm(Long agreementId, BigDecimal amountUsd, LocalDate allocatedOn) {
	}

	/** The expenditure form of the project page; the currency is USD unless another is typed. */
	record ExpenditureForm(Long activityId, LocalDate spentOn, BudgetCategory category, BigDecimal amount,
			String currency, String reference, String description) {

		String currencyOrUsd() {
			return currency == null || currency.isBlank() ? "USD" : currency;
		}

	}

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
		return projectPage(id, model);
	}

	// The money forms of the project page: booked, back to the page; refused, the page again with
	// the form as typed and the reason beside the field it concerns (or above the form).

	@PostMapping("/{id}/expenditures")
	String spend(@PathVariable long id, @ModelAttribute("expenditureForm") ExpenditureForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		if (!result.hasFieldErrors("amount") && form.amount() == null) {
			result.rejectValue("amount", "expenditure.amount.positive");
		}
		if (!result.hasErrors()) {
			try {
				projects.spend(id, form.activityId(), form.spentOn(), form.category(), form.amount(),
						form.currencyOrUsd(), form.reference(), form.description());
				flash.addFlashAttribute("message", "expenditure.recorded");
				return "redirect:/projects/" + id;
			}
			catch (BusinessRuleViolation e) {
				e.rejectIn(result);
			}
		}
		return projectPage(id, model);
	}

	@PostMapping("/{id}/expenditures/{expenditureId}/reversal")
	String reverse(@PathVariable long id, @PathVariable long expenditureId,
			@RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes flash) {
		try {
			projects.reverseExpenditure(expenditureId, reason);
			flash.addFlashAttribute("message", "expenditure.reversed");
			return "redirect:/projects/" + id;
		}
		catch (BusinessRuleViolation e) {
			// Dated today: the refusal is shown on the line, with the reason as typed.
			model.addAttribute("reversalOf", expenditureId);
			model.addAttribute("reversalReason", reason);
			model.addAttribute("reversalProblem", new DefaultMessageSourceResolvable(e.getCodes(), e.getArguments()));
			return projectPage(id, model);
		}
	}

	@PostMapping("/{id}/allocations")
	String allocate(@PathVariable long id, @ModelAttribute("allocationForm") AllocationForm form,
			BindingResult result, Model model, RedirectAttributes flash) {
		if (!result.hasErrors() && (form.agreementId() == null || form.amountUsd() == null)) {
			result.reject("allocation.amount.positive");
		}
		if (!result.hasErrors()) {
			try {
				projects.allocate(form.agreementId(), id, form.amountUsd(), form.allocatedOn());
				flash.addFlashAttribute("message", "allocation.recorded");
				return "redirect:/projects/" + id;
			}
			catch (BusinessRuleViolation e) {
				e.rejectIn(result);
			}
		}
		return projectPage(id, model);
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

	/** The project page, with each form as typed if it was just refused, else as it opens. */
	private String projectPage(long id, Model model) {
		var project = projects.project(id);
		var locale = LocaleContextHolder.getLocale();
		var today = LocalDate.now(clock);
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
		model.addAttribute("today", today);
		if (!model.containsAttribute("allocationForm")) {
			model.addAttribute("allocationForm", new AllocationForm(null, null, today));
		}
		if (!model.containsAttribute("expenditureForm")) {
			model.addAttribute("expenditureForm", new ExpenditureForm(null, today, null, null, "USD", "", ""));
		}
		return "projects/show";
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
