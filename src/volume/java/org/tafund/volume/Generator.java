package org.tafund.volume;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tafund.books.EntryDraft;
import org.tafund.books.JournalWriter;
import org.tafund.books.Posting;
import org.tafund.contributions.ContributionRules;
import org.tafund.contributions.ContributionRules.AgreementFacts;
import org.tafund.contributions.ContributionRules.ReceiptFacts;
import org.tafund.contributions.ContributionRules.RefundFacts;
import org.tafund.contributions.ContributionRules.RevaluedReceivable;
import org.tafund.contributions.ContributionRules.SignatureFacts;
import org.tafund.contributions.EarmarkKind;
import org.tafund.contributions.FundingWindow;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.Codes.Theme;
import org.tafund.projects.ExpenditureRules;
import org.tafund.projects.ExpenditureRules.ExpenditureFacts;
import org.tafund.shared.Money;

/**
 * Writes the volume data set in foreign-key order, one phase per business area. Every row obeys
 * the rules the application enforces when the same thing is booked through it: rates of the
 * month of the transaction, USD by {@link Money} (half-even), instalments that add up to the
 * total, receipts never beyond the total unless flagged as overpayment, reversals that point at
 * their original, refunds within what was received, allocations within what an agreement funds
 * and its earmark, expenditure and PSC within a project's allocations, participants that add up.
 * Every money record gets its journal entry by the application's own posting rules
 * ({@link ContributionRules}, {@link ExpenditureRules}), posted in batches with
 * {@link JournalWriter#postAll}, and the revaluation runs book against the receivables those
 * entries carry, as {@code ContributionManagement.revalue} does.
 */
final class Generator {

	static final String BY = "volume.data";

	static final BigDecimal STANDARD_PSC = new BigDecimal("0.1300");

	static final List<String> DONOR_TYPES = List.of("REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION",
			"UN_ENTITY_OR_POOLED_FUND", "INTERGOVERNMENTAL_ORGANIZATION", "INTERNATIONAL_FINANCIAL_INSTITUTION",
			"PRIVATE_SECTOR", "PRIVATE_SECTOR", "FOUNDATION", "FOUNDATION", "FOUNDATION", "INDIVIDUAL", "INDIVIDUAL",
			"OTHER");

	static final List<String> WINDOWS = List.of("CPCJF_GENERAL_PURPOSE", "CPCJF_SPECIAL_PURPOSE",
			"DIRECT_UNODC_PROJECT", "PNI_INSTITUTE");

	/** Agreement theme earmarks (Agreement.THEMES) and the project themes they may fund. */
	static final List<String> EARMARK_THEMES = List.of("EXTRADITION", "MLA", "BOTH", "OTHER");

	static final List<String> THEMES = List.of("EXTRADITION", "MLA", "BOTH", "OTHER_COOPERATION");

	static final List<String> INSTRUMENTS = List.of("UNTOC", "TRAFFICKING_IN_PERSONS_PROTOCOL",
			"SMUGGLING_OF_MIGRANTS_PROTOCOL", "FIREARMS_PROTOCOL");

	static final List<String> CATEGORIES = List.of("STAFF", "CONSULTANTS", "TRAVEL", "CONTRACTUAL_SERVICES",
			"WORKSHOPS_AND_TRAINING", "EQUIPMENT", "GRANTS", "GENERAL_OPERATING");

	static final List<String> ACTIVITY_TYPES = List.of("LEGISLATIVE_DRAFTING", "TRAINING_OR_WORKSHOP",
			"TRAINING_OF_TRAINERS", "MENTORING_LIAISON_MAGISTRATE", "STUDY_VISIT", "REGIONAL_NETWORK_MEETING",
			"TREATY_NEGOTIATION_SUPPORT", "TOOL_DEPLOYMENT", "DISSEMINATION_OF_GUIDES_AND_MODEL_LAWS",
			"RATIFICATION_PROMOTION", "EXPERT_GROUP_MEETING", "OTHER");

	static final List<String> DAC_CODES = List.of("15130", "15131", "15132", "15134", "15137", "15113", "15210",
			"15190");

	static final List<String> SURNAMES = List.of("Adeyemi", "Bergstrom", "Castillo", "Dubois", "Eriksen", "Fujita",
			"Gonzalez", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Okafor",
			"Petrov", "Quispe", "Rahman", "Schneider", "Tanaka", "Umarov", "Valdivia", "Wojcik", "Yilmaz", "Zhang");

	static final List<String> GIVEN = List.of("Amina", "Bruno", "Chiara", "Daniel", "Elena", "Farid", "Grace",
			"Hiroshi", "Ingrid", "Jorge", "Kwame", "Lucia", "Mateo", "Nadia", "Olga", "Pedro");

	static final List<String> TYPE_NAMES = List.of("Trust", "Foundation", "Holdings", "Group", "Partners",
			"Charitable Fund", "Institute", "Bank");

	/** A country of the reference table: what donors, projects and activities may name. */
	record Country(String code, String name, String currency, boolean developed) {
	}

	record Donor(long id, String code, String currency, String type) {
	}

	/** An allocation to a project: when it was recorded, and the funding window of its agreement. */
	record Funding(Timestamp at, FundingWindow window) {
	}

	/** An agreement and what its receipts and refunds came to, in its currency's minor units. */
	static final class Agreement {

		long id;

		String currency;

		int digits;

		long total;

		LocalDate signedOn;

		boolean cancelled;

		boolean conditional;

		String earmark;

		BigDecimal recognitionRate;

		BigDecimal recognisedUsd;

		long received;

		BigDecimal receivedUsd = BigDecimal.ZERO;

		long refunded;

		BigDecimal refundedUsd = BigDecimal.ZERO;

		LocalDate firstReceipt;

		long[] receivedAtRun;

		String reference;

		long donorId;

		String donorType;

		String window;

		LocalDate cancelledOn;

		/** What the journal carries at the signature rate (RECEIVABLE), now and at each revaluation run's period end. */
		BigDecimal carried = BigDecimal.ZERO;

		BigDecimal[] carriedAtRun;

		/** What the revaluation runs booked so far (RECEIVABLE_FX). */
		BigDecimal revalued = BigDecimal.ZERO;

