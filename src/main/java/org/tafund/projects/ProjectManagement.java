package org.tafund.projects;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.ApprovalView;
import org.tafund.approvals.Submitted;
import org.tafund.shared.Summary;
import org.tafund.contributions.AllocationBasis;
import org.tafund.contributions.ContributionManagement;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Channel;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.RequestStatus;
import org.tafund.projects.Codes.Subject;
import org.tafund.reference.CountryCatalogue;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Right;
import org.tafund.security.Role;
import org.tafund.security.UserManagement;
import org.tafund.shared.BookingDates;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConcurrentEdit;
import org.tafund.shared.Constraints;
import org.tafund.shared.Money;
import org.tafund.shared.NotFound;

/**
 * Requests, projects, allocations and expenditure. A project manager changes only the projects
 * they manage; FINANCE and ADMIN change all; everyone else reads. The rule is checked here, on
 * every change, whatever the page or API call.
 */
@Service
@Transactional
public class ProjectManagement {

	private final Requests requests;

	private final Projects projects;

	/** A history names a project by its code: an activity's, allocation's or expenditure's {@code projectId}. */
	@org.springframework.context.annotation.Bean
	static org.tafund.shared.RecordNames projectNames(Projects projects) {
		return org.tafund.shared.RecordNames.of("projectId", id -> projects.findById(id).map(Project::getCode));
	}

	private final Allocations allocations;

	private final Expenditures expenditures;

	private final ContributionManagement contributions;

	private final ExchangeRateManagement rates;

	private final CountryCatalogue countries;

	private final ReferenceCatalogue reference;

	private final ObjectProvider<ActivityDirectory> activities;

	private final UserManagement users;

	private final Clock clock;

	private final ProjectPostings postings;

	private final ProjectMakerChecker makerChecker;

	private final ProjectList list;

	ProjectManagement(UserManagement users, Requests requests, Projects projects, Allocations allocations, Expenditures expenditures,
			ContributionManagement contributions, ExchangeRateManagement rates, CountryCatalogue countries,
			ReferenceCatalogue reference, ObjectProvider<ActivityDirectory> activities, Clock clock, ProjectPostings postings,
			ProjectMakerChecker makerChecker, ProjectList list) {
		this.list = list;
		this.postings = postings;
		this.makerChecker = makerChecker;
		this.users = users;
		this.requests = requests;
		this.projects = projects;
		this.allocations = allocations;
		this.expenditures = expenditures;
		this.contributions = contributions;
		this.rates = rates;
		this.countries = countries;
		this.reference = reference;
		this.activities = activities;
		this.clock = clock;
	}

	// Requests for assistance ---------------------------------------------------------------

	public AssistanceRequest.RequestView recordRequest(String state, LocalDate receivedOn, Channel channel,
			Set<Subject> subjects, Set<Instrument> instruments, String description) {
		if (!countries.exists(state)) {
			throw BusinessRuleViolation.ofField("state", "donor.country.unknown", state);
		}
		if (receivedOn != null) {
			BookingDates.require(receivedOn, LocalDate.now(clock), "receivedOn");
		}
		return requests.save(new AssistanceRequest(state.strip().toUpperCase(Locale.ROOT), receivedOn, channel, subjects,
				instruments, description)).view();
	}

	public AssistanceRequest.RequestView changeRequestStatus(long id, long version, RequestStatus status,
			String reason) {
		var request = requests.findById(id).orElseThrow(() -> new ProjectNotFound("request", id));
		if (request.getVersion() != version) {
			throw new ConcurrentEdit("request", id);
		}
		request.changeStatus(status, reason);
		// Flushed so that the version returned is the one the next change must name.
		try {
			requests.flush();
		}
		catch (OptimisticLockingFailureException e) {
			throw new ConcurrentEdit("request", id);
		}
		return request.view();
	}

	@Transactional(readOnly = true)
	public AssistanceRequest.RequestView request(long id) {
		return requests.findById(id).orElseThrow(() -> new ProjectNotFound("request", id)).view();
	}

