package org.tafund.publishing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tafund.publishing.Publication.Activity;
import org.tafund.publishing.Publication.ActivityDate;
import org.tafund.publishing.Publication.Budget;
import org.tafund.publishing.Publication.Country;
import org.tafund.publishing.Publication.Omission;
import org.tafund.publishing.Publication.Org;
import org.tafund.publishing.Publication.Transaction;

/**
 * Works out the IATI activities of the Fund's projects from the database, a fixed number of
 * queries for the whole file (and one per project for its expenditure, read while writing).
 *
 * <p>The rules chosen, where IATI leaves the choice to the publisher:
 * <ul>
 * <li>A project in the pipeline (not yet approved) is not published: its plans may still change.
 * <li>Outgoing commitments are the project's allocations. Incoming funds are the part of each
 * allocation its agreement's cash covers: an agreement's net cash (receipts less reversals and
 * refunds) is spent on its allocations in the order they were made, so a pledge-backed allocation
 * shows as committed before the donor's money arrives.
 * <li>Expenditure is published line by line at its USD value; programme support costs as one
 * expenditure per year, so that both add up to the project page's figures.
 * <li>The earmarking category (IATI's aid type vocabulary 2) is the agreement's earmark level, on
 * each funding transaction, and as the activity's default when all its funding shares one.
 * </ul>
 */
@Component
class IatiActivities {

	static final int INCOMING_FUNDS = 1;

	static final int OUTGOING_COMMITMENT = 2;

	static final int EXPENDITURE = 4;

	static final int FUNDING = 1;

	static final int ACCOUNTABLE = 2;

	static final int IMPLEMENTING = 4;

	static final String DEFAULT_SECTOR = "15130";

	/** OrganisationType: Academic, Training and Research (the programme network institutes). */
	static final String ACADEMIC = "80";

	/** ActivityStatus 1, Pipeline/identification. */
	private static final int PIPELINE = 1;

	private final JdbcClient jdbc;

	private final Codelists codelists;

	private final IatiSettings settings;

	private final Exclusions exclusions;

	private final MessageSource messages;

	private final Clock clock;

	IatiActivities(JdbcClient jdbc, Codelists codelists, IatiSettings settings, Exclusions exclusions,
			MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.codelists = codelists;
		this.settings = settings;
		this.exclusions = exclusions;
		this.messages = messages;
		this.clock = clock;
	}

	private record ProjectRow(long id, String code, String title, String description, String theme, int status,
			LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, String dac,
			Instant updatedAt, String entityName, String entityKind) {
	}

	private record AllocationRow(long id, long agreementId, long projectId, BigDecimal usd, LocalDate on,
			String reference, long donorId, int earmarkLevel) {
	}

	private record DonorRow(String name, String ref, String type) {
	}

