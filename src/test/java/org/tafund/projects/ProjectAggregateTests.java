package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.ProjectStatus;
import org.tafund.projects.Codes.Theme;
import org.tafund.shared.BusinessRuleViolation;

/**
 * The project aggregate's own rules (countries, managers, dates, PSC rate, status, budget) on the
 * entity alone: no Spring, no database.
 */
class ProjectAggregateTests {

	@Test
	void keepsWhatWasEnteredInItsCanonicalForm() {
		var details = new Details();
		details.requestIds = Set.of(3L, 1L);
		var project = new Project(details.toDetails());
		assertThat(project.getCode()).isEqualTo("CPCJF-2026-7");
		assertThat(project.getTitle()).isEqualTo("Extradition casework in West Africa");
		assertThat(project.getDescription()).isEqualTo("Mentoring of central authorities");
		assertThat(project.getTheme()).isEqualTo(Theme.EXTRADITION);
		assertThat(project.getInstruments()).containsExactly(Instrument.UNTOC);
		assertThat(project.getCountries()).containsExactly("GHA", "NGA");
		assertThat(project.getManagers()).containsExactly("project.manager");
		assertThat(project.getRequestIds()).containsExactly(1L, 3L);
		assertThat(project.getImplementingEntityId()).isEqualTo(4L);
		assertThat(project.getPlannedStart()).isEqualTo(LocalDate.parse("2026-01-01"));
		assertThat(project.getPlannedEnd()).isEqualTo(LocalDate.parse("2027-12-31"));
		assertThat(project.getActualStart()).isEqualTo(LocalDate.parse("2026-02-01"));
		assertThat(project.getActualEnd()).isNull();
		// The database numbers it when it is stored.
		assertThat(project.getId()).isNull();
		assertThat(project.status()).isEqualTo(ProjectStatus.IMPLEMENTATION);
		assertThat(project.getDacCode()).isEqualTo("15210");
		assertThat(project.isManagedBy("project.manager")).isTrue();
		assertThat(project.isManagedBy("someone.else")).isFalse();
	}

	@Test
	void fillsInTheDefaultsOfWhatWasLeftOut() {
		var details = new Details();
		details.instruments = null;
		details.requestIds = null;
		details.dacCode = " ";
		details.pscRate = null;
		details.budget = null;
		var project = new Project(details.toDetails());
		assertThat(project.getInstruments()).isEmpty();
		assertThat(project.getRequestIds()).isEmpty();
		assertThat(project.getDacCode()).isEqualTo("15130");
		assertThat(project.getPscRate()).isEqualByComparingTo("0.13");
		assertThat(project.getBudget()).isEmpty();
		details.dacCode = null;
		assertThat(new Project(details.toDetails()).getDacCode()).isEqualTo("15130");
	}

	@Test
	void requiresBeneficiaryCountriesAndManagers() {
		var noCountries = new Details();
		noCountries.countries = Set.of();
		assertRefused(() -> new Project(noCountries.toDetails()), "project.countries.required");
		noCountries.countries = null;
		assertRefused(() -> new Project(noCountries.toDetails()), "project.countries.required");
		var noManagers = new Details();
		noManagers.managers = Set.of();
		assertRefused(() -> new Project(noManagers.toDetails()), "project.managers.required");
		noManagers.managers = null;
		assertRefused(() -> new Project(noManagers.toDetails()), "project.managers.required");
	}

	@Test
	void refusesAPlannedEndBeforeThePlannedStart() {
		var details = new Details();
		details.plannedEnd = LocalDate.parse("2025-12-31");
		assertRefused(() -> new Project(details.toDetails()), "project.dates.order");
		details.plannedEnd = details.plannedStart;
		assertThat(new Project(details.toDetails()).getPlannedEnd()).isEqualTo(LocalDate.parse("2026-01-01"));
		details.plannedStart = null;
		details.plannedEnd = LocalDate.parse("2020-01-01");
		assertThat(new Project(details.toDetails()).getPlannedEnd()).isEqualTo(LocalDate.parse("2020-01-01"));
	}