	/**
	 * Who may be named a project's manager: the active users with the role, and those already named
	 * (so that a manager who lost the role still shows, and the page says why the save is refused).
	 */
	@Transactional(readOnly = true)
	public List<ManagerChoice> managerChoices(java.util.Collection<String> named) {
		var choices = new java.util.TreeMap<String, ManagerChoice>();
		users.withRole(Role.PROJECT_MANAGER)
			.stream()
			.filter(u -> u.enabled())
			.forEach(u -> choices.put(u.username(), new ManagerChoice(u.username(), u.fullName())));
		for (var username : named) {
			choices.computeIfAbsent(username, n -> new ManagerChoice(n, users.findByUsername(n)
				.map(u -> u.fullName())
				.orElse(n)));
		}
		return List.copyOf(choices.values());
	}

	/** A user who may manage projects, as a picker shows them. */
	public record ManagerChoice(String username, String fullName) {

		public String label() {
			return fullName == null || fullName.isBlank() || fullName.equals(username) ? username
					: fullName + " (" + username + ")";
		}

	}

	/** A page of the requests (of a status), latest received first. */
	@Transactional(readOnly = true)
	public org.springframework.data.domain.Page<AssistanceRequest.RequestView> requests(RequestStatus status, int page,
			int size) {
		var asked = org.tafund.shared.Paging.page(page, size, org.springframework.data.domain.Sort
			.by(org.springframework.data.domain.Sort.Direction.DESC, "receivedOn", "id"));
		return (status == null ? requests.findAll(asked) : requests.findByStatus(status, asked)).map(AssistanceRequest::view);
	}

	/** Every request (of a status), latest received first: for pickers. */
	@Transactional(readOnly = true)
	public List<AssistanceRequest.RequestView> requests(RequestStatus status) {
		return requests.findAllByOrderByReceivedOnDescIdDesc()
			.stream()
			.map(AssistanceRequest::view)
			.filter(r -> status == null || r.status() == status)
			.toList();
	}

	// Projects ------------------------------------------------------------------------------

	/** A project manager who creates a project manages it. */
	public ProjectView createProject(ProjectDetails details) {
		var actor = Actor.current();
		if (actor.projects() == Right.Reach.NONE) {
			throw new AccessDeniedException("Only project managers, finance and administrators create projects.");
		}
		var withCreator = details;
		if (actor.projects() == Right.Reach.OWN_PROJECTS && !details.managers().contains(actor.username())) {
			var managers = new java.util.TreeSet<>(details.managers());
			managers.add(actor.username());
			withCreator = details.withManagers(managers);
		}
		requirePscRateAllowed(actor, Project.STANDARD_PSC, details.pscRate());
		check(withCreator);
		if (projects.existsByCode(withCreator.code().strip().toUpperCase(Locale.ROOT))) {
			throw BusinessRuleViolation.ofField("code", "project.code.taken", withCreator.code());
		}
		try {
			return view(projects.saveAndFlush(new Project(withCreator)));
		}
		catch (DataIntegrityViolationException e) {
			if (Constraints.violated(e, "uk_project_code")) {
				throw BusinessRuleViolation.ofField("code", "project.code.taken", withCreator.code());
			}
			throw e;
		}
	}

	public ProjectView updateProject(long id, long expectedVersion, ProjectDetails details) {
		var project = projects.findForUpdate(id).orElseThrow(() -> new ProjectNotFound("project", id));
		requireCanEdit(project);
		if (project.getVersion() != expectedVersion) {
			throw new ConcurrentEdit("project", project.getCode());
		}
		// A project's code is its name in every report and export: it is never changed by an edit.
		if (details.code() != null && !details.code().isBlank()
				&& !details.code().strip().toUpperCase(Locale.ROOT).equals(project.getCode())) {
			throw BusinessRuleViolation.ofField("code", "field.immutable", "code", project.getCode());
		}
		// On an edit, no rate means the rate stays.
		var rated = details.pscRate() == null ? details.withPscRate(project.getPscRate()) : details;
		requirePscRateAllowed(Actor.current(), project.getPscRate(), rated.pscRate());
		check(rated);
		project.apply(rated);
		try {
			projects.flush();
		}
		catch (OptimisticLockingFailureException e) {
			throw new ConcurrentEdit("project", project.getCode());
		}
		return view(project);
	}

	/**
	 * The PSC rate is the Fund's income, set by policy: only finance officers and administrators
	 * set a rate other than the one a project has (the standard 13% for a new project).
	 */
	private static void requirePscRateAllowed(Actor actor, BigDecimal current, BigDecimal wanted) {
		if (wanted != null && wanted.compareTo(current) != 0 && !actor.keepsAccounts()) {
			throw new BusinessRuleViolation("project.psc.financeOnly", current.movePointRight(2).stripTrailingZeros()
				.toPlainString() + "%");
		}
	}