		private AgreementFacts facts;

		boolean receives() {
			return signedOn != null && !cancelled;
		}

		AgreementFacts facts() {
			if (facts == null) {
				facts = new AgreementFacts(id, reference, donorId, donorType, FundingWindow.valueOf(window),
						earmark == null ? null : EarmarkKind.THEME, earmark, conditional, recognitionRate);
			}
			return facts;
		}

	}

	static final class Project {

		long id;

		String code;

		final List<Funding> funding = new ArrayList<>();

		String theme;

		int status;

		LocalDate from;

		LocalDate to;

		BigDecimal psc;

		List<Country> countries;

		long allocated;

		LocalDate firstAllocation;

		long firstActivity;

		int activities;

		boolean takesMoney() {
			return from != null;
		}

	}

	@FunctionalInterface
	interface Work {

		void run() throws SQLException;

	}

	private final Connection connection;

	private final ExecutorService writer;

	private final double scale;

	private final long seed;

	private final LocalDate today;

	private final Rates rates;

	private final JournalWriter journal;

	/** When the generated entries are posted: the start of the day of generation (the same every run of that day). */
	private final Instant postedAt;

	private final List<VolumeData.Phase> phases = new ArrayList<>();

	private final Map<String, Long> phaseRows = new LinkedHashMap<>();

	private List<Country> countries;

	private List<Long> entities;

	private List<String> pniInstitutes;

	private List<String> dacCodes;

	private final List<Donor> donors = new ArrayList<>();

	private final List<Agreement> agreements = new ArrayList<>();

	private final List<Project> projects = new ArrayList<>();

	private final List<LocalDate> runs = new ArrayList<>();

	Generator(Connection connection, ExecutorService writer, double scale, long seed, LocalDate today) {
		this.connection = connection;
		this.writer = writer;
		this.scale = scale;
		this.seed = seed;
		this.today = today;
		this.rates = new Rates(today, random(1));
		this.journal = JournalWriter.on(new SingleConnectionDataSource(connection, true));
		this.postedAt = today.atStartOfDay(ZoneOffset.UTC).toInstant();
		for (int year = Math.max(1991, today.getYear() - 11); year < today.getYear(); year++) {
			runs.add(LocalDate.of(year, 12, 31));
		}
	}

	List<VolumeData.Phase> run() throws SQLException {
		readReference();
		phase("exchange rates", this::exchangeRates);
		phase("donors", this::donors);
		phase("agreements", this::agreements);
		phase("receipts", this::receipts);
		phase("revaluations", this::revaluations);
		phase("projects", this::projects);
		phase("allocations", this::allocations);
		phase("activities", this::activities);
		phase("expenditure", this::expenditure);
		return phases;
	}

	/** How many rows of a table at this scale: never none, so a tiny run still covers every table. */
	int count(long full) {
		return (int) Math.max(1, Math.round(full * scale));
	}

	private SplittableRandom random(int phase) {
		// One stream per phase: a change in one phase leaves the others' data as it was.
		return new SplittableRandom(seed * 1_000_003L + phase);
	}

	private void phase(String name, Work work) throws SQLException {
		phaseRows.clear();
		long start = System.nanoTime();
		work.run();
		phases.add(new VolumeData.Phase(name, new LinkedHashMap<>(phaseRows), Duration.ofNanos(System.nanoTime() - start)));
	}

	private BatchInsert table(String table, String columns, BatchInsert... parents) throws SQLException {
		return new BatchInsert(connection, writer, table, columns, List.of(parents),
				(name, rows) -> phaseRows.merge(name, rows, Long::sum));
	}

	private JournalBatch entries() {
		return new JournalBatch(connection, writer, journal, postedAt,
				(name, rows) -> phaseRows.merge(name, rows, Long::sum));
	}

	/** An entry's change of the agreement's receivable, now and at every run's period end on or after its date. */
	private void carry(Agreement a, LocalDate on, EntryDraft entry) {
		var change = ContributionRules.receivableChange(entry.lines());
		if (change.signum() == 0) {
			return;
		}
		a.carried = a.carried.add(change);
		for (int r = 0; r < runs.size(); r++) {
			if (!on.isAfter(runs.get(r))) {
				a.carriedAtRun[r] = a.carriedAtRun[r].add(change);
			}
		}
	}

