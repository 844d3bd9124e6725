package org.tafund.activities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tafund.contributions.AgreementView;
import org.tafund.contributions.ContributionManagement;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Channel;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Subject;
import org.tafund.projects.Codes.Theme;
import org.tafund.projects.ProjectDetails;
import org.tafund.projects.ProjectManagement;
import org.tafund.projects.ProjectView;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.security.SystemIdentity;

/**
 * Demo requests, projects, allocations from the demo agreements, activities and expenditure for
 * the default profile. Runs when the context is refreshed, after every startup task (the demo
 * contributions among them), and only while there is no project yet. One project is nearly
 * overdrawn.
 */
@Component
class ProjectDemoData {

	private static final Logger log = LoggerFactory.getLogger(ProjectDemoData.class);

	private final ProjectManagement projects;

	private final ActivityManagement activities;

	private final ContributionManagement contributions;

	private final ReferenceCatalogue reference;

	private final Clock clock;

	private final org.tafund.books.PeriodClosing closing;

	private final boolean enabled;

	ProjectDemoData(@org.springframework.beans.factory.annotation.Value("${tafund.demo.data:false}") boolean enabled,
			ProjectManagement projects, ActivityManagement activities, ContributionManagement contributions,
			ReferenceCatalogue reference, Clock clock, org.tafund.books.PeriodClosing closing) {
		this.closing = closing;
		this.projects = projects;
		this.activities = activities;
		this.contributions = contributions;
		this.reference = reference;
		this.clock = clock;
		this.enabled = enabled;
	}

	@EventListener(org.springframework.context.event.ContextRefreshedEvent.class)
	void afterStartup() {
		// Nobody is signed in at startup: the demo is entered by the system, as a finance officer.
		SystemIdentity.run(this::load, Role.FINANCE);
	}