	@Transactional(readOnly = true)
	public ProjectView project(long id) {
		return view(load(id));
	}

	/**
	 * Every project that matches, in full, by code: picked in SQL ({@link ProjectList}), so that only
	 * those are read (a manager's own projects, not every project). Pages list through
	 * {@link ProjectList#page}.
	 */
	@Transactional(readOnly = true)
	public List<ProjectView> projects(ProjectFilter filter) {
		return views(list.ids(filter));
	}

	/** A page of the projects a filter keeps, by code, in full (the API's list). */
	@Transactional(readOnly = true)
	public List<ProjectView> projects(ProjectFilter filter, org.springframework.data.domain.Pageable page) {
		return views(list.page(filter, page).map(ProjectList.Row::id).getContent());
	}

	/** Every project's code by its id, in code order: what a project picker offers, in one light query. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> codes() {
		var codes = new java.util.LinkedHashMap<Long, String>();
		projects.idsAndCodes().forEach(row -> codes.put((Long) row[0], (String) row[1]));
		return codes;
	}

	/** The projects that answer a State's request, by code. */
	@Transactional(readOnly = true)
	public List<ProjectView> projectsAnswering(long requestId) {
		return views(list.answering(requestId));
	}

	/** The requests {@code ids}, latest received first (what a project page lists as answered). */
	@Transactional(readOnly = true)
	public List<AssistanceRequest.RequestView> requestsOf(java.util.Collection<Long> ids) {
		return requests.findAllById(ids)
			.stream()
			.map(AssistanceRequest::view)
			.sorted(java.util.Comparator.comparing(AssistanceRequest.RequestView::receivedOn)
				.thenComparing(AssistanceRequest.RequestView::id)
				.reversed())
			.toList();
	}

	/** Throws 403 unless the signed-in user may change this project (for the activities module too). */
	@Transactional(readOnly = true)
	public void requireCanEdit(long projectId) {
		requireCanEdit(load(projectId));
	}

	@Transactional(readOnly = true)
	public boolean canEdit(long projectId) {
		return Actor.current().mayEdit(load(projectId));
	}

	// Allocations ---------------------------------------------------------------------------

	/** FINANCE gives USD from an agreement to a project, within the agreement's earmark and balance. */
	public Allocation.AllocationView allocate(long agreementId, long projectId, BigDecimal amountUsd,
			LocalDate allocatedOn) {
		return allocate(agreementId, projectId, amountUsd, allocatedOn, false).booked();
	}

	/**
	 * An allocation as a user asks for it: booked as {@link #allocate} does, or pending a second
	 * person's approval when an administrator has put allocations of its amount under maker-checker.
	 */
	public Submitted<Allocation.AllocationView> submitAllocation(long agreementId, long projectId, BigDecimal amountUsd,
			LocalDate allocatedOn) {
		return allocate(agreementId, projectId, amountUsd, allocatedOn, true);
	}

	private Submitted<Allocation.AllocationView> allocate(long agreementId, long projectId, BigDecimal amountUsd,
			LocalDate allocatedOn, boolean asked) {
		if (!Actor.current().keepsAccounts()) {
			throw new AccessDeniedException("Only finance officers allocate funds.");
		}
		var amount = Money.of(amountUsd, Money.USD);
		if (!amount.isPositive()) {
			throw new BusinessRuleViolation("allocation.amount.positive");
		}
		if (allocatedOn == null) {
			throw BusinessRuleViolation.ofField("allocatedOn", "allocation.date.required");
		}
		BookingDates.require(allocatedOn, LocalDate.now(clock), "allocatedOn");
		// The agreement is locked before anything is read: a read before the lock would fix this
		// transaction's snapshot, and the allocations summed below would miss one committed meanwhile.
		var basis = contributions.allocationBasis(agreementId);
		// An allocation moves no money, but the fund statement of its month reports it: a closed month keeps it.
		postings.requireOpen(allocatedOn, "allocatedOn");
		var project = projects.findForUpdate(projectId).orElseThrow(() -> new ProjectNotFound("project", projectId));
		if (!project.status().acceptsFunds()) {
			throw new BusinessRuleViolation("allocation.projectClosed", project.getCode(), project.status());
		}
		if (!withinEarmark(basis, project)) {
			throw new BusinessRuleViolation("allocation.earmark", basis.reference(),
					basis.earmarkKind() + " " + basis.earmarkTarget(), project.getCode());
		}
		var unallocated = basis.fundingUsd()
			.minus(Money.rounded(allocations.totalForAgreement(agreementId), Money.USD));
		if (amount.isGreaterThan(unallocated)) {
			throw new BusinessRuleViolation("allocation.exceedsUnallocated", amount.display(), basis.reference(),
					unallocated.display());
		}
		var held = asked ? makerChecker.holdIfRequired(ApprovalAction.ALLOCATION, project, amount,
				Summary.of("approval.summary.allocation", amount, basis.reference(), allocatedOn),
				String.join("|", String.valueOf(agreementId), String.valueOf(projectId), amount.amount().toPlainString(),
						allocatedOn.toString()),
				new ProjectMakerChecker.AllocationAsked(agreementId, projectId, amountUsd, allocatedOn))
				: Optional.<ApprovalView>empty();
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		var allocation = allocations.save(new Allocation(agreementId, projectId, amount, allocatedOn));
		return Submitted.bookedAs(allocation.view(basis.reference(), basis.donorId()));
	}

