package org.tafund.projects;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.context.i18n.LocaleContextHolder;
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
import org.tafund.shared.RefusalReturnsTo;

/** Project pages: everyone reads; managers of a project, FINANCE and ADMIN change it. */
@Controller
@RequestMapping("/projects")
class ProjectController {

	/** The allocation form of the project page: USD from an agreement (by its number). */
	record AllocationForm(@NotNull(message = "{allocation.amount.positive}") Long agreementId,
			@NotNull(message = "{allocation.amount.positive}") BigDecimal amountUsd, LocalDate allocatedOn) implements java.io.Serializable {
	}

	/** The expenditure form of the project page; the currency is USD unless another is typed. */
	record ExpenditureForm(Long activityId, LocalDate spentOn, BudgetCategory category,
			@NotNull(message = "{expenditure.amount.positive}") BigDecimal amount, String currency, String reference,
			String description) implements java.io.Serializable {

		String currencyOrUsd() {
			return currency == null || currency.isBlank() ? "USD" : currency;
		}

	}

	/** The reversal form on an expenditure line of the project page: the line (from the address) and why. */
	record ReversalForm(Long expenditureId, String reason) implements java.io.Serializable {
	}

	private final ProjectManagement projects;

	private final CountryCatalogue countries;

	private final ReferenceCatalogue reference;

	private final org.tafund.donors.DonorManagement donors;

	private final Clock clock;

	private final org.tafund.approvals.Approvals approvals;

	private final ProjectList list;

	ProjectController(ProjectManagement projects, CountryCatalogue countries, ReferenceCatalogue reference,
			org.tafund.donors.DonorManagement donors, Clock clock, org.tafund.approvals.Approvals approvals,
			ProjectList list) {
		this.list = list;
		this.clock = clock;
		this.approvals = approvals;
		this.donors = donors;
		this.projects = projects;
		this.countries = countries;
		this.reference = reference;
	}

	@GetMapping
	String list(@RequestParam(required = false) Theme theme, @RequestParam(required = false) Integer status,
			@RequestParam(required = false) String country, @RequestParam(required = false) String region,
			@RequestParam(required = false) String manager, @RequestParam(required = false) Instrument instrument,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
		var filter = new ProjectFilter(theme, status, country, region, manager, instrument);
		var shown = list.page(filter, org.tafund.shared.Paging.page(page, org.tafund.shared.Paging.size(size)));
		model.addAttribute("projects", shown.getContent());
		model.addAttribute("page", shown);
		model.addAttribute("sizes", org.tafund.shared.Paging.SIZES);
		model.addAttribute("filter", filter);
		return choices(model, "projects/list");
	}