	// The probe stored project dates and budget years of 0001 and 9999.
	@Test
	void refusesDatesAndBudgetYearsOutsideNineteenNinetyToTwentyOneHundred() {
		var early = new Details();
		early.plannedStart = LocalDate.parse("1989-12-31");
		assertRefused(() -> new Project(early.toDetails()), "date.tooEarly");
		var late = new Details();
		late.plannedEnd = LocalDate.parse("2101-01-01");
		assertRefused(() -> new Project(late.toDetails()), "date.tooLate");
		var started = new Details();
		started.actualStart = LocalDate.parse("0001-01-01");
		assertRefused(() -> new Project(started.toDetails()), "date.tooEarly");
		var ended = new Details();
		ended.actualEnd = LocalDate.parse("9999-12-31");
		assertRefused(() -> new Project(ended.toDetails()), "date.tooLate");
		var budgeted = new Details();
		budgeted.budget.add(budget(1, BudgetCategory.STAFF, "1.00"));
		assertRefused(() -> new Project(budgeted.toDetails()), "year.outOfRange");
	}

	@Test
	void takesPscRatesFromZeroToBelowOneWithFourDecimalsAtMost() {
		var details = new Details();
		details.pscRate = new BigDecimal("0");
		assertThat(new Project(details.toDetails()).getPscRate()).isEqualByComparingTo("0");
		details.pscRate = new BigDecimal("0.9999");
		assertThat(new Project(details.toDetails()).getPscRate()).isEqualByComparingTo("0.9999");
		for (var refused : new String[] { "-0.01", "1", "0.12345" }) {
			details.pscRate = new BigDecimal(refused);
			assertRefused(() -> new Project(details.toDetails()), "agreement.psc.range");
		}
	}

	@Test
	void takesOnlyTheIatiStatuses() {
		var details = new Details();
		details.status = 7;
		assertRefused(() -> new Project(details.toDetails()), "project.status.unknown");
		details.status = 4;
		assertThat(new Project(details.toDetails()).status()).isEqualTo(ProjectStatus.CLOSED);
	}

	@Test
	void refusesTextsLongerThanTheirColumns() {
		var details = new Details();
		details.title = "T".repeat(301);
		assertRefused(() -> new Project(details.toDetails()), "text.tooLong");
		details.title = "T".repeat(300);
		details.description = "D".repeat(4001);
		assertRefused(() -> new Project(details.toDetails()), "text.tooLong");
	}

	@Test
	void refusesABudgetLineRepeatedOrBelowZero() {
		var details = new Details();
		details.budget = List.of(budget(2026, BudgetCategory.TRAVEL, "100.00"), budget(2026, BudgetCategory.TRAVEL, "5.00"));
		assertRefused(() -> new Project(details.toDetails()), "project.budget.repeated", 2026, BudgetCategory.TRAVEL);
		details.budget = List.of(budget(2026, BudgetCategory.TRAVEL, "-0.01"));
		assertRefused(() -> new Project(details.toDetails()), "project.budget.negative");
		details.budget = List.of(budget(2026, BudgetCategory.TRAVEL, "0.00"));
		assertThat(new Project(details.toDetails()).getBudget()).hasSize(1);
	}