	/**
	 * The agreements finance may allocate from to this project, found by donor or reference: those
	 * whose earmark allows the project and that still hold unallocated USD, with that amount.
	 */
	@Transactional(readOnly = true)
	public List<FundingChoice> fundingChoices(long projectId, String text, int limit) {
		var project = load(projectId);
		var choices = new ArrayList<FundingChoice>();
		// Read more than shown: some that the text finds are earmarked elsewhere or fully allocated.
		for (var basis : contributions.fundingAgreements(text, limit * 5)) {
			if (choices.size() == limit) {
				break;
			}
			if (!withinEarmark(basis, project)) {
				continue;
			}
			var available = basis.fundingUsd()
				.minus(Money.rounded(allocations.totalForAgreement(basis.agreementId()), Money.USD));
			if (available.isPositive()) {
				choices.add(new FundingChoice(basis.agreementId(), basis.reference(), basis.donorId(), basis.window(),
						basis.earmarkKind(), basis.earmarkTarget(), available));
			}
		}
		return choices;
	}

	/** The agreement a refused allocation form had picked, shown again as the picker shows it. */
	@Transactional(readOnly = true)
	public Optional<FundingChoice> fundingChoice(long agreementId) {
		return contributions.fundingAgreement(agreementId)
			.map(basis -> new FundingChoice(basis.agreementId(), basis.reference(), basis.donorId(), basis.window(),
					basis.earmarkKind(), basis.earmarkTarget(), basis.fundingUsd()
						.minus(Money.rounded(allocations.totalForAgreement(agreementId), Money.USD))));
	}

	/** An agreement as the allocation picker offers it: who gave it, its window and earmark, what is left. */
	public record FundingChoice(long agreementId, String reference, long donorId,
			org.tafund.contributions.FundingWindow window, org.tafund.contributions.EarmarkKind earmarkKind,
			String earmarkTarget, Money availableUsd) {
	}

	/** The funding chain of a project: donor, agreement, allocation. */
	@Transactional(readOnly = true)
	public List<Allocation.AllocationView> allocations(long projectId) {
		var rows = allocations.findByProjectIdOrderByAllocatedOnAscIdAsc(projectId);
		// Each agreement named in one query, not read whole (with its receipts) once per allocation.
		var labels = contributions.labelsOf(rows.stream().map(Allocation::getAgreementId).distinct().toList());
		return rows.stream().map(a -> {
			var agreement = labels.get(a.getAgreementId());
			return a.view(agreement.reference(), agreement.donorId());
		}).toList();
	}

	/**
	 * An agreement earmarked to a theme, region, country or project funds only projects that match
	 * it; an unearmarked (level 1) one funds any project ({@link Earmarks}).
	 */
	boolean withinEarmark(AllocationBasis basis, Project project) {
		return Earmarks.allow(basis, project, code -> countries.find(code, Locale.ENGLISH).orElseThrow());
	}

	// Expenditure ---------------------------------------------------------------------------