	@GetMapping("/new")
	String newForm(Principal user, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ProjectForm.empty(user.getName()));
		}
		return newPage(model);
	}

	private String newPage(Model model) {
		var form = (ProjectForm) model.getAttribute("form");
		model.addAttribute("managerChoices", projects.managerChoices(form == null ? java.util.Set.of() : form.managerNames()));
		return choices(model, "projects/new");
	}

	@PostMapping
	@RefusalReturnsTo("/projects/new")
	String create(@Valid @ModelAttribute("form") ProjectForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			return newPage(model);
		}
		var project = projects.createProject(form.toDetails());
		flash.addFlashAttribute("message", "project.created");
		return "redirect:/projects/" + project.id();
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "0") int lines, Model model) {
		return projectPage(id, lines, model);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		projects.requireCanEdit(id);
		var project = projects.project(id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ProjectEditForm.of(project));
		}
		return editPage(project, model);
	}

	@PostMapping("/{id}/edit")
	@RefusalReturnsTo("/projects/{id}/edit")
	String edit(@PathVariable long id, @Valid @ModelAttribute("form") ProjectEditForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		projects.requireCanEdit(id);
		var project = projects.project(id);
		if (result.hasErrors()) {
			return editPage(project, model);
		}
		try {
			projects.updateProject(id, form.version() == null ? -1 : form.version(), form.toDetails(project));
		}
		catch (org.tafund.shared.ConcurrentEdit e) {
			// What was typed stays, beside what the other person stored; saving again replaces it,
			// knowingly, since the form now carries the current version.
			result.reject("project.changedMeanwhile", new Object[] { project.code() }, null);
			model.addAttribute("current", project);
			return editPage(project, model);
		}
		flash.addFlashAttribute("message", "project.updated");
		return "redirect:/projects/" + id;
	}

	@GetMapping("/requests/{id}")
	String request(@PathVariable long id, Model model) {
		var request = projects.request(id);
		model.addAttribute("request", request);
		model.addAttribute("state", countries.find(request.state(), LocaleContextHolder.getLocale()).orElse(null));
		model.addAttribute("answeredBy", projects.projectsAnswering(id));
		model.addAttribute("next", AssistanceRequest.nextStatuses(request.status()));
		if (!model.containsAttribute("statusForm")) {
			model.addAttribute("statusForm", new RequestStatusForm(request.version(), null, ""));
		}
		return "projects/request";
	}

	/** A request's next step: the status it moves to and why (required to decline). */
	record RequestStatusForm(long version, RequestStatus status, String reason) implements java.io.Serializable {
	}

	@PostMapping("/requests/{id}/status")
	@RefusalReturnsTo("/projects/requests/{id}#status-form")
	String changeRequestStatus(@PathVariable long id, @ModelAttribute("statusForm") RequestStatusForm form,
			BindingResult result, RedirectAttributes flash) {
		if (form.status() == null) {
			throw BusinessRuleViolation.ofField("status", "request.status.required");
		}
		projects.changeRequestStatus(id, form.version(), form.status(), form.reason());
		flash.addFlashAttribute("message", "request.statusChanged");
		return "redirect:/projects/requests/" + id;
	}

	// The money forms of the project page: booked, back to the page; refused by a rule, back to the
	// page too (PageRefusals) with the form as typed and the reason beside the field it concerns (or
	// above the form); a form that is not even well formed is shown again at once.

	@PostMapping("/{id}/expenditures")
	@RefusalReturnsTo("/projects/{id}#expenditure-form")
	String spend(@PathVariable long id, @Valid @ModelAttribute("expenditureForm") ExpenditureForm form,
			BindingResult result, Model model, RedirectAttributes flash) {
		if (result.hasErrors()) {
			return projectPage(id, model);
		}
		var line = projects.submitSpend(id, form.activityId(), form.spentOn(), form.category(), form.amount(),
				form.currencyOrUsd(), form.reference(), form.description());
		flash.addFlashAttribute("message", line.isPending() ? "approval.submitted" : "expenditure.recorded");
		return "redirect:/projects/" + id;
	}

	// Dated today: a refusal is shown on the line, with the reason as typed.
	@PostMapping("/{id}/expenditures/{expenditureId}/reversal")
	@RefusalReturnsTo("/projects/{id}#expenditure-{expenditureId}")
	String reverse(@PathVariable long id, @ModelAttribute("reversalForm") ReversalForm form, BindingResult result,
			RedirectAttributes flash) {
		var reversal = projects.submitExpenditureReversal(form.expenditureId(), form.reason());
		flash.addFlashAttribute("message", reversal.isPending() ? "approval.submitted" : "expenditure.reversed");
		return "redirect:/projects/" + id;
	}

	@PostMapping("/{id}/allocations")
	@RefusalReturnsTo("/projects/{id}#allocation-form")
	String allocate(@PathVariable long id, @Valid @ModelAttribute("allocationForm") AllocationForm form,
			BindingResult result, Model model, RedirectAttributes flash) {
		if (result.hasErrors()) {
			return projectPage(id, model);
		}
		var allocation = projects.submitAllocation(form.agreementId(), id, form.amountUsd(), form.allocatedOn());
		flash.addFlashAttribute("message", allocation.isPending() ? "approval.submitted" : "allocation.recorded");
		return "redirect:/projects/" + id;
	}

	/** The allocation picker's choices (htmx): agreements found by donor or reference that can fund the project. */
	@GetMapping("/{id}/funding-choices")
	String fundingChoices(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long selected, Model model) {
		var choices = projects.fundingChoices(id, q, FUNDING_CHOICES);
		model.addAttribute("choices", choices);
		model.addAttribute("selected", selected);
		model.addAttribute("q", q);
		model.addAttribute("donorNames", donors.names(choices.stream().map(c -> c.donorId()).distinct().toList()));
		return "projects/funding-choices :: choices";
	}

	/** How many agreements the picker shows at once: the search narrows them. */
	static final int FUNDING_CHOICES = 15;

	@GetMapping("/requests")
	String requests(@RequestParam(required = false) RequestStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", RequestForm.empty());
		}
		model.addAttribute("requests", projects.requests(status, page, org.tafund.shared.Paging.size(size)));
		model.addAttribute("status", status);
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("subjects", Subject.values());
		model.addAttribute("instruments", Instrument.values());
		model.addAttribute("countries", countries.all(LocaleContextHolder.getLocale()));
		return "projects/requests";
	}

	@PostMapping("/requests")
	@RefusalReturnsTo("/projects/requests#request-form")
	String recordRequest(@Valid @ModelAttribute("form") RequestForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			return requests(null, 0, null, model);
		}
		projects.recordRequest(form.state(), form.receivedOn(), form.channel(), form.subjects(), form.instruments(),
				form.description());
		flash.addFlashAttribute("message", "request.recorded");
		return "redirect:/projects/requests";
	}

	/** The project page, with each form as typed if it was just refused, else as it opens. */
	private String projectPage(long id, Model model) {
		return projectPage(id, 0, model);
	}

	private String projectPage(long id, int expenditurePage, Model model) {
		var project = projects.project(id);
		var locale = LocaleContextHolder.getLocale();
		var today = LocalDate.now(clock);
		model.addAttribute("project", project);
		model.addAttribute("canEdit", projects.canEdit(id));
		model.addAttribute("pending", approvals.pendingOf("PROJECT", id));
		model.addAttribute("beneficiaries", project.beneficiaryCountries()
			.stream()
			.map(c -> countries.find(c, locale).orElseThrow())
			.toList());
		model.addAttribute("entity", reference.implementingEntity(project.implementingEntityId()).orElse(null));
		var allocations = projects.allocations(id);
		model.addAttribute("allocations", allocations);
		model.addAttribute("donorNames", donors.names(allocations.stream().map(a -> a.donorId()).toList()));
		// The latest lines, a page at a time; the chart from monthly sums, whatever the number of lines. A refused
		// reversal comes back to the page that holds its line, where its reason is shown.
		int size = org.tafund.shared.Paging.size(null);
		var refused = (ReversalForm) model.getAttribute("reversalForm");
		int linesPage = refused != null && refused.expenditureId() != null
				? projects.expenditurePageOf(refused.expenditureId(), size) : expenditurePage;
		model.addAttribute("expenditure", projects.expenditure(id, linesPage, size));
		model.addAttribute("requestsAnswered", projects.requestsOf(project.requestIds()));
		model.addAttribute("burn", projects.burnRate(id));
		model.addAttribute("categories", BudgetCategory.values());
		model.addAttribute("today", today);
		if (!model.containsAttribute("allocationForm")) {
			model.addAttribute("allocationForm", new AllocationForm(null, null, today));
		}
		// A refused allocation shows the agreement it had picked, checked, before any search.
		var picked = (AllocationForm) model.getAttribute("allocationForm");
		var chosen = picked == null || picked.agreementId() == null ? java.util.List.<ProjectManagement.FundingChoice>of()
				: projects.fundingChoice(picked.agreementId()).stream().toList();
		model.addAttribute("choices", chosen);
		model.addAttribute("selected", picked == null ? null : picked.agreementId());
		if (!model.containsAttribute("expenditureForm")) {
			model.addAttribute("expenditureForm", new ExpenditureForm(null, today, null, null, "USD", "", ""));
		}
		return "projects/show";
	}

	private String editPage(ProjectView project, Model model) {
		model.addAttribute("project", project);
		model.addAttribute("managerChoices", projects.managerChoices(project.managers()));
		model.addAttribute("requestChoices", projects.requests(null));
		model.addAttribute("categories", BudgetCategory.values());
		return choices(model, "projects/edit");
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
