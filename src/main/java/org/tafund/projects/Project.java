package org.tafund.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.ProjectStatus;
import org.tafund.projects.Codes.Theme;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.shared.PlanningDates;
import org.tafund.shared.PscRate;
import org.tafund.shared.Text;

/** A capacity-building project: who runs it, for which States, with which budget. */
@Entity
@Table(name = "project")
@Audited
class Project extends AuditableEntity implements org.tafund.shared.Described {

	static final BigDecimal STANDARD_PSC = PscRate.STANDARD.value();

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false, length = 30)
	private String code;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(length = 4000)
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private Theme theme;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "project_instrument", joinColumns = @JoinColumn(name = "project_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "instrument", length = 40)
	private Set<Instrument> instruments = EnumSet.noneOf(Instrument.class);

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "project_country", joinColumns = @JoinColumn(name = "project_id"))
	@Column(name = "country", length = 3)
	private Set<String> countries = new TreeSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "project_manager", joinColumns = @JoinColumn(name = "project_id"))
	@Column(name = "username", length = 60)
	private Set<String> managers = new TreeSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "project_request", joinColumns = @JoinColumn(name = "project_id"))
	@Column(name = "request_id")
	private Set<Long> requestIds = new TreeSet<>();

	@Column(name = "implementing_entity_id", nullable = false)
	private Long implementingEntityId;

	@Column(name = "planned_start")
	private LocalDate plannedStart;

	@Column(name = "planned_end")
	private LocalDate plannedEnd;

	@Column(name = "actual_start")
	private LocalDate actualStart;

	@Column(name = "actual_end")
	private LocalDate actualEnd;

	@Column(nullable = false)
	private int status;

	@Column(name = "dac_code", nullable = false, length = 5)
	private String dacCode;

	@Column(name = "psc_rate", nullable = false, precision = 5, scale = 4)
	private BigDecimal pscRate;

	@OneToMany(mappedBy = "project", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	private List<BudgetLine> budget = new ArrayList<>();

	protected Project() {
	}

	Project(ProjectDetails details) {
		this.code = details.code().strip().toUpperCase(Locale.ROOT);
		apply(details);
	}

	void apply(ProjectDetails details) {
		if (details.beneficiaryCountries() == null || details.beneficiaryCountries().isEmpty()) {
			throw new BusinessRuleViolation("project.countries.required");
		}
		if (details.managers() == null || details.managers().isEmpty()) {
			throw new BusinessRuleViolation("project.managers.required");
		}
		PlanningDates.require(details.plannedStart(), "plannedStart");
		PlanningDates.require(details.plannedEnd(), "plannedEnd");
		PlanningDates.require(details.actualStart(), "actualStart");
		PlanningDates.require(details.actualEnd(), "actualEnd");
		if (details.plannedStart() != null && details.plannedEnd() != null
				&& details.plannedEnd().isBefore(details.plannedStart())) {
			throw new BusinessRuleViolation("project.dates.order");
		}
		var psc = PscRate.orStandard(details.pscRate()).value();
		ProjectStatus.of(details.status());
		this.title = Text.bounded(details.title(), 300, "title");
		this.description = Text.bounded(details.description(), 4000, "description");
		this.theme = details.theme();
		this.instruments.clear();
		if (details.instruments() != null) {
			this.instruments.addAll(details.instruments());
		}
		this.countries.clear();
		details.beneficiaryCountries().forEach(c -> countries.add(c.strip().toUpperCase(Locale.ROOT)));
		this.managers.clear();
		details.managers().forEach(m -> managers.add(m.strip().toLowerCase(Locale.ROOT)));
		this.requestIds.clear();
		if (details.requestIds() != null) {
			this.requestIds.addAll(details.requestIds());
		}
		this.implementingEntityId = details.implementingEntityId();
		this.plannedStart = details.plannedStart();
		this.plannedEnd = details.plannedEnd();
		this.actualStart = details.actualStart();
		this.actualEnd = details.actualEnd();
		this.status = details.status();
		this.dacCode = details.dacPurposeCode() == null || details.dacPurposeCode().isBlank() ? "15130"
				: details.dacPurposeCode().strip();
		this.pscRate = psc;
		replaceBudget(details.budget() == null ? List.of() : details.budget());
	}

	// Lines are matched by year and category, so an unchanged line keeps its identity and history.
	private void replaceBudget(List<ProjectDetails.Budget> lines) {
		var seen = new java.util.HashSet<String>();
		for (var line : lines) {
			if (line.amountUsd() == null || line.category() == null) {
				continue;
			}
			PlanningDates.requireYear(line.year(), "budget");
			if (!seen.add(line.year() + "/" + line.category())) {
				throw new BusinessRuleViolation("project.budget.repeated", line.year(), line.category());
			}
			var amount = Money.of(line.amountUsd(), Money.USD);
			if (amount.isNegative()) {
				throw new BusinessRuleViolation("project.budget.negative");
			}
		}
		budget.removeIf(existing -> lines.stream()
			.noneMatch(l -> l.amountUsd() != null && l.year() == existing.getYear()
					&& l.category() == existing.getCategory()));
		for (var line : lines) {
			if (line.amountUsd() == null || line.category() == null) {
				continue;
			}
			var existing = budget.stream()
				.filter(b -> b.getYear() == line.year() && b.getCategory() == line.category())
				.findFirst();
			if (existing.isPresent()) {
				existing.get().setAmountUsd(line.amountUsd());
			}
			else {
				budget.add(new BudgetLine(this, line.year(), line.category(), line.amountUsd()));
			}
		}
	}

	boolean isManagedBy(String username) {
		return managers.contains(username);
	}

	ProjectStatus status() {
		return ProjectStatus.of(status);
	}

	Long getId() {
		return id;
	}

	String getCode() {
		return code;
	}

	String getTitle() {
		return title;
	}

	String getDescription() {
		return description;
	}

	Theme getTheme() {
		return theme;
	}

	Set<Instrument> getInstruments() {
		return instruments.isEmpty() ? Set.of() : EnumSet.copyOf(instruments);
	}

	Set<String> getCountries() {
		return new TreeSet<>(countries);
	}

	Set<String> getManagers() {
		return new TreeSet<>(managers);
	}

	Set<Long> getRequestIds() {
		return new TreeSet<>(requestIds);
	}

	Long getImplementingEntityId() {
		return implementingEntityId;
	}

	LocalDate getPlannedStart() {
		return plannedStart;
	}

	LocalDate getPlannedEnd() {
		return plannedEnd;
	}

	LocalDate getActualStart() {
		return actualStart;
	}

	LocalDate getActualEnd() {
		return actualEnd;
	}

	String getDacCode() {
		return dacCode;
	}

	BigDecimal getPscRate() {
		return pscRate;
	}

	List<BudgetLine> getBudget() {
		return List.copyOf(budget);
	}

	/** How the audit trail names the project where another record refers to it: by its code. */
	@Override
	public String describe() {
		return code;
	}

}