	/**
	 * Records a line of expenditure with its PSC. A line that would take the project's balance
	 * (allocated - expenditure - PSC) below zero is refused with the shortfall.
	 */
	public Expenditure.ExpenditureView spend(long projectId, Long activityId, LocalDate spentOn,
			BudgetCategory category, BigDecimal amount, String currency, String reference, String description) {
		return spend(new ProjectMakerChecker.SpendAsked(projectId, activityId, spentOn, category, amount, currency,
				reference, description), false).booked();
	}

	/** Expenditure as a user asks for it: booked, or pending a second person's approval (see {@link #submitAllocation}). */
	public Submitted<Expenditure.ExpenditureView> submitSpend(long projectId, Long activityId, LocalDate spentOn,
			BudgetCategory category, BigDecimal amount, String currency, String reference, String description) {
		return spend(new ProjectMakerChecker.SpendAsked(projectId, activityId, spentOn, category, amount, currency,
				reference, description), true);
	}

	private Submitted<Expenditure.ExpenditureView> spend(ProjectMakerChecker.SpendAsked asked, boolean gated) {
		long projectId = asked.projectId();
		Long activityId = asked.activityId();
		LocalDate spentOn = asked.spentOn();
		BudgetCategory category = asked.category();
		BigDecimal amount = asked.amount();
		String currency = asked.currency();
		String reference = asked.reference();
		String description = asked.description();
		var project = projects.findForUpdate(projectId).orElseThrow(() -> new ProjectNotFound("project", projectId));
		requireCanEdit(project);
		if (spentOn == null || category == null) {
			throw new BusinessRuleViolation("expenditure.incomplete");
		}
		BookingDates.require(spentOn, LocalDate.now(clock), "spentOn");
		postings.requireOpen(spentOn, "spentOn");
		if (!project.status().acceptsFunds()) {
			throw new BusinessRuleViolation("allocation.projectClosed", project.getCode(), project.status());
		}
		if (activityId != null && !activities.getObject().belongsTo(activityId, projectId)) {
			throw new BusinessRuleViolation("expenditure.activity.otherProject", activityId, project.getCode());
		}
		var money = new Money(amount, currency);
		var line = new Expenditure(projectId, activityId, spentOn, category, money,
				rates.rateOn(money.currency(), spentOn), project.getPscRate(), blankToNull(reference),
				blankToNull(description));
		var balance = balance(projectId);
		var cost = line.usd().plus(line.psc());
		if (cost.isGreaterThan(balance)) {
			throw new BusinessRuleViolation("expenditure.overdraw", cost.display(), balance.display(),
					cost.minus(balance).display());
		}
		var held = gated ? makerChecker.holdIfRequired(ApprovalAction.EXPENDITURE, project, line.usd().plus(line.psc()),
				Summary.of("approval.summary.expenditure", money, category.name(), spentOn,
						reference == null || reference.isBlank() ? "" : " (" + reference.strip() + ")"),
				String.join("|", String.valueOf(projectId), money.amount().toPlainString(), money.currency(),
						spentOn.toString(), category.name(), String.valueOf(blankToNull(reference))),
				asked)
				: Optional.<ApprovalView>empty();
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		var view = expenditures.save(line).view();
		postings.spent(project, view);
		return Submitted.bookedAs(view);
	}

	public Expenditure.ExpenditureView reverseExpenditure(long expenditureId, String reason) {
		return reverseExpenditure(expenditureId, reason, false).booked();
	}

	/**
	 * A reversal of expenditure as a user asks for it: booked, or pending a second person's approval
	 * (see {@link #submitAllocation}); an approved reversal is dated the day it is approved.
	 */
	public Submitted<Expenditure.ExpenditureView> submitExpenditureReversal(long expenditureId, String reason) {
		return reverseExpenditure(expenditureId, reason, true);
	}