	private void load() {
		var demoAgreements = contributions.list(org.springframework.data.domain.PageRequest.of(0, 50)).getContent();
		if (!enabled || !projects.projects(org.tafund.projects.ProjectFilter.all()).isEmpty()
				|| demoAgreements.stream().noneMatch(a -> a.reference().startsWith("EU-"))) {
			return;
		}
		var today = LocalDate.now(clock);
		var sen = projects.recordRequest("SEN", today.minusMonths(13), Channel.NOTE_VERBALE,
				Set.of(Subject.MUTUAL_LEGAL_ASSISTANCE), Set.of(Instrument.UNTOC),
				"Request to strengthen the central authority's handling of incoming MLA requests.");
		var tha = projects.recordRequest("THA", today.minusMonths(11), Channel.LETTER, Set.of(Subject.EXTRADITION),
				Set.of(Instrument.UNTOC, Instrument.TRAFFICKING_IN_PERSONS_PROTOCOL),
				"Support for the review of the extradition act and training of prosecutors.");
		var kgz = projects.recordRequest("KGZ", today.minusMonths(4), Channel.EMAIL,
				Set.of(Subject.EXTRADITION, Subject.MUTUAL_LEGAL_ASSISTANCE), Set.of(Instrument.UNTOC),
				"Request for a regional workshop on extradition and MLA in Central Asia.");
		projects.recordRequest("PAN", today.minusMonths(1), Channel.MEETING, Set.of(Subject.CONFISCATION),
				Set.of(Instrument.UNTOC), "Interest in cooperation for confiscation of proceeds of crime.");
		// Assessed, then accepted: the order the request workflow allows.
		for (long[] request : new long[][] { { sen.id(), sen.version() }, { tha.id(), tha.version() } }) {
			long assessed = projects.changeRequestStatus(request[0], request[1],
					org.tafund.projects.Codes.RequestStatus.UNDER_ASSESSMENT, null).version();
			projects.changeRequestStatus(request[0], assessed, org.tafund.projects.Codes.RequestStatus.ACCEPTED, null);
		}
		projects.changeRequestStatus(kgz.id(), kgz.version(), org.tafund.projects.Codes.RequestStatus.UNDER_ASSESSMENT,
				null);

		int year = today.getYear();
		var sahel = project("XAW-Z21", "Strengthening central authorities for mutual legal assistance in the Sahel",
				Theme.MLA, Set.of("SEN", "MLI", "NER", "BFA"), "UNODC-ROSEN", Set.of(sen.id()), today.minusMonths(10),
				List.of(budget(year - 1, BudgetCategory.WORKSHOPS_AND_TRAINING, "120000.00"),
						budget(year, BudgetCategory.CONSULTANTS, "80000.00"), budget(year, BudgetCategory.TRAVEL, "60000.00")));
		var asia = project("XAP-E07", "Extradition practice and prosecutor training in Southeast Asia",
				Theme.EXTRADITION, Set.of("THA", "VNM", "KHM"), "UNODC-ROSEAP", Set.of(tha.id()), today.minusMonths(8),
				List.of(budget(year, BudgetCategory.STAFF, "50000.00"), budget(year, BudgetCategory.TRAVEL, "15000.00")));
		var tools = project("GLO-X45", "Global tools for extradition and MLA (MLA Request Writer Tool)", Theme.BOTH,
				Set.of("KGZ", "KAZ", "UZB", "PAN"), "UNODC-HQ", Set.of(), today.minusMonths(7),
				List.of(budget(year, BudgetCategory.CONTRACTUAL_SERVICES, "90000.00")));

		var agreements = demoAgreements;
		allocate(agreements, "EU-", sahel, "300000.00", today.minusMonths(9));
		allocate(agreements, "NOR-", sahel, "150000.00", today.minusMonths(9));
		allocate(agreements, "SWE-", sahel, "60000.00", today.minusMonths(8));
		allocate(agreements, "NOR-", asia, "20000.00", today.minusMonths(7));
		allocate(agreements, "JPN-", tools, "40000.00", today.minusMonths(6));

		log(sahel, ActivityType.TRAINING_OR_WORKSHOP, "Regional workshop for central authorities of the Sahel",
				today.minusMonths(6), "SEN", "Dakar", new Participants(14, 18, 0, 12, 8, 6, 4, 2, 0));
		log(sahel, ActivityType.LEGISLATIVE_DRAFTING, "Review of the draft law on mutual legal assistance",
				today.minusMonths(4), "MLI", "Bamako", new Participants(3, 5, 0, 2, 2, 1, 0, 3, 0));
		log(sahel, ActivityType.REGIONAL_NETWORK_MEETING, "Sahel Judicial Platform annual meeting", today.minusMonths(2),
				"NER", "Niamey", new Participants(9, 15, 2, 10, 6, 6, 2, 2, 0));
		var asiaTraining = log(asia, ActivityType.TRAINING_OF_TRAINERS, "Training of trainers on extradition requests",
				today.minusMonths(3), "THA", "Bangkok", new Participants(11, 7, 0, 4, 10, 4, 0, 0, 0));
		log(tools, ActivityType.TOOL_DEPLOYMENT, "Deployment of the MLA Request Writer Tool", today.minusMonths(2), "KGZ",
				"Bishkek", new Participants(6, 6, 0, 8, 2, 0, 2, 0, 0));

		spend(sahel, null, today.minusMonths(6), BudgetCategory.WORKSHOPS_AND_TRAINING, "86500.00", "USD", "PO-ROSEN-118");
		spend(sahel, null, today.minusMonths(5), BudgetCategory.CONSULTANTS, "24000.00", "EUR", "CON-2025-044");
		spend(sahel, null, today.minusMonths(2), BudgetCategory.TRAVEL, "18750.00", "USD", "TA-ROSEN-311");
		// Nearly overdrawn: 20,000.00 allocated, 17,600.00 + 13% PSC spent.
		spend(asia, asiaTraining.id(), today.minusMonths(3), BudgetCategory.TRAVEL, "9600.00", "USD", "TA-BKK-07");
		spend(asia, asiaTraining.id(), today.minusMonths(3), BudgetCategory.STAFF, "8000.00", "USD", "SAL-BKK-02");
		spend(tools, null, today.minusMonths(2), BudgetCategory.CONTRACTUAL_SERVICES, "12500.00", "USD", "CTR-HQ-501");
		log.info("Demo data: 4 requests, 3 projects, 5 allocations, 5 activities, 6 expenditure lines.");
		// The first month of the demo's books is closed, so that a newcomer sees a closed period, its
		// fingerprint, and the refusal of anything dated in it.
		closing.firstOpenMonthWithEntriesBefore(today.withDayOfMonth(1)).ifPresent(month -> {
			var close = closing.closeMonth(month);
			log.info("Demo data: {} closed, fingerprint {}.", close.period(), close.fingerprint());
		});
	}

	private ProjectView project(String code, String title, Theme theme, Set<String> countries, String entity,
			Set<Long> requests, LocalDate start, List<ProjectDetails.Budget> budget) {
		return projects.createProject(new ProjectDetails(code, title, null, theme, Set.of(Instrument.UNTOC), countries,
				reference.implementingEntity(entity).orElseThrow().id(), Set.of("project.manager"), start,
				start.plusYears(2), start.plusMonths(1), null, 2, "15130", null, requests, budget));
	}

	private static ProjectDetails.Budget budget(int year, BudgetCategory category, String amount) {
		return new ProjectDetails.Budget(year, category, new BigDecimal(amount));
	}

	private void allocate(List<AgreementView> agreements, String prefix, ProjectView project, String amount,
			LocalDate on) {
		var agreement = agreements.stream().filter(a -> a.reference().startsWith(prefix)).findFirst().orElseThrow();
		projects.allocate(agreement.id(), project.id(), new BigDecimal(amount), on);
	}

	private Activity.ActivityView log(ProjectView project, ActivityType type, String title, LocalDate start,
			String country, String city, Participants participants) {
		return activities.log(project.id(), new ActivityDetails(type, title, start, start.plusDays(2),
				Activity.Mode.IN_PERSON, country, city, Set.of(Instrument.UNTOC), participants, null, null));
	}

	private void spend(ProjectView project, Long activity, LocalDate on, BudgetCategory category, String amount,
			String currency, String reference) {
		projects.spend(project.id(), activity, on, category, new BigDecimal(amount), currency, reference, null);
	}

}