	@Test
	void replacesTheBudgetLineByLineKeepingTheLinesThatStay() {
		var details = new Details();
		details.budget = Arrays.asList(budget(2026, BudgetCategory.TRAVEL, "100000.00"),
				budget(2026, BudgetCategory.STAFF, "50000.00"), new ProjectDetails.Budget(2027, null, BigDecimal.ONE),
				new ProjectDetails.Budget(2027, BudgetCategory.STAFF, null));
		var project = new Project(details.toDetails());
		assertThat(budget(project)).containsExactly("2026 TRAVEL 100000.00", "2026 STAFF 50000.00");
		var travel = project.getBudget().get(0);
		// Travel changed, staff gone, equipment new; a line without amount is no line.
		details.budget = Arrays.asList(budget(2026, BudgetCategory.TRAVEL, "80000.00"),
				budget(2027, BudgetCategory.EQUIPMENT, "20000.00"), new ProjectDetails.Budget(2026, BudgetCategory.STAFF, null));
		project.apply(details.toDetails());
		assertThat(budget(project)).containsExactly("2026 TRAVEL 80000.00", "2027 EQUIPMENT 20000.00");
		assertThat(project.getBudget().get(0)).isSameAs(travel);
		// The same category in another year is another line.
		details.budget = List.of(budget(2026, BudgetCategory.TRAVEL, "80000.00"), budget(2027, BudgetCategory.TRAVEL, "1.00"));
		project.apply(details.toDetails());
		assertThat(budget(project)).containsExactly("2026 TRAVEL 80000.00", "2027 TRAVEL 1.00");
	}

	@Test
	void anEditReplacesCountriesManagersInstrumentsAndRequests() {
		var first = new Details();
		first.requestIds = Set.of(1L, 3L);
		var project = new Project(first.toDetails());
		var details = new Details();
		details.countries = Set.of("ken");
		details.managers = Set.of("Other.Manager");
		details.instruments = Set.of(Instrument.FIREARMS_PROTOCOL);
		details.requestIds = Set.of(9L);
		details.theme = Theme.MLA;
		details.actualEnd = LocalDate.parse("2027-06-30");
		project.apply(details.toDetails());
		assertThat(project.getCountries()).containsExactly("KEN");
		assertThat(project.getManagers()).containsExactly("other.manager");
		assertThat(project.getInstruments()).containsExactly(Instrument.FIREARMS_PROTOCOL);
		assertThat(project.getRequestIds()).containsExactly(9L);
		assertThat(project.getTheme()).isEqualTo(Theme.MLA);
		assertThat(project.getActualEnd()).isEqualTo(LocalDate.parse("2027-06-30"));
		// The code is the project's name for good.
		details.code = "OTHER";
		project.apply(details.toDetails());
		assertThat(project.getCode()).isEqualTo("CPCJF-2026-7");
	}

	static List<String> budget(Project project) {
		return project.getBudget().stream().map(b -> b.getYear() + " " + b.getCategory() + " " + b.getAmountUsd()).toList();
	}

	static ProjectDetails.Budget budget(int year, BudgetCategory category, String amount) {
		return new ProjectDetails.Budget(year, category, new BigDecimal(amount));
	}

	static void assertRefused(ThrowingCallable call, String code, Object... arguments) {
		assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
			assertThat(e.messageKey()).isEqualTo(code);
			if (arguments.length > 0) {
				assertThat(e.arguments()).containsExactly(arguments);
			}
		});
	}

	/** The details of a test project, changed field by field. */
	static final class Details {

		String code = " cpcjf-2026-7 ";

		String title = " Extradition casework in West Africa ";

		String description = "Mentoring of central authorities";

		Theme theme = Theme.EXTRADITION;

		Set<Instrument> instruments = Set.of(Instrument.UNTOC);

		Set<String> countries = Set.of(" nga", "GHA ");

		Set<String> managers = Set.of(" Project.Manager ");

		LocalDate plannedStart = LocalDate.parse("2026-01-01");

		LocalDate plannedEnd = LocalDate.parse("2027-12-31");

		LocalDate actualStart = LocalDate.parse("2026-02-01");

		LocalDate actualEnd;

		int status = 2;

		String dacCode = " 15210 ";

		BigDecimal pscRate = new BigDecimal("0.13");

		Set<Long> requestIds = Set.of();

		List<ProjectDetails.Budget> budget = new ArrayList<>();

		ProjectDetails toDetails() {
			return new ProjectDetails(code, title, description, theme, instruments, countries, 4, managers, plannedStart,
					plannedEnd, actualStart, actualEnd, status, dacCode, pscRate, requestIds, budget);
		}

	}

}