	private Submitted<Expenditure.ExpenditureView> reverseExpenditure(long expenditureId, String reason, boolean asked) {
		var original = expenditures.findById(expenditureId)
			.orElseThrow(() -> new ProjectNotFound("expenditure", expenditureId));
		var project = projects.findForUpdate(original.getProjectId()).orElseThrow();
		requireCanEdit(project);
		if (expenditures.existsByReversalOf(expenditureId)) {
			throw new BusinessRuleViolation("expenditure.alreadyReversed", expenditureId);
		}
		var today = LocalDate.now(clock);
		postings.requireOpen(today, "reversedOn");
		var line = original.view();
		var held = asked ? makerChecker.holdIfRequired(ApprovalAction.EXPENDITURE_REVERSAL, project,
				line.usd().plus(line.psc()),
				Summary.of("approval.summary.expenditureReversal", line.amount(), line.spentOn(), reason),
				String.valueOf(expenditureId), new ProjectMakerChecker.ReversalAsked(expenditureId, reason))
				: Optional.<ApprovalView>empty();
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		try {
			var view = expenditures.saveAndFlush(original.reversal(today, reason)).view();
			postings.reversed(project, original.view(), view);
			return Submitted.bookedAs(view);
		}
		catch (DataIntegrityViolationException e) {
			if (Constraints.violated(e, "uk_expenditure_reversal")) {
				throw new BusinessRuleViolation("expenditure.alreadyReversed", expenditureId);
			}
			throw e;
		}
	}