	/** What the file will hold, and what it leaves out. */
	Publication plan() {
		var today = LocalDate.now(clock);
		var reporting = settings.reportingOrg();
		var projects = jdbc.sql("""
				SELECT p.id, p.code, p.title, p.description, p.theme, p.status, p.planned_start, p.planned_end,
				       p.actual_start, p.actual_end, p.dac_code, p.updated_at, e.name, e.kind
				FROM project p JOIN implementing_entity e ON e.id = p.implementing_entity_id
				ORDER BY p.code""")
			.query((rs, n) -> new ProjectRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), date(rs, 7), date(rs, 8), date(rs, 9), date(rs, 10), rs.getString(11),
					rs.getTimestamp(12).toInstant(), rs.getString(13), rs.getString(14)))
			.list();
		Map<Long, List<String[]>> countries = new HashMap<>();
		jdbc.sql("""
				SELECT pc.project_id, pc.country, c.iso2 FROM project_country pc JOIN country c ON c.code = pc.country
				ORDER BY pc.project_id, pc.country""")
			.query(rs -> {
				countries.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
					.add(new String[] { rs.getString(2), rs.getString(3) });
			});
		Map<Long, List<Budget>> budgets = new HashMap<>();
		jdbc.sql("""
				SELECT project_id, budget_year, SUM(amount_usd) FROM budget_line
				GROUP BY project_id, budget_year ORDER BY project_id, budget_year""")
			.query(rs -> {
				budgets.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
					.add(new Budget(rs.getInt(2), LocalDate.of(rs.getInt(2), 1, 1), LocalDate.of(rs.getInt(2), 12, 31),
							rs.getBigDecimal(3)));
			});
		var allocations = jdbc.sql("""
				SELECT a.id, a.agreement_id, a.project_id, a.amount_usd, a.allocated_on, g.reference, g.donor_id,
				       g.earmark_level
				FROM allocation a JOIN agreement g ON g.id = a.agreement_id
				ORDER BY a.agreement_id, a.allocated_on, a.id""")
			.query((rs, n) -> new AllocationRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
					date(rs, 5), rs.getString(6), rs.getLong(7), rs.getInt(8)))
			.list();
		var covered = coveredByCash(allocations);
		Map<Long, List<AllocationRow>> allocationsOf = new HashMap<>();
		allocations.forEach(a -> allocationsOf.computeIfAbsent(a.projectId(), id -> new ArrayList<>()).add(a));
		Map<Long, DonorRow> donors = new HashMap<>();
		jdbc.sql("SELECT id, name, iati_identifier, iati_org_type FROM donor")
			.query(rs -> {
				donors.put(rs.getLong(1), new DonorRow(rs.getString(2), blankToNull(rs.getString(3)),
						blankToNull(rs.getString(4))));
			});
		Map<Long, Map<Withheld, String>> withheld = new HashMap<>();
		exclusions.findAllByOrderByProjectIdAscFieldAsc()
			.forEach(e -> withheld.computeIfAbsent(e.getProjectId(), id -> new LinkedHashMap<>())
				.put(e.getField(), e.getReason()));

		var activities = new ArrayList<Activity>();
		var omissions = new ArrayList<Omission>();
		Map<String, String> identifiers = new HashMap<>();
		for (var project : projects) {
			var left = withheld.getOrDefault(project.id(), Map.of());
			Consumer<String[]> omit = what -> omissions
				.add(new Omission(project.id(), project.code(), what[0], what[1], what.length > 2 ? what[2] : null));
			if (left.containsKey(Withheld.PROJECT)) {
				omit.accept(new String[] { "publishing.left.project", "publishing.why.user", left.get(Withheld.PROJECT) });
				continue;
			}
			if (project.status() == PIPELINE) {
				omit.accept(new String[] { "publishing.left.project", "publishing.why.pipeline" });
				continue;
			}
			var identifier = settings.identifierOf(project.code());
			var clash = identifiers.putIfAbsent(identifier, project.code());
			if (clash != null) {
				omit.accept(new String[] { "publishing.left.project", "publishing.why.sameIdentifier", clash });
				continue;
			}
			var dates = dates(project, today, omit);
			if (dates.isEmpty()) {
				omit.accept(new String[] { "publishing.left.project", "publishing.why.noDates" });
				continue;
			}
			var description = project.description() == null || project.description().isBlank() ? null
					: project.description().strip();
			if (left.containsKey(Withheld.DESCRIPTION)) {
				omit.accept(new String[] { "publishing.left.description", "publishing.why.user", left.get(Withheld.DESCRIPTION) });
				description = null;
			}
			if (description == null) {
				// IATI requires a description: the project's theme says what it is about.
				description = english("publishing.description." + project.theme());
			}
			var published = new ArrayList<Country>();
			if (left.containsKey(Withheld.COUNTRIES)) {
				omit.accept(new String[] { "publishing.left.countries", "publishing.why.user", left.get(Withheld.COUNTRIES) });
			}
			else {
				var codes = new ArrayList<String>();
				for (var country : countries.getOrDefault(project.id(), List.of())) {
					if (codelists.contains("Country", country[1])) {
						codes.add(country[1]);
					}
					else {
						omit.accept(new String[] { "publishing.left.country", "publishing.why.notOnList", country[0] });
					}
				}
				published.addAll(split(codes));
			}
			var sector = project.dac();
			if (!codelists.contains("Sector", sector)) {
				omit.accept(new String[] { "publishing.left.sector", "publishing.why.sectorNotOnList", sector });
				sector = DEFAULT_SECTOR;
			}
			boolean donorsWithheld = left.containsKey(Withheld.DONORS);
			if (donorsWithheld) {
				omit.accept(new String[] { "publishing.left.donors", "publishing.why.user", left.get(Withheld.DONORS) });
			}
			var funded = allocationsOf.getOrDefault(project.id(), List.of());
			var participating = new ArrayList<Org>();
			if (!donorsWithheld) {
				funded.stream()
					.map(AllocationRow::donorId)
					.distinct()
					.map(id -> donor(donors.get(id), FUNDING, project, omit))
					.sorted(Comparator.comparing(Org::name))
					.forEach(participating::add);
			}
			participating.add(new Org(ACCOUNTABLE, reporting.ref(), reporting.type(), reporting.name()));
			participating.add(implementing(project, reporting));
			var funding = new ArrayList<Transaction>();
			var implementer = implementing(project, reporting);
			for (var allocation : funded) {
				var earmarking = earmarking(allocation.earmarkLevel());
				var cash = covered.get(allocation.id());
				if (cash.signum() > 0) {
					funding.add(new Transaction(INCOMING_FUNDS, allocation.on(), cash,
							donorsWithheld ? english("publishing.transaction.incomingWithheld")
									: english("publishing.transaction.incoming", allocation.reference()),
							donorsWithheld ? null : donor(donors.get(allocation.donorId()), null, project, null),
							asParty(reporting), earmarking));
				}
				funding.add(new Transaction(OUTGOING_COMMITMENT, allocation.on(), allocation.usd(),
						donorsWithheld ? english("publishing.transaction.commitmentWithheld")
								: english("publishing.transaction.commitment", allocation.reference()),
						asParty(reporting), new Org(null, implementer.ref(), implementer.type(), implementer.name()),
						earmarking));
			}
			funding.sort(Comparator.comparing(Transaction::date).thenComparing(Transaction::type));
			var levels = funded.stream().map(a -> earmarking(a.earmarkLevel())).distinct().toList();
			activities.add(new Activity(project.id(), project.code(), identifier, project.title(), description,
					project.status(), dates, participating, published, sector,
					levels.size() == 1 ? levels.get(0) : null, within(project, budgets.getOrDefault(project.id(), List.of())),
					funding,
					project.updatedAt()));
		}
		return new Publication(clock.instant(), reporting, projects.size(), List.copyOf(activities),
				List.copyOf(omissions));
	}

	/**
	 * A project's expenditure as IATI transactions, handed to {@code sink} in date order: each line
	 * at its USD value, then one programme support cost transaction per year.
	 */
	void spending(long projectId, Consumer<Transaction> sink) {
		Map<Integer, BigDecimal> psc = new TreeMap<>();
		Map<Integer, LocalDate> lastOfYear = new HashMap<>();
		Map<String, String> categories = new HashMap<>();
		jdbc.sql("""
				SELECT spent_on, category, usd_amount, psc_usd FROM expenditure WHERE project_id = ?
				ORDER BY spent_on, id""")
			.param(projectId)
			.query(rs -> {
				var on = date(rs, 1);
				var category = categories.computeIfAbsent(rs.getString(2), c -> english("category." + c));
				sink.accept(new Transaction(EXPENDITURE, on, rs.getBigDecimal(3), category, null, null, null));
				psc.merge(on.getYear(), rs.getBigDecimal(4), BigDecimal::add);
				lastOfYear.merge(on.getYear(), on, (a, b) -> a.isAfter(b) ? a : b);
			});
		psc.forEach((year, usd) -> {
			if (usd.signum() != 0) {
				sink.accept(new Transaction(EXPENDITURE, lastOfYear.get(year), usd,
						english("publishing.transaction.psc", String.valueOf(year)), null, null, null));
			}
		});
	}

	/** For each allocation, the part of it its agreement's net cash covers, allocations taken in order. */
	private Map<Long, BigDecimal> coveredByCash(List<AllocationRow> allocations) {
		Map<Long, BigDecimal> cash = new HashMap<>();
		jdbc.sql("SELECT agreement_id, SUM(usd_amount) FROM receipt GROUP BY agreement_id")
			.query(rs -> {
				cash.merge(rs.getLong(1), rs.getBigDecimal(2), BigDecimal::add);
			});
		jdbc.sql("SELECT agreement_id, SUM(usd_amount) FROM refund GROUP BY agreement_id")
			.query(rs -> {
				cash.merge(rs.getLong(1), rs.getBigDecimal(2).negate(), BigDecimal::add);
			});
		Map<Long, BigDecimal> covered = new HashMap<>();
		Map<Long, BigDecimal> left = new HashMap<>(cash);
		// Ordered by agreement, date and id (the query's order).
		for (var allocation : allocations) {
			var available = left.getOrDefault(allocation.agreementId(), BigDecimal.ZERO).max(BigDecimal.ZERO);
			var part = available.min(allocation.usd()).max(BigDecimal.ZERO);
			covered.put(allocation.id(), part);
			left.put(allocation.agreementId(), available.subtract(part));
		}
		return covered;
	}

	private List<ActivityDate> dates(ProjectRow project, LocalDate today, Consumer<String[]> omit) {
		var dates = new ArrayList<ActivityDate>();
		if (project.plannedStart() != null) {
			dates.add(new ActivityDate(1, project.plannedStart()));
		}
		// IATI: an actual date is never in the future.
		if (project.actualStart() != null) {
			if (project.actualStart().isAfter(today)) {
				omit.accept(new String[] { "publishing.left.actualStart", "publishing.why.future", project.actualStart().toString() });
			}
			else {
				dates.add(new ActivityDate(2, project.actualStart()));
			}
		}
		if (project.plannedEnd() != null) {
			dates.add(new ActivityDate(3, project.plannedEnd()));
		}
		if (project.actualEnd() != null) {
			if (project.actualEnd().isAfter(today)) {
				omit.accept(new String[] { "publishing.left.actualEnd", "publishing.why.future", project.actualEnd().toString() });
			}
			else {
				dates.add(new ActivityDate(4, project.actualEnd()));
			}
		}
		return dates;
	}

	/**
	 * IATI asks a budget's period to lie within the activity: the first and last years' periods
	 * start and end with the project (actual dates, else planned ones).
	 */
	private static List<Budget> within(ProjectRow project, List<Budget> budgets) {
		var start = project.actualStart() != null ? project.actualStart() : project.plannedStart();
		var end = project.actualEnd() != null ? project.actualEnd() : project.plannedEnd();
		return budgets.stream().map(budget -> {
			var from = start != null && start.getYear() == budget.year() ? start : budget.start();
			var to = end != null && end.getYear() == budget.year() && !end.isBefore(from) ? end : budget.end();
			return new Budget(budget.year(), from, to, budget.usd());
		}).toList();
	}

	/** Equal shares of 100 at two decimals, the remainder on the last, so that they add up to 100. */
	static List<Country> split(List<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		var hundred = new BigDecimal("100.00");
		var share = hundred.divide(BigDecimal.valueOf(codes.size()), 2, RoundingMode.DOWN);
		var shares = new ArrayList<Country>();
		for (int i = 0; i < codes.size(); i++) {
			var percentage = i == codes.size() - 1
					? hundred.subtract(share.multiply(BigDecimal.valueOf(codes.size() - 1L))) : share;
			shares.add(new Country(codes.get(i), percentage));
		}
		return shares;
	}

	private Org donor(DonorRow donor, Integer role, ProjectRow project, Consumer<String[]> omit) {
		var type = donor.type();
		if (type != null && !codelists.contains("OrganisationType", type)) {
			if (omit != null) {
				omit.accept(new String[] { "publishing.left.donorType", "publishing.why.notOnList", donor.name() + ": " + type });
			}
			type = null;
		}
		if (donor.ref() == null && omit != null) {
			omit.accept(new String[] { "publishing.left.donorRef", "publishing.why.noIdentifier", donor.name() });
		}
		return new Org(role, donor.ref(), type, donor.name());
	}

	private static Org implementing(ProjectRow project, Org reporting) {
		// A UNODC office is UNODC itself; a programme network institute is named, not identified.
		return "UNODC_OFFICE".equals(project.entityKind())
				? new Org(IMPLEMENTING, reporting.ref(), reporting.type(), project.entityName())
				: new Org(IMPLEMENTING, null, ACADEMIC, project.entityName());
	}

	private static Org asParty(Org org) {
		return new Org(null, org.ref(), org.type(), org.name());
	}

	private Integer earmarking(int level) {
		return codelists.contains("EarmarkingCategory", String.valueOf(level)) ? level : null;
	}

	private String english(String key, Object... args) {
		return messages.getMessage(key, args, key, Locale.ENGLISH);
	}

	private static LocalDate date(ResultSet rs, int column) throws SQLException {
		var date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