	private long nextId(String table) throws SQLException {
		try (var statement = connection.createStatement();
				var rs = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	// Reference data ---------------------------------------------------------------------

	private void readReference() throws SQLException {
		countries = new ArrayList<>();
		entities = new ArrayList<>();
		pniInstitutes = new ArrayList<>();
		dacCodes = new ArrayList<>();
		try (var statement = connection.createStatement()) {
			try (var rs = statement.executeQuery(
					"select code, name_en, currency, classification from country order by code")) {
				while (rs.next()) {
					countries.add(new Country(rs.getString(1), rs.getString(2), rs.getString(3),
							"DEVELOPED".equals(rs.getString(4))));
				}
			}
			try (var rs = statement.executeQuery("select id, code, kind from implementing_entity order by id")) {
				while (rs.next()) {
					entities.add(rs.getLong(1));
					if ("PNI_INSTITUTE".equals(rs.getString(3))) {
						pniInstitutes.add(rs.getString(2));
					}
				}
			}
			try (var rs = statement.executeQuery("select code from dac_purpose_code order by code")) {
				while (rs.next()) {
					if (DAC_CODES.contains(rs.getString(1))) {
						dacCodes.add(rs.getString(1));
					}
				}
			}
		}
		if (countries.isEmpty() || entities.isEmpty() || dacCodes.isEmpty()) {
			throw new IllegalStateException("The reference data of the migrations (countries, implementing entities, "
					+ "DAC codes) is missing: is this a tafund database?");
		}
		connection.commit();
	}

	// Exchange rates ---------------------------------------------------------------------

	private void exchangeRates() throws SQLException {
		long id = nextId("exchange_rate");
		try (var rows = table("exchange_rate",
				"id, currency, effective_date, units_per_usd, version, created_at, created_by, updated_at, updated_by")) {
			var random = random(2);
			for (var rate : rates.all()) {
				var at = stamp(rate.effectiveDate().minusDays(1), random);
				rows.row(id++, rate.currency(), Date.valueOf(rate.effectiveDate()), rate.unitsPerUsd(), 0L, at, BY, at,
						BY);
			}
		}
	}

	// Donors -----------------------------------------------------------------------------

	private void donors() throws SQLException {
		var random = random(3);
		int n = count(1_000);
		var states = new ArrayList<>(countries);
		shuffle(states, random);
		int memberStates = Math.min(states.size(), Math.max(1, (int) Math.round(n * 0.19)));
		long id = nextId("donor");
		var names = new HashSet<String>();
		try (var rows = table("donor", "id, name, donor_type, country, iati_identifier, iati_org_type, notes, active, "
				+ "version, created_at, created_by, updated_at, updated_by")) {
			for (int i = 0; i < n; i++) {
				String name;
				String type;
				String country = null;
				String orgType;
				String currency;
				if (i < memberStates) {
					var state = states.get(i);
					name = state.name();
					type = "MEMBER_STATE";
					country = state.code();
					orgType = "10";
					currency = state.currency() != null && Rates.LEVELS.containsKey(state.currency()) ? state.currency()
							: "USD";
				}
				else {
					type = pick(DONOR_TYPES, random);
					name = unique(names, donorName(type, random));
					orgType = switch (type) {
						case "PRIVATE_SECTOR" -> "70";
						case "FOUNDATION" -> "60";
						case "INDIVIDUAL" -> "90";
						default -> "40";
					};
					if (random.nextInt(3) > 0) {
						country = pick(countries, random).code();
					}
					currency = random.nextBoolean() ? "USD" : pick(Rates.currencies(), random);
				}
				names.add(name);
				var at = stamp(Rates.FIRST.minusDays(1 + random.nextInt(365)), random);
				rows.row(id, name, type, country, null, orgType, null, random.nextInt(20) > 0, 0L, at, BY, at, BY);
				donors.add(new Donor(id, country != null && type.equals("MEMBER_STATE") ? country : "D" + id, currency,
						type));
				id++;
			}
		}
	}

	private static String donorName(String type, SplittableRandom random) {
		var surname = pick(SURNAMES, random);
		return switch (type) {
			case "INDIVIDUAL" -> pick(GIVEN, random) + " " + surname;
			case "FOUNDATION" -> surname + " Foundation for Justice";
			case "PRIVATE_SECTOR" -> surname + " " + pick(TYPE_NAMES, random);
			case "REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION" -> "Regional Economic Community " + surname;
			case "UN_ENTITY_OR_POOLED_FUND" -> "Multi-Partner Trust Fund " + surname;
			case "INTERNATIONAL_FINANCIAL_INSTITUTION" -> surname + " Development Bank";
			case "INTERGOVERNMENTAL_ORGANIZATION" -> surname + " Intergovernmental Commission";
			default -> surname + " Association";
		};
	}

	private static String unique(Set<String> names, String name) {
		var candidate = name;
		for (int n = 2; names.contains(candidate); n++) {
			candidate = name + " " + n;
		}
		return candidate;
	}

	// Agreements -------------------------------------------------------------------------

	private void agreements() throws SQLException {
		var random = random(4);
		int n = count(20_000);
		var weights = new double[donors.size()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = (donors.get(i).code().startsWith("D") ? 0.6 : 3.0) * (0.5 + random.nextDouble());
		}
		var perDonor = counts(n, weights, random);
		long id = nextId("agreement");
		long instalmentId = nextId("instalment");
		try (var rows = table("agreement", "id, reference, donor_id, currency, total_amount, funding_window, "
				+ "pni_institute, earmark_level, earmark_kind, earmark_target, psc_rate, psc_approval_ref, "
				+ "conditional_terms, period_start, period_end, signed_on, recognised_usd, recognition_rate, "
				+ "recognition_rate_date, cancelled_on, closed_on, schedule_number, version, created_at, created_by, "
				+ "updated_at, updated_by");
				var instalments = table("instalment", "id, agreement_id, schedule_number, due_on, amount, version, "
						+ "created_at, created_by, updated_at, updated_by", rows);
				var reportsDue = table("agreement_report_due", "agreement_id, due_on", rows);
				var entries = entries()) {
			long span = today.minusDays(3).toEpochDay() - Rates.FIRST.toEpochDay();
			for (int d = 0; d < donors.size(); d++) {
				var donor = donors.get(d);
				for (int k = 0; k < perDonor[d]; k++) {
					var a = new Agreement();
					a.id = id++;
					double state = random.nextDouble();
					// More agreements in later years, as the Fund grew.
					var signed = Rates.FIRST.plusDays((long) (span * Math.sqrt(random.nextDouble())));
					var start = signed;
					if (state < 0.02) {
						start = today.plusDays(30 + random.nextInt(300));
					}
					else {
						a.signedOn = signed;
						a.cancelled = state < 0.03;
					}
					var currency = random.nextInt(100) < 15 ? "USD" : donor.currency();
					if (!Rates.available(currency, start.isAfter(today) ? today : start)) {
						currency = "USD";
					}
					a.currency = currency;
					a.digits = Money.digits(currency);
					var rateDay = start.isAfter(today) ? today : start;
					double usd = Math.min(20_000_000, Math.max(20_000, Math.exp(Math.log(400_000) + random.nextGaussian())));
					long units = Math.max(10, Math.round(usd * rates.on(currency, rateDay).doubleValue() / 1000)) * 1000;
					a.total = units * pow10(a.digits);
					var window = random.nextInt(100) < 60 ? WINDOWS.get(0)
							: random.nextInt(100) < 62 ? WINDOWS.get(1) : random.nextInt(100) < 66 ? WINDOWS.get(2) : WINDOWS.get(3);
					String pni = window.equals("PNI_INSTITUTE") ? pick(pniInstitutes, random) : null;
					if (window.equals("CPCJF_SPECIAL_PURPOSE")) {
						a.earmark = pick(EARMARK_THEMES, random);
					}
					var psc = random.nextInt(10) > 0 ? STANDARD_PSC : new BigDecimal("0.0800");
					a.conditional = random.nextInt(100) < 15;
					var end = start.plusYears(1 + random.nextInt(4)).minusDays(1);
					var reference = donor.code() + "-" + start.getYear() + "-" + a.id;
					LocalDate cancelledOn = null;
					if (a.cancelled) {
						cancelledOn = min(today, a.signedOn.plusDays(30 + random.nextInt(170)));
					}
					LocalDate rateDate = null;
					if (a.signedOn != null) {
						a.recognitionRate = rates.on(currency, a.signedOn);
						rateDate = Rates.effective(currency, a.signedOn);
						a.recognisedUsd = money(a.total, a).toUsd(a.recognitionRate).amount();
					}
					var created = stamp(a.signedOn == null ? today.minusDays(random.nextInt(20)) : a.signedOn.minusDays(10),
							random);
					a.reference = reference;
					a.donorId = donor.id();
					a.donorType = donor.type();
					a.window = window;
					a.cancelledOn = cancelledOn;
					a.carriedAtRun = new BigDecimal[runs.size()];
					Arrays.fill(a.carriedAtRun, BigDecimal.ZERO);
					rows.row(a.id, reference, donor.id(), currency, decimal(a.total, a.digits), window, pni,
							a.earmark == null ? 1 : 2, a.earmark == null ? null : "THEME", a.earmark, psc,
							psc == STANDARD_PSC ? null : "PSC-WAIVER-" + a.id, a.conditional, Date.valueOf(start),
							Date.valueOf(end), date(a.signedOn), a.recognisedUsd, a.recognitionRate, date(rateDate),
							date(cancelledOn), null, 1, 0L, created, BY, created, BY);
					int parts = 1 + random.nextInt(4);
					var amounts = split(a.total, parts, random);
					long days = end.toEpochDay() - start.toEpochDay();
					for (int i = 0; i < parts; i++) {
						var due = start.plusDays(Math.min(days, days * i / parts + random.nextInt(30)));
						instalments.row(instalmentId++, a.id, 1, Date.valueOf(due), decimal(amounts[i], a.digits), 0L,
								created, BY, created, BY);
					}
					reportsDue.row(a.id, Date.valueOf(end.plusMonths(3)));
					if (a.signedOn != null) {
						var signature = ContributionRules.signed(a.facts(), new SignatureFacts(a.signedOn, money(a.total, a),
								a.recognitionRate, rateDate, Money.of(a.recognisedUsd, Money.USD)));
						if (signature.isPresent()) {
							entries.post(signature.get());
							carry(a, a.signedOn, signature.get());
						}
						if (cancelledOn != null) {
							var cancellation = ContributionRules.cancelled(a.facts(), cancelledOn, a.carried);
							if (cancellation.isPresent()) {
								entries.post(cancellation.get());
								carry(a, cancelledOn, cancellation.get());
							}
						}
					}
					agreements.add(a);
				}
			}
		}
	}

	// Receipts, reversals and refunds --------------------------------------------------------

	private void receipts() throws SQLException {
		var random = random(5);
		int n = count(1_000_000);
		var weights = new double[agreements.size()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = agreements.get(i).receives() ? 0.3 + 1.4 * random.nextDouble() : 0;
		}
		var perAgreement = counts(n, weights, random);
		long id = nextId("receipt");
		long firstReceipt = id;
		long refundId = nextId("refund");
		var others = Rates.currencies();
		try (var rows = table("receipt", "id, agreement_id, received_on, amount, currency, rate, rate_date, usd_amount, "
				+ "agreement_amount, agreement_rate, agreement_rate_date, bank_reference, note, overpayment, reversal_of, "
				+ "reason, version, created_at, created_by, updated_at, updated_by");
				var refunds = table("refund", "id, agreement_id, refunded_on, amount, currency, rate, rate_date, "
						+ "usd_amount, reason, version, created_at, created_by, updated_at, updated_by");
				var entries = entries()) {
			for (int i = 0; i < agreements.size(); i++) {
				var a = agreements.get(i);
				a.receivedAtRun = new long[runs.size()];
				int c = perAgreement[i];
				if (c == 0) {
					continue;
				}
				boolean old = a.signedOn.isBefore(today.minusYears(3));
				double share = old && random.nextInt(10) < 8 ? 1.0
						: old ? 0.4 + 0.59 * random.nextDouble() : 0.1 + 0.85 * random.nextDouble();
				long target = Math.round(a.total * share);
				if (share == 1.0 && random.nextInt(50) == 0) {
					target += a.total / 50;
				}
				// A reversal undoes an earlier receipt: never more reversals than receipts before it.
				var reversal = new boolean[c];
				int originals = 0;
				for (int k = 0; k < c; k++) {
					reversal[k] = k > 0 && random.nextInt(250) == 0 && originals > k - originals;
					if (!reversal[k]) {
						originals++;
					}
				}
				target = Math.max(target, originals);
				var dates = sortedDates(c, a.signedOn, min(today, a.signedOn.plusYears(6)), random);
				var reversible = new ArrayList<Object[]>();
				var posted = new HashMap<Long, List<Posting>>();
				long remaining = target;
				int left = originals;
				for (int k = 0; k < c; k++) {
					var on = dates[k];
					var at = stamp(on, random);
					Object[] row;
					long value;
					BigDecimal usd;
					EntryDraft entry;
					if (reversal[k]) {
						var original = reversible.remove(random.nextInt(reversible.size()));
						value = -((BigDecimal) original[8]).movePointRight(a.digits).longValueExact();
						usd = ((BigDecimal) original[7]).negate();
						var reason = "Booked against the wrong agreement";
						row = new Object[] { id, a.id, Date.valueOf(on), ((BigDecimal) original[3]).negate(), original[4],
								original[5], original[6], usd, ((BigDecimal) original[8]).negate(), original[9],
								original[10], original[11], null, original[13], original[0], reason, 0L, at, BY, at, BY };
						// As ContributionPostings.reversed: the mirror of the receipt, and the receivable brought to what
						// is outstanding once it is undone (the mirror alone on a conditional agreement).
						long receivedAfter = a.received + value;
						entry = ContributionRules.reversed(a.facts(), id, on, reason, posted.get((Long) original[0]),
								money(a.total - Math.min(receivedAfter, a.total), a), a.carried);
					}
					else {
						long part = left == 1 ? remaining
								: Math.min(remaining - (left - 1),
										1 + Math.round((remaining - left) / (double) left * 2 * random.nextDouble()));
						var agreementRate = rates.on(a.currency, on);
						var agreementRateDate = Date.valueOf(Rates.effective(a.currency, on));
						Money amount = null;
						BigDecimal rate = agreementRate;
						Date rateDate = agreementRateDate;
						value = part;
						if (left > 1 && random.nextInt(100) < 12) {
							// Paid in another currency: the agreement's share follows through USD (Receipt).
							var currency = a.currency.equals("USD") || random.nextInt(10) < 3 ? pick(others, random) : "USD";
							if (!currency.equals(a.currency) && Rates.available(currency, on)) {
								var other = rates.on(currency, on);
								var paid = Money.rounded(decimal(part, a.digits)
									.divide(agreementRate, java.math.MathContext.DECIMAL128)
									.multiply(other), currency);
								var inAgreement = paid.toUsd(other).fromUsd(agreementRate, a.currency);
								long converted = minor(inAgreement);
								if (paid.isPositive() && converted > 0 && converted <= remaining - (left - 1)) {
									amount = paid;
									rate = other;
									rateDate = Date.valueOf(Rates.effective(currency, on));
									value = converted;
								}
							}
						}
						if (amount == null) {
							amount = money(part, a);
						}
						usd = amount.toUsd(rate).amount();
						long outstanding = a.total - Math.min(a.received, a.total);
						var bankReference = "FT" + on.getYear() + "-" + id;
						row = new Object[] { id, a.id, Date.valueOf(on), amount.amount(), amount.currency(), rate, rateDate,
								usd, decimal(value, a.digits), agreementRate, agreementRateDate, bankReference, null,
								value > outstanding, null, null, 0L, at, BY, at, BY };
						reversible.add(row);
						remaining -= value;
						left--;
						entry = ContributionRules.received(a.facts(), new ReceiptFacts(id, on, amount, rate,
								rateDate.toLocalDate(), Money.of(usd, Money.USD), money(value, a), bankReference,
								money(a.total, a), money(a.received, a), a.carried));
						posted.put(id, entry.lines());
					}
					rows.row(row);
					entries.post(entry);
					carry(a, on, entry);
					a.received += value;
					a.receivedUsd = a.receivedUsd.add(usd);
					if (a.firstReceipt == null) {
						a.firstReceipt = on;
					}
					for (int r = 0; r < runs.size(); r++) {
						if (!on.isAfter(runs.get(r))) {
							a.receivedAtRun[r] += value;
						}
					}
					id++;
				}
				if (a.received > 0 && random.nextInt(50) == 0) {
					long amount = Math.max(1, (long) (a.received * (0.02 + 0.23 * random.nextDouble())));
					var last = dates[c - 1];
					var on = randomDate(last, min(today, last.plusDays(365)), random);
					var rate = rates.on(a.currency, on);
					var usd = money(amount, a).toUsd(rate).amount();
					var at = stamp(on, random);
					var reason = "Unspent balance returned to the donor";
					entries.post(ContributionRules.refunded(a.facts(), new RefundFacts(refundId, on, money(amount, a),
							rate, Rates.effective(a.currency, on), Money.of(usd, Money.USD), reason)));
					refunds.row(refundId++, a.id, Date.valueOf(on), decimal(amount, a.digits), a.currency, rate,
							Date.valueOf(Rates.effective(a.currency, on)), usd, reason, 0L, at, BY, at, BY);
					a.refunded += amount;
					a.refundedUsd = a.refundedUsd.add(usd);
				}
			}
		}
		// As ContributionManagement adds each receipt to its agreement's year (V48), all at once here.
		try (var statement = connection.prepareStatement("INSERT INTO receipt_agreement_year (book_year, agreement_id, "
				+ "agreement_amount) SELECT YEAR(received_on), agreement_id, SUM(agreement_amount) FROM receipt WHERE id >= ? "
				+ "GROUP BY YEAR(received_on), agreement_id "
				+ "ON DUPLICATE KEY UPDATE agreement_amount = agreement_amount + VALUES(agreement_amount)")) {
			statement.setLong(1, firstReceipt);
			phaseRows.merge("receipt_agreement_year", (long) statement.executeUpdate(), Long::sum);
		}
	}

	/**
	 * The USD an agreement gives projects, in cents, by the application's rule (as
	 * ContributionManagement.fundingUsd): nothing unless signed and not cancelled; the net cash of a
	 * conditional one; the recognised value of an unconditional one less refunds beyond an overpayment.
	 */
	static long fundingCents(Agreement a) {
		if (a.signedOn == null || a.cancelled) {
			return 0;
		}
		var funding = a.conditional ? ContributionRules.fundingFromCash(a.receivedUsd, a.refundedUsd)
				: ContributionRules.fundingFromRecognition(Money.of(a.recognisedUsd, Money.USD), a.recognitionRate,
						money(a.total, a), money(a.received, a), money(a.refunded, a));
		return minor(funding);
	}

	// Revaluations -----------------------------------------------------------------------------

	private void revaluations() throws SQLException {
		var random = random(6);
		long runId = nextId("revaluation_run");
		long lineId = nextId("revaluation_line");
		var lines = new ArrayList<Object[]>();
		try (var runRows = table("revaluation_run",
				"id, period_end, gain_loss_usd, version, created_at, created_by, updated_at, updated_by");
				var entries = entries()) {
			// As ContributionManagement.revalue: each receivable open at the period end in another currency is
			// brought to its outstanding amount at the period-end rate, against what the journal carries for it
			// then, at the signature rate (RECEIVABLE) and from earlier runs (RECEIVABLE_FX): the line books the
			// change. One revalued before and settled or cancelled since books back what is left.
			for (int r = 0; r < runs.size(); r++) {
				var periodEnd = runs.get(r);
				var gainLoss = BigDecimal.ZERO.setScale(2);
				var booked = new ArrayList<RevaluedReceivable>();
				for (var a : agreements) {
					if (a.signedOn == null || a.conditional || a.currency.equals("USD") || a.signedOn.isAfter(periodEnd)) {
						continue;
					}
					boolean open = a.cancelledOn == null || a.cancelledOn.isAfter(periodEnd);
					long outstanding = open ? a.total - Math.min(a.receivedAtRun[r], a.total) : 0;
					if (outstanding <= 0 && a.revalued.signum() == 0) {
						continue;
					}
					// As RevaluationLine: the outstanding amount at the period-end rate against what the books carry.
					var remaining = money(Math.max(0, outstanding), a);
					var rate = rates.on(a.currency, periodEnd);
					var carried = Money.rounded(a.carriedAtRun[r], Money.USD);
					var revalued = remaining.toUsd(rate);
					var difference = revalued.minus(carried);
					var change = difference.minus(Money.rounded(a.revalued, Money.USD));
					gainLoss = gainLoss.add(difference.amount());
					lines.add(new Object[] { lineId++, runId, a.id, a.currency, remaining.amount(), a.recognitionRate,
							carried.amount(), rate, Date.valueOf(Rates.effective(a.currency, periodEnd)),
							revalued.amount(), difference.amount(), change.amount() });
					booked.add(new RevaluedReceivable(a.facts(), change.amount()));
					a.revalued = a.revalued.add(change.amount());
				}
				var entry = ContributionRules.revalued(runId, periodEnd, booked);
				if (entry.isPresent()) {
					entries.post(entry.get());
				}
				var at = stamp(periodEnd.plusDays(5 + random.nextInt(10)), random);
				runRows.row(runId++, Date.valueOf(periodEnd), gainLoss, 0L, at, BY, at, BY);
			}
		}
		try (var lineRows = table("revaluation_line", "id, run_id, agreement_id, currency, outstanding, "
				+ "recognition_rate, usd_at_recognition, period_end_rate, rate_date, revalued_usd, gain_loss_usd, "
				+ "booked_usd")) {
			for (var line : lines) {
				lineRows.row(line);
			}
		}
	}

	// Projects ---------------------------------------------------------------------------------

	private void projects() throws SQLException {
		var random = random(7);
		int n = count(2_000);
		var beneficiaries = countries.stream().filter(c -> !c.developed()).toList();
		long id = nextId("project");
		long budgetId = nextId("budget_line");
		try (var rows = table("project", "id, code, title, description, theme, implementing_entity_id, planned_start, "
				+ "planned_end, actual_start, actual_end, status, dac_code, psc_rate, version, created_at, created_by, "
				+ "updated_at, updated_by");
				var projectCountries = table("project_country", "project_id, country", rows);
				var managers = table("project_manager", "project_id, username", rows);
				var instruments = table("project_instrument", "project_id, instrument", rows);
				var budget = table("budget_line", "id, project_id, budget_year, category, amount_usd, version, "
						+ "created_at, created_by, updated_at, updated_by", rows)) {
			for (int i = 0; i < n; i++) {
				var p = new Project();
				p.id = id++;
				p.theme = pick(THEMES, random);
				int state = i == 0 ? 50 : random.nextInt(100);
				var plannedStart = randomDate(Rates.FIRST, today.minusMonths(6), random);
				var plannedEnd = plannedStart.plusYears(2 + random.nextInt(5));
				LocalDate actualStart = plannedStart;
				LocalDate actualEnd = null;
				if (state < 3) {
					p.status = 1;
					plannedStart = today.plusDays(30 + random.nextInt(300));
					plannedEnd = plannedStart.plusYears(3);
					actualStart = null;
				}
				else if (state < 5) {
					p.status = 5;
					actualStart = null;
				}
				else if (plannedEnd.isBefore(today.minusMonths(3)) && state < 95) {
					p.status = 4;
					actualEnd = plannedEnd;
				}
				else {
					p.status = plannedEnd.isBefore(today) ? 3 : 2;
				}
				if (actualStart != null) {
					p.from = actualStart;
					p.to = actualEnd == null ? today : actualEnd;
				}
				p.psc = random.nextInt(100) < 85 ? STANDARD_PSC : new BigDecimal(random.nextBoolean() ? "0.0800" : "0.0700");
				var places = new ArrayList<Country>();
				for (int c = 1 + random.nextInt(3); places.size() < c;) {
					var country = pick(beneficiaries.isEmpty() ? countries : beneficiaries, random);
					if (!places.contains(country)) {
						places.add(country);
					}
				}
				p.countries = places;
				var code = "CPCJF-" + plannedStart.getYear() + "-" + p.id;
				p.code = code;
				var title = switch (p.theme) {
					case "EXTRADITION" -> "Extradition practice and central authority capacity in ";
					case "MLA" -> "Mutual legal assistance in criminal matters in ";
					case "BOTH" -> "International cooperation in criminal matters (extradition and MLA) in ";
					default -> "Other forms of international cooperation in criminal matters in ";
				} + places.get(0).name();
				var at = stamp(min(today, plannedStart.minusMonths(2)), random);
				rows.row(p.id, code, title, null, p.theme, pick(entities, random), Date.valueOf(plannedStart),
						Date.valueOf(plannedEnd), date(actualStart), date(actualEnd), p.status, pick(dacCodes, random),
						p.psc, 0L, at, BY, at, BY);
				for (var place : places) {
					projectCountries.row(p.id, place.code());
				}
				managers.row(p.id, "project.manager");
				var chosen = new HashSet<String>();
				for (int k = 1 + random.nextInt(2); chosen.size() < k;) {
					chosen.add(pick(INSTRUMENTS, random));
				}
				for (var instrument : chosen) {
					instruments.row(p.id, instrument);
				}
				for (int year = plannedStart.getYear(); year <= Math.min(plannedEnd.getYear(), plannedStart.getYear() + 2); year++) {
					var first = random.nextInt(CATEGORIES.size());
					var second = (first + 1 + random.nextInt(CATEGORIES.size() - 1)) % CATEGORIES.size();
					for (var category : List.of(CATEGORIES.get(first), CATEGORIES.get(second))) {
						budget.row(budgetId++, p.id, year, category,
								decimal((20_000 + random.nextInt(280_000)) * 100L, 2), 0L, at, BY, at, BY);
					}
				}
				projects.add(p);
			}
		}
	}

	// Allocations ------------------------------------------------------------------------------

	private void allocations() throws SQLException {
		var random = random(8);
		long id = nextId("allocation");
		try (var rows = table("allocation", "id, agreement_id, project_id, amount_usd, allocated_on, version, "
				+ "created_at, created_by, updated_at, updated_by")) {
			for (var a : agreements) {
				long funding = fundingCents(a);
				if (funding < 100) {
					continue;
				}
				var from = a.conditional ? a.firstReceipt : a.signedOn;
				long amount = (long) (funding * (0.55 + 0.4 * random.nextDouble()));
				int parts = (int) Math.min(1 + random.nextInt(3), amount / 100);
				for (long part : split(amount, parts, random)) {
					for (int attempt = 0; attempt < 40; attempt++) {
						var p = projects.get(random.nextInt(projects.size()));
						if (!p.takesMoney() || !withinEarmark(a.earmark, p.theme)) {
							continue;
						}
						var lo = max(from, p.from);
						var hi = p.to;
						if (lo.isAfter(hi)) {
							continue;
						}
						var on = randomDate(lo, hi, random);
						var at = stamp(on, random);
						rows.row(id++, a.id, p.id, decimal(part, 2), Date.valueOf(on), 0L, at, BY, at, BY);
						p.funding.add(new Funding(at, FundingWindow.valueOf(a.window)));
						p.allocated += part;
						p.firstAllocation = p.firstAllocation == null ? on : min(p.firstAllocation, on);
						break;
					}
				}
			}
		}
	}

	/** ProjectManagement.withinEarmark for the generated earmarks (none, or a theme), by the application's rule. */
	static boolean withinEarmark(String earmark, String theme) {
		return earmark == null || Theme.valueOf(theme).fundableUnder(earmark);
	}

	// Activities -------------------------------------------------------------------------------

	private void activities() throws SQLException {
		var random = random(9);
		int n = count(100_000);
		var weights = new double[projects.size()];
		for (int i = 0; i < weights.length; i++) {
			var p = projects.get(i);
			weights[i] = p.takesMoney() ? 30 + p.to.toEpochDay() - p.from.toEpochDay() : 0;
		}
		var perProject = counts(n, weights, random);
		long id = nextId("activity");
		try (var rows = table("activity", "id, project_id, activity_type, title, start_date, end_date, mode, country, "
				+ "city, women, men, sex_not_recorded, central_authority, prosecution, judiciary, law_enforcement, "
				+ "ministry, other_institution, outputs, notes, version, created_at, created_by, updated_at, updated_by");
				var instruments = table("activity_instrument", "activity_id, instrument", rows)) {
			for (int i = 0; i < projects.size(); i++) {
				var p = projects.get(i);
				int c = perProject[i];
				p.firstActivity = id;
				p.activities = c;
				if (c == 0) {
					continue;
				}
				var dates = sortedDates(c, p.from, p.to, random);
				for (int k = 0; k < c; k++) {
					var type = pick(ACTIVITY_TYPES, random);
					int m = random.nextInt(100);
					var mode = m < 70 ? "IN_PERSON" : m < 85 ? "ONLINE" : "HYBRID";
					var country = mode.equals("ONLINE") ? null : pick(p.countries, random);
					var start = dates[k];
					var end = min(p.to, start.plusDays(random.nextInt(5)));
					// The same people counted by sex and by institution: both breakdowns add up to the total.
					int total = 8 + random.nextInt(73);
					var bySex = split(total, 3, random, 0);
					var byInstitution = split(total, 6, random, 0);
					var title = type.charAt(0) + type.substring(1).toLowerCase().replace('_', ' ')
							+ (country == null ? " (online)" : " in " + country.name());
					var at = stamp(start.minusDays(random.nextInt(30)), random);
					rows.row(id, p.id, type, title, Date.valueOf(start), Date.valueOf(end), mode,
							country == null ? null : country.code(), null, (int) bySex[0], (int) bySex[1], (int) bySex[2],
							(int) byInstitution[0], (int) byInstitution[1], (int) byInstitution[2],
							(int) byInstitution[3], (int) byInstitution[4], (int) byInstitution[5], null, null, 0L, at, BY,
							at, BY);
					instruments.row(id, pick(INSTRUMENTS, random));
					id++;
				}
			}
		}
	}

	// Expenditure ------------------------------------------------------------------------------

	private void expenditure() throws SQLException {
		var random = random(10);
		int n = count(500_000);
		var weights = new double[projects.size()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = projects.get(i).allocated;
		}
		var perProject = counts(n, weights, random);
		long id = nextId("expenditure");
		var currencies = Rates.currencies();
		try (var rows = table("expenditure", "id, project_id, activity_id, spent_on, category, amount, currency, rate, "
				+ "rate_date, usd_amount, psc_rate, psc_usd, reference, description, reversal_of, reason, version, "
				+ "created_at, created_by, updated_at, updated_by");
				var entries = entries()) {
			for (int i = 0; i < projects.size(); i++) {
				var p = projects.get(i);
				int c = perProject[i];
				if (c == 0) {
					continue;
				}
				var reversal = new boolean[c];
				int originals = 0;
				for (int k = 0; k < c; k++) {
					reversal[k] = k > 0 && random.nextInt(500) == 0 && originals > k - originals;
					if (!reversal[k]) {
						originals++;
					}
				}
				// What the project spends, PSC included: never more than it was allocated (ProjectManagement.spend).
				long budget = (long) (p.allocated * (0.55 + 0.37 * random.nextDouble()));
				long remaining = budget;
				long spent = 0;
				int left = originals;
				var dates = sortedDates(c, p.firstAllocation, p.to, random);
				var onePlusPsc = BigDecimal.ONE.add(p.psc);
				var reversible = new ArrayList<Object[]>();
				var posted = new HashMap<Long, List<Posting>>();
				for (int k = 0; k < c; k++) {
					var on = dates[k];
					var at = stamp(on, random);
					Object[] row;
					long cost;
					EntryDraft entry;
					if (reversal[k]) {
						var original = reversible.remove(random.nextInt(reversible.size()));
						cost = -(cents((BigDecimal) original[9]) + cents((BigDecimal) original[11]));
						var reason = "Charged to the wrong project";
						row = new Object[] { id, p.id, original[2], Date.valueOf(on), original[4],
								((BigDecimal) original[5]).negate(), original[6], original[7], original[8],
								((BigDecimal) original[9]).negate(), original[10], ((BigDecimal) original[11]).negate(),
								original[12], null, original[0], reason, 0L, at, BY, at, BY };
						entry = ExpenditureRules.reversed(p.code, id, on, reason, posted.get((Long) original[0]));
					}
					else {
						long part = left == 1 ? Math.max(1, remaining)
								: Math.max(1, Math.min(remaining - (left - 1),
										1 + Math.round(Math.max(0, remaining - left) / (double) left * 2 * random.nextDouble())));
						long usdTarget = Math.max(1, BigDecimal.valueOf(part).divide(onePlusPsc, 0, java.math.RoundingMode.DOWN)
							.longValue());
						var currency = random.nextInt(100) < 65 ? "USD" : pick(currencies, random);
						if (!Rates.available(currency, on)) {
							currency = "USD";
						}
						var rate = rates.on(currency, on);
						var amount = Money.rounded(decimal(usdTarget, 2).multiply(rate), currency);
						if (!amount.isPositive()) {
							currency = "USD";
							rate = BigDecimal.ONE;
							amount = Money.rounded(decimal(usdTarget, 2), currency);
						}
						var usd = amount.toUsd(rate);
						var psc = usd.times(p.psc);
						cost = minor(usd) + minor(psc);
						if (cost > p.allocated - spent) {
							throw new IllegalStateException("Generated expenditure would overdraw project " + p.id);
						}
						Long activity = p.activities > 0 && random.nextInt(10) < 4
								? p.firstActivity + random.nextInt(p.activities) : null;
						var category = pick(CATEGORIES, random);
						var reference = "INV-" + id;
						row = new Object[] { id, p.id, activity, Date.valueOf(on), category, amount.amount(), currency,
								rate, Date.valueOf(Rates.effective(currency, on)), usd.amount(), p.psc, psc.amount(),
								reference, null, null, null, 0L, at, BY, at, BY };
						reversible.add(row);
						remaining -= cost;
						left--;
						entry = ExpenditureRules.spent(new ExpenditureFacts(id, p.id, p.code, activity, on,
								BudgetCategory.valueOf(category), amount, rate, Rates.effective(currency, on), usd, psc,
								reference, segment(p, at)));
						posted.put(id, entry.lines());
					}
					rows.row(row);
					entries.post(entry);
					spent += cost;
					id++;
				}
			}
		}
	}

	/**
	 * The segment of a project's expenditure, as ProjectPostings finds it when the line is recorded:
	 * from the allocations the project had then (all of them if the line's stamp comes first).
	 */
	static org.tafund.books.Segment segment(Project p, Timestamp at) {
		var then = p.funding.stream().filter(f -> !f.at().after(at)).map(Funding::window).toList();
		return ExpenditureRules.segment(then.isEmpty() ? p.funding.stream().map(Funding::window).toList() : then);
	}

	// Helpers ------------------------------------------------------------------------------------

	/** Whole numbers proportional to the weights that add up to exactly {@code total}. */
	static long[] spread(long total, double[] weights, SplittableRandom random) {
		var counts = new long[weights.length];
		double sum = Arrays.stream(weights).sum();
		if (sum <= 0) {
			return counts;
		}
		long given = 0;
		for (int i = 0; i < weights.length; i++) {
			counts[i] = (long) Math.floor(total * (weights[i] / sum));
			given += counts[i];
		}
		// Rounding down leaves less than one unit per weight to hand out.
		while (given < total) {
			int i = random.nextInt(weights.length);
			if (weights[i] > 0) {
				counts[i]++;
				given++;
			}
		}
		return counts;
	}

	static int[] counts(long total, double[] weights, SplittableRandom random) {
		return Arrays.stream(spread(total, weights, random)).mapToInt(Math::toIntExact).toArray();
	}

	/** {@code parts} positive amounts adding up to exactly {@code total}. */
	static long[] split(long total, int parts, SplittableRandom random) {
		return split(total, parts, random, 1);
	}

	static long[] split(long total, int parts, SplittableRandom random, long least) {
		var weights = new double[parts];
		for (int i = 0; i < parts; i++) {
			weights[i] = 0.2 + random.nextDouble();
		}
		var amounts = new long[parts];
		long free = total - least * parts;
		var shares = spread(Math.max(0, free), weights, random);
		for (int i = 0; i < parts; i++) {
			amounts[i] = least + shares[i];
		}
		return amounts;
	}

	private static LocalDate[] sortedDates(int n, LocalDate from, LocalDate to, SplittableRandom random) {
		var days = new long[n];
		long span = Math.max(0, to.toEpochDay() - from.toEpochDay());
		for (int i = 0; i < n; i++) {
			days[i] = from.toEpochDay() + random.nextLong(span + 1);
		}
		Arrays.sort(days);
		var dates = new LocalDate[n];
		for (int i = 0; i < n; i++) {
			dates[i] = LocalDate.ofEpochDay(days[i]);
		}
		return dates;
	}

	private static LocalDate randomDate(LocalDate from, LocalDate to, SplittableRandom random) {
		long span = Math.max(0, to.toEpochDay() - from.toEpochDay());
		return from.plusDays(random.nextLong(span + 1));
	}

	private static Timestamp stamp(LocalDate date, SplittableRandom random) {
		return Timestamp.valueOf(date.atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)));
	}

	private static <T> T pick(List<T> list, SplittableRandom random) {
		return list.get(random.nextInt(list.size()));
	}

	private static <T> void shuffle(List<T> list, SplittableRandom random) {
		for (int i = list.size() - 1; i > 0; i--) {
			java.util.Collections.swap(list, i, random.nextInt(i + 1));
		}
	}

	private static long pow10(int digits) {
		long p = 1;
		for (int i = 0; i < digits; i++) {
			p *= 10;
		}
		return p;
	}

	static BigDecimal decimal(long minor, int digits) {
		return BigDecimal.valueOf(minor, digits);
	}

	static Money money(long minor, Agreement a) {
		return Money.of(decimal(minor, a.digits), a.currency);
	}

	static long minor(Money money) {
		return money.amount().movePointRight(Money.digits(money.currency())).longValueExact();
	}

	static long cents(BigDecimal usd) {
		return usd.setScale(2, java.math.RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