	@Transactional(readOnly = true)
	public org.springframework.data.domain.Page<Expenditure.ExpenditureView> expenditure(long projectId, int page,
			int size) {
		return expenditures.findByProjectId(projectId, org.tafund.shared.Paging.page(page, size,
				org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "spentOn", "id")))
			.map(Expenditure::view);
	}

	/** The page, newest first, of {@code size} lines that holds an expenditure line. */
	@Transactional(readOnly = true)
	int expenditurePageOf(long expenditureId, int size) {
		return (int) (expenditures.countNewerThan(expenditureId) / size);
	}

	/** The project's cumulative spending plus PSC by month, summed in the database. */
	@Transactional(readOnly = true)
	BurnRate burnRate(long projectId) {
		var byMonth = new java.util.TreeMap<java.time.YearMonth, Money>();
		expenditures.spentByMonth(projectId)
			.forEach(row -> byMonth.put(java.time.YearMonth.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue()),
					Money.rounded((BigDecimal) row[2], Money.USD)));
		return BurnRate.ofMonths(byMonth);
	}

	/** Every expenditure line of a project, oldest first (reports, the API). */
	@Transactional(readOnly = true)
	public List<Expenditure.ExpenditureView> expenditure(long projectId) {
		return expenditures.findByProjectIdOrderBySpentOnAscIdAsc(projectId).stream().map(Expenditure::view).toList();
	}

	// ---------------------------------------------------------------------------------------

	private Money balance(long projectId) {
		var allocated = Money.rounded(allocations.totalForProject(projectId), Money.USD);
		var spent = Money.rounded(expenditures.spentUsd(projectId), Money.USD);
		var psc = Money.rounded(expenditures.pscUsd(projectId), Money.USD);
		return allocated.minus(spent).minus(psc);
	}

	private void requireCanEdit(Project project) {
		if (!Actor.current().mayEdit(project)) {
			throw new AccessDeniedException("Project " + project.getCode() + " is managed by others.");
		}
	}

	private void check(ProjectDetails details) {
		if (details.code() == null || details.code().isBlank()) {
			throw BusinessRuleViolation.ofField("code", "project.code.required");
		}
		for (var manager : details.managers()) {
			var user = users.findByUsername(manager);
			if (user.isEmpty() || !user.get().enabled() || !user.get().hasRole(Role.PROJECT_MANAGER)) {
				throw BusinessRuleViolation.ofField("managers", "project.manager.notProjectManager", manager);
			}
		}
		for (var country : details.beneficiaryCountries()) {
			if (!countries.exists(country)) {
				throw BusinessRuleViolation.ofField("countries", "donor.country.unknown", country);
			}
		}
		if (reference.implementingEntity(details.implementingEntityId()).isEmpty()) {
			throw BusinessRuleViolation.ofField("implementingEntityId", "project.entity.unknown", details.implementingEntityId());
		}
		if (details.dacPurposeCode() != null && !details.dacPurposeCode().isBlank()
				&& !reference.dacCodeExists(details.dacPurposeCode().strip())) {
			throw new BusinessRuleViolation("project.dac.unknown", details.dacPurposeCode());
		}
		if (details.requestIds() != null) {
			for (var requestId : details.requestIds()) {
				if (!requests.existsById(requestId)) {
					throw new BusinessRuleViolation("project.request.unknown", requestId);
				}
			}
		}
	}

	private Project load(long id) {
		return projects.findById(id).orElseThrow(() -> new ProjectNotFound("project", id));
	}

	private ProjectView view(Project project) {
		return viewsOf(List.of(project)).get(0);
	}

	/** The projects {@code ids} in full, in that order. */
	private List<ProjectView> views(List<Long> ids) {
		var byId = new java.util.HashMap<Long, Project>();
		projects.findAllById(ids).forEach(p -> byId.put(p.getId(), p));
		return viewsOf(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
	}

	/**
	 * Projects in full, their spending (by year and category) and allocations summed in the database for all
	 * of them at once: a project's lines can be thousands, and a list's statements do not grow with its rows.
	 */
	private List<ProjectView> viewsOf(List<Project> shown) {
		var ids = shown.stream().map(Project::getId).toList();
		var spentBy = new java.util.HashMap<Long, java.util.Map<String, Money[]>>();
		var allocated = new java.util.HashMap<Long, Money>();
		if (!ids.isEmpty()) {
			expenditures.spentByYearAndCategoryOf(ids)
				.forEach(row -> spentBy.computeIfAbsent((Long) row[0], id -> new java.util.HashMap<>())
					.put(((Number) row[1]).intValue() + "|" + row[2], new Money[] {
							Money.rounded((BigDecimal) row[3], Money.USD), Money.rounded((BigDecimal) row[4], Money.USD) }));
			allocations.totalsForProjects(ids)
				.forEach(row -> allocated.put((Long) row[0], Money.rounded((BigDecimal) row[1], Money.USD)));
		}
		return shown.stream()
			.map(p -> view(p, spentBy.getOrDefault(p.getId(), java.util.Map.of()),
					allocated.getOrDefault(p.getId(), Money.zero(Money.USD))))
			.toList();
	}

	private ProjectView view(Project project, java.util.Map<String, Money[]> spentBy, Money allocated) {
		var none = new Money[] { Money.zero(Money.USD), Money.zero(Money.USD) };
		var rows = new ArrayList<ProjectView.BudgetRow>();
		var keys = new java.util.TreeSet<String>();
		project.getBudget().forEach(b -> keys.add(b.getYear() + "|" + b.getCategory()));
		keys.addAll(spentBy.keySet());
		for (var key : keys) {
			var parts = key.split("\\|");
			int year = Integer.parseInt(parts[0]);
			var category = BudgetCategory.valueOf(parts[1]);
			var budget = project.getBudget()
				.stream()
				.filter(b -> b.getYear() == year && b.getCategory() == category)
				.map(b -> Money.of(b.getAmountUsd(), Money.USD))
				.reduce(Money.zero(Money.USD), Money::plus);
			var spent = spentBy.getOrDefault(key, none);
			rows.add(new ProjectView.BudgetRow(year, category, budget, spent[0], spent[1]));
		}
		var spent = spentBy.values().stream().map(s -> s[0]).reduce(Money.zero(Money.USD), Money::plus);
		var psc = spentBy.values().stream().map(s -> s[1]).reduce(Money.zero(Money.USD), Money::plus);
		return new ProjectView(project.getId(), project.getCode(), project.getTitle(), project.getDescription(),
				project.getTheme(), project.getInstruments(), project.getCountries(), project.getImplementingEntityId(),
				project.getManagers(), project.getPlannedStart(), project.getPlannedEnd(), project.getActualStart(),
				project.getActualEnd(), project.status().code(), project.getDacCode(), project.getPscRate(),
				project.getRequestIds(), rows, allocated, spent, psc, allocated.minus(spent).minus(psc),
				project.getVersion());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/**
	 * The signed-in user, as far as project rules care: how far their right to run projects reaches
	 * (the project-manager rule of {@link Right#reachOf}) and whether they keep the accounts (PSC
	 * rates, allocations). Nobody signed in has no rights.
	 */
	record Actor(String username, Right.Reach projects, boolean keepsAccounts) {

		static Actor current() {
			var auth = SecurityContextHolder.getContext().getAuthentication();
			return new Actor(auth == null ? null : auth.getName(), Right.RUN_PROJECTS.reachOf(auth),
					Right.KEEP_ACCOUNTS.heldBy(auth));
		}

		boolean mayEdit(Project project) {
			return projects == Right.Reach.ALL_PROJECTS
					|| (projects == Right.Reach.OWN_PROJECTS && project.isManagedBy(username));
		}

	}

	static class ProjectNotFound extends NotFound {

		ProjectNotFound(String what, long id) {
			super("No " + what + " " + id);
		}

	}

}
