package org.tafund.books;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.EarmarkKind;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.projects.Codes;
import org.tafund.projects.ProjectDetails;
import org.tafund.projects.ProjectManagement;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.reporting.ReportProbe;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.support.IntegrationTest;
import org.tafund.support.OwnDatabase;
import org.tafund.support.TestClock;
import org.tafund.support.TestRates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The books under a seeded random sequence of operations of every kind, through the application
 * services, on a database of its own. Operations: agreements of every funding window, conditional
 * or not, in USD and five other currencies (EUR, CHF, NOK, JPY with no decimals, KWD with three),
 * signed at once or later; amendments up and down (down to exactly what was received, and of
 * overpaid agreements); cancellations and closures; receipts partial, full, overpaid, in another
 * currency, back-dated into open periods; receipt reversals; refunds; rates entered as time passes
 * and dated in the past; revaluations at month ends, some of them late; allocations; expenditure
 * with PSC and its reversals; manual entries; month and year closes; reopening (ADMIN) of a month,
 * entries dated in it, and closing it again; and what a finance officer gets wrong (closing a
 * month that has not ended, revaluing twice, dating in a closed period, an unbalanced entry,
 * overshooting a balance). The walk's day moves from 2019-01-01 to {@link TestClock#TODAY}, and the
 * application's clock with it, so periods close behind it and what the application dates itself
 * (a cancellation, a reversal) falls on the walk's day. A refusal ({@link BusinessRuleViolation})
 * is counted and must leave nothing written.
 *
 * <p>After every step: the rows of every table an operation writes, and the chain's head, are
 * unchanged after a refusal; the entries posted are those the event's rule gives (an event is
 * never stored without its entry), each balances (in total and per segment) and chains to the
 * previous one with the hash of its content (incremental verification); the trial balance
 * balances, per segment too, and is the sum of the entries; for each month that got entries, its
 * trial balance is the entries', its closing balance is the next month's opening balance, and
 * each fund statement line is the sum of its ledger lines; every active close is the walk's, and
 * its stored trial balance and fund statement are what the journal gives now (so a closed
 * period's closing is still the next period's opening); whenever something was recorded on or
 * before a closed period's end (or a rate in effect at it was entered), its reports are recomputed
 * and must be those stored, byte for byte for the trial balance and the fund statement, and for
 * the status of contributions but for its figures at the period end's rate; at each revalued
 * period end dated on or after anything recorded, the fund balance is cash plus the receivables
 * ({@code RECEIVABLE} and {@code RECEIVABLE_FX}), and these are, agreement by agreement, what
 * donors owed on that day (total as amended by then, less cash received by then) at the rate the
 * run used; at each past month end on or after a back-dated record, the receivable at the
 * signature rate is what was owed then (within a cent per rounded step); for every agreement
 * touched, the receivable carried is what it is still owed (none when nothing is). At the end (and
 * every {@code tafund.books.fullCheckEvery} steps if set), everything again for every period, plus
 * {@link JournalVerification} of the whole chain, and for each closed period: its snapshot hashes
 * to its fingerprint and the fund statement and status of contributions the API serves for it are
 * byte-identical to those served just after its close.
 *
 * <p>Properties: {@code tafund.books.seed} (else random; every failure names it, with the step,
 * its operation, the last steps, and every step is in {@code target/random-books-<seed>.log}),
 * {@code tafund.books.operations} (default 2000), {@code tafund.books.fullCheckEvery}, and
 * {@code tafund.books.without}: operation kinds ({@link Kind}) and variants ({@link #MODES}) to leave
 * out, comma separated, to look past a known defect.
 */
@IntegrationTest
@OwnDatabase
class RandomBooksTests {

	static final LocalDate START = LocalDate.of(2019, 1, 1);

	static final LocalDate TODAY = TestClock.TODAY;

	static final LocalDate RATES_FROM = LocalDate.of(2018, 12, 1);

	static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	static final BigDecimal CENT = new BigDecimal("0.01");

	/** A currency of the walk: its decimals, a first rate (units per USD) and the decimals of its rates. */
	record Currency(String code, int digits, String firstRate, int rateScale) {
	}

	static final List<Currency> CURRENCIES = List.of(new Currency("USD", 2, "1", 0),
			new Currency("EUR", 2, "0.8742", 6), new Currency("CHF", 2, "0.9953", 6), new Currency("NOK", 2, "8.6215", 5),
			new Currency("JPY", 0, "113.42", 4), new Currency("KWD", 3, "0.30362", 6));

	static final Set<Account> ASSETS = EnumSet.of(Account.CASH, Account.RECEIVABLE, Account.RECEIVABLE_FX);

	/**
	 * Variants of operations that {@code tafund.books.without} can leave out besides whole kinds:
	 * amending an overpaid agreement, amending down to exactly what was received, back-dating, and
	 * dating a receipt, refund or amendment before a later-dated one of the same agreement, revaluing a
	 * month end later than its first day after, reversing a receipt of an agreement that is overpaid,
	 * reversing a receipt of a closed agreement.
	 */
	static final List<String> MODES = List.of("AMEND_OVERPAID", "AMEND_TO_RECEIVED", "BACKDATE", "BACKDATE_BEFORE_LATER",
			"LATE_REVALUATION", "REVERSE_OVERPAID", "REVERSE_CLOSED");

	enum Kind {

		CREATE_AGREEMENT(7), SIGN(2), AMEND(6), CANCEL(1.5), CLOSE_AGREEMENT(0.7), RECEIPT(15), REVERSE_RECEIPT(2.5),
		REFUND(2), RATE(4), PAST_RATE(1.5), CREATE_PROJECT(0.8), ALLOCATE(4), SPEND(6), REVERSE_EXPENDITURE(1.5),
		MANUAL_ENTRY(2), WRONG_PERIOD_OPERATION(0.8),
		// Scheduled as time passes, not drawn:
		REVALUE(0), CLOSE_MONTH(0), CLOSE_YEAR(0), REOPEN(0);

		final double weight;

		Kind(double weight) {
			this.weight = weight;
		}

	}

	/**
	 * "Today" walks with the operations, so that what the application dates itself (a cancellation,
	 * a reversal, a close's "has the period ended") happens on the walk's day, as it would in
	 * production; it ends on {@link TestClock#TODAY}.
	 */
	static final WalkingClock CLOCK = new WalkingClock();

	@TestBean(name = "testClock")
	Clock testClock;

	static Clock testClock() {
		return CLOCK;
	}

	/** A clock on a settable day, ticking from one second past its midnight (UTC). */
	static final class WalkingClock extends Clock {

		private volatile LocalDate day = TestClock.TODAY;

		private volatile long since = System.nanoTime();

		void today(LocalDate date) {
			if (!date.equals(day)) {
				day = date;
				since = System.nanoTime();
			}
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return zone.equals(ZoneOffset.UTC) ? this : Clock.fixed(instant(), zone);
		}

		@Override
		public Instant instant() {
			long elapsed = Math.min(System.nanoTime() - since, Duration.ofHours(23).toNanos());
			return day.atStartOfDay().plusSeconds(1).toInstant(ZoneOffset.UTC).plusNanos(elapsed);
		}

	}

	@Autowired
	ContributionManagement contributions;

	@Autowired
	ProjectManagement projects;

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	DonorManagement donors;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	PeriodClosing closing;

	@Autowired
	ManualEntries manualEntries;

	@Autowired
	JournalVerification verification;

	@Autowired
	JournalQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		CLOCK.today(TestClock.TODAY);
	}

	@Test
	void keepsTheBooksAfterEveryOperationOfASeededRandomSequence() {
		var given = System.getProperty("tafund.books.seed");
		long seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
		int operations = Integer.getInteger("tafund.books.operations", 2000);
		int fullCheckEvery = Integer.getInteger("tafund.books.fullCheckEvery", 0);
		var without = new TreeSet<String>();
		// Every kind and variant unless some are named (-Dtafund.books.without=REVALUE,BACKDATE, say).
		for (var name : System.getProperty("tafund.books.without", "").split(",")) {
			if (!name.isBlank()) {
				without.add(name.strip().toUpperCase(Locale.ROOT));
			}
		}
		var known = new TreeSet<>(MODES);
		Arrays.stream(Kind.values()).map(Kind::name).forEach(known::add);
		if (!known.containsAll(without)) {
			throw new IllegalArgumentException("tafund.books.without names kinds and modes of " + known);
		}
		console("RandomBooksTests: seed " + seed + ", " + operations + " operations"
				+ (without.isEmpty() ? "" : ", without " + without) + " (-Dtafund.books.seed=" + seed + ")");
		new Walk(seed, operations, without, fullCheckEvery).run();
	}

	/** The JVM's own standard error: Surefire copies it to the Maven console. */
	static void console(String line) {
		new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8).println(line);
	}

	/** An invariant that does not hold. */
	static final class Broken extends AssertionError {

		Broken(String message) {
			super(message);
		}

	}

	static void check(boolean holds, Supplier<String> why) {
		if (!holds) {
			throw new Broken(why.get());
		}
	}

	static boolean same(BigDecimal a, BigDecimal b) {
		return (a == null ? BigDecimal.ZERO : a).compareTo(b == null ? BigDecimal.ZERO : b) == 0;
	}

	static BigDecimal nz(BigDecimal value) {
		return value == null ? ZERO : value;
	}

	static LocalDate max(LocalDate a, LocalDate b) {
		return a == null ? b : b == null || a.isAfter(b) ? a : b;
	}

	static LocalDate min(LocalDate a, LocalDate b) {
		return a == null ? b : b == null || a.isBefore(b) ? a : b;
	}

	/** USD of an amount at a rate in units per USD, as {@code Money.toUsd} rounds it. */
	static BigDecimal usd(BigDecimal amount, String currency, BigDecimal unitsPerUsd) {
		return "USD".equals(currency) ? amount.setScale(2, RoundingMode.HALF_EVEN)
				: amount.divide(unitsPerUsd, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_EVEN);
	}

	/** An agreement as the walk knows it; amounts are read from the database when needed. */
	static final class Agreement {

		final long id;

		final String reference;

		final String currency;

		final boolean conditional;

		LocalDate signedOn;

		LocalDate lastAmendedOn;

		/** The latest date of its receipts, reversals, refunds and amendments. */
		LocalDate lastEventOn;

		boolean cancelled;

		boolean closed;

		Agreement(long id, String reference, String currency, boolean conditional, LocalDate signedOn) {
			this.id = id;
			this.reference = reference;
			this.currency = currency;
			this.conditional = conditional;
			this.signedOn = signedOn;
		}

		@Override
		public String toString() {
			return reference + " (#" + id + ", " + currency + (conditional ? ", conditional" : "")
					+ (signedOn == null ? ", draft" : ", signed " + signedOn) + (cancelled ? ", cancelled" : "")
					+ (closed ? ", closed" : "") + ")";
		}

	}

	/** An agreement's figures as stored now. */
	record Position(BigDecimal total, BigDecimal received, BigDecimal refunded, BigDecimal rate, long version,
			BigDecimal carried) {

		BigDecimal outstanding() {
			return total.subtract(received.min(total));
		}

	}

	/** An active period close as stored, with what the walk remembers of it. */
	record Close(long id, PeriodKind kind, LocalDate start, LocalDate end, String fingerprint, String snapshot,
			Map<String, BigDecimal[]> trialBalance, Map<String, BigDecimal> fundStatement, String servedFundStatement,
			String servedStatus, int step) {

		String label() {
			return (kind == PeriodKind.YEAR ? String.valueOf(start.getYear()) : YearMonth.from(start).toString())
					+ " (close #" + id + ", step " + step + ")";
		}

	}

	/** What an operation should post, and the dates it recorded something on. */
	static final class Expect {

		final Set<String> required = new LinkedHashSet<>();

		final Set<String> optional = new LinkedHashSet<>();

		final Set<Long> agreements = new LinkedHashSet<>();

		LocalDate dated;

		LocalDate rateDated;

		String rateCurrency;

		boolean periods;

		void require(SourceType type, long id) {
			required.add(type + "#" + id);
		}

		void allow(SourceType type, long id) {
			optional.add(type + "#" + id);
		}

		void dated(LocalDate date) {
			dated = min(dated, date);
		}

	}

	/** A journal entry read back after a step. */
	record Entry(long id, LocalDate date, String sourceType, long sourceId, List<Line> lines) {
	}

	record Line(String account, String segment, BigDecimal debit, BigDecimal credit, Long agreementId) {
	}

	final class Walk {

		final long seed;

		final int n;

		final Set<String> without;

		final int fullCheckEvery;

		final Random rnd;

		final ReportProbe probe = new ReportProbe(context);

		int step;

		String operation = "setup";

		LocalDate cursor = START;

		LocalDate nextMonthEnd = START.withDayOfMonth(START.lengthOfMonth());

		final List<Agreement> agreements = new ArrayList<>();

		final Map<Long, Agreement> agreementsById = new HashMap<>();

		/** Receipts not reversed: receipt id to agreement id, in the order they were recorded. */
		final Map<Long, Long> receipts = new LinkedHashMap<>();

		final List<Long> donorIds = new ArrayList<>();

		final List<Long> projectIds = new ArrayList<>();

		final List<Long> expenditureIds = new ArrayList<>();

		/** Revalued period ends, with the rates of that day when the run was made. */
		final TreeMap<LocalDate, Map<String, BigDecimal>> revalued = new TreeMap<>();

		record Pending(LocalDate periodEnd, int dueStep) {
		}

		final ArrayDeque<Pending> pendingRevaluations = new ArrayDeque<>();

		/** Months to close, with the day from which they are closed. */
		final TreeMap<YearMonth, LocalDate> monthsToClose = new TreeMap<>();

		final TreeMap<Integer, LocalDate> yearsToClose = new TreeMap<>();

		record Reopened(YearMonth month, int untilStep, long closeId) {
		}

		Reopened reopened;

		/** Active closes by id. */
		final Map<Long, Close> closes = new LinkedHashMap<>();

		// The journal as read back entry by entry: the chain's end and the sums per month.
		long lastEntryId;

		String lastHash = CanonicalForm.GENESIS;

		long entryCount;

		final TreeMap<YearMonth, Map<String, BigDecimal[]>> monthly = new TreeMap<>();

		TreeMap<YearMonth, Map<String, BigDecimal[]>> cumulative = new TreeMap<>();

		// Statistics.
		final Map<Kind, int[]> counts = new TreeMap<>();

		final Map<String, Integer> refusals = new TreeMap<>();

		final ArrayDeque<String> recent = new ArrayDeque<>();

		/** Every step, in {@code target/random-books-<seed>.log}. */
		final PrintStream log;

		int statusRateDrift;

		int closeRechecks;

		int revaluationChecks;

		/** Entries that adjusted a later event for one dated before it (reported with the figures). */
		int positionAdjustments;

		int monthEndChecks;

		long checkNanos;

		Walk(long seed, int n, Set<String> without, int fullCheckEvery) {
			this.seed = seed;
			this.n = n;
			this.without = without;
			this.fullCheckEvery = fullCheckEvery <= 0 ? n : fullCheckEvery;
			this.rnd = new Random(seed);
			try {
				this.log = new PrintStream(new FileOutputStream("target/random-books-" + seed + ".log"), true,
						StandardCharsets.UTF_8);
			}
			catch (java.io.FileNotFoundException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}

		void run() {
			long started = System.nanoTime();
			try {
				signIn("finance.officer", "ROLE_FINANCE");
				CLOCK.today(cursor);
				setUp();
				afterStep(watermark(), new Expect(), false);
				for (step = 1; step <= n; step++) {
					advance();
					var before = watermark();
					var expect = new Expect();
					boolean refused = false;
					String outcome;
					try {
						timed("operations", () -> perform(expect));
						outcome = "done";
					}
					catch (BusinessRuleViolation e) {
						refused = true;
						outcome = "refused " + e.messageKey();
						refusals.merge(e.messageKey(), 1, Integer::sum);
					}
					finally {
						signIn("finance.officer", "ROLE_FINANCE");
					}
					remember(step + " [" + cursor + "] " + operation + " -> " + outcome);
					long checking = System.nanoTime();
					afterStep(before, expect, refused);
					if (step % fullCheckEvery == 0 || step == n) {
						timed("full check", this::fullCheck);
					}
					checkNanos += System.nanoTime() - checking;
				}
			}
			catch (AssertionError | RuntimeException e) {
				var message = "seed " + seed + " (-Dtafund.books.seed=" + seed + "), step " + step + " of " + n + " (after "
						+ (System.nanoTime() - started) / 1_000_000 + " ms)"
						+ ", operation: " + operation + "\n" + e + "\nlast steps:\n  " + String.join("\n  ", recent);
				console("RandomBooksTests FAILED: " + message);
				console("RandomBooksTests timings: " + timings());
				throw new AssertionError(message, e);
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			var summary = "RandomBooksTests: seed " + seed + ", " + n + " operations in " + millis + " ms (checks "
					+ checkNanos / 1_000_000 + " ms); " + entryCount + " entries (" + positionAdjustments + " adjusting later events), " + closes.size() + " active closes, "
					+ revalued.size() + " revaluations, " + agreements.size() + " agreements; done/refused per kind "
					+ counts.entrySet()
						.stream()
						.map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1])
						.collect(Collectors.joining(", "))
					+ "; refusals " + refusals + "; closed periods rechecked " + closeRechecks
					+ " times, revalued period ends checked " + revaluationChecks + " times, past month ends " + monthEndChecks
					+ " times; closed periods whose status of contributions would differ at today's rates "
					+ statusRateDrift;
			console(summary);
			console("RandomBooksTests timings: " + timings());
		}

		void remember(String line) {
			log.println(line);
			recent.addLast(line);
			if (recent.size() > 25) {
				recent.removeFirst();
			}
		}

		void signIn(String user, String role) {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
						AuthorityUtils.createAuthorityList(role)));
		}

		// ----------------------------------------------------------------------------- set-up

		void setUp() {
			for (var currency : CURRENCIES) {
				if (!currency.code().equals("USD")) {
					TestRates.ensure(rates, currency.code(), RATES_FROM.toString(), currency.firstRate());
				}
			}
			donorIds.add(donors.register(new DonorDetails("Random Kingdom", DonorType.MEMBER_STATE, "NOR", null, "10",
					null, true, List.of())).id());
			donorIds.add(donors.register(new DonorDetails("Random Foundation", DonorType.FOUNDATION, null, null, null,
					null, true, List.of())).id());
			donorIds.add(donors.register(new DonorDetails("Random Corporation", DonorType.PRIVATE_SECTOR, null, null,
					null, null, true, List.of())).id());
			donorIds.add(donors.register(new DonorDetails("Random Pooled Fund", DonorType.UN_ENTITY_OR_POOLED_FUND, null,
					null, null, null, true, List.of())).id());
			donorIds.add(donors.register(new DonorDetails("Random Republic", DonorType.MEMBER_STATE, "KEN", null, "10",
					null, true, List.of())).id());
			for (int i = 0; i < 3; i++) {
				createProject();
			}
		}

		// ----------------------------------------------------------------------------- time

		void advance() {
			long span = ChronoUnit.DAYS.between(START, TODAY);
			var target = START.plusDays(span * step / n);
			cursor = max(cursor, target);
			CLOCK.today(cursor);
			while (nextMonthEnd.isBefore(cursor)) {
				var end = nextMonthEnd;
				if (!without.contains("REVALUE") && rnd.nextDouble() < 0.85) {
					int late = rnd.nextInt(15);
					pendingRevaluations.add(new Pending(end, without.contains("LATE_REVALUATION") ? step : step + late));
				}
				if (!without.contains("CLOSE_MONTH")) {
					monthsToClose.put(YearMonth.from(end), end.plusDays(5 + rnd.nextInt(50)));
				}
				if (end.getMonthValue() == 12 && !without.contains("CLOSE_YEAR") && rnd.nextDouble() < 0.7) {
					yearsToClose.put(end.getYear(), end.plusDays(30 + rnd.nextInt(60)));
				}
				nextMonthEnd = YearMonth.from(end).plusMonths(1).atEndOfMonth();
			}
		}

		/** The earliest date an operation is back-dated to: after every close and every revaluation. */
		LocalDate floor() {
			var floor = START;
			for (var close : closes.values()) {
				floor = max(floor, close.end().plusDays(1));
			}
			if (!revalued.isEmpty()) {
				floor = max(floor, revalued.lastKey().plusDays(1));
			}
			return floor;
		}

		LocalDate latestCloseEnd() {
			return closes.values().stream().map(Close::end).max(LocalDate::compareTo).orElse(null);
		}

		LocalDate day(LocalDate from, LocalDate to) {
			if (!to.isAfter(from)) {
				return from;
			}
			return from.plusDays(rnd.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
		}

		/**
		 * A date for an operation on or after {@code notBefore}: mostly the walk's day, often back-dated
		 * into the open periods, sometimes in a closed period (to be refused), and in a reopened month
		 * while there is one.
		 */
		LocalDate date(LocalDate notBefore) {
			var earliest = max(START, notBefore);
			double r = rnd.nextDouble();
			if (reopened != null && r < 0.45) {
				var d = day(reopened.month().atDay(1), reopened.month().atEndOfMonth());
				if (!d.isBefore(earliest)) {
					return d;
				}
			}
			var closedTo = latestCloseEnd();
			if (r > 0.965 && closedTo != null && !closedTo.isBefore(earliest)) {
				return day(earliest, closedTo);
			}
			var floor = max(floor(), earliest);
			if (r > 0.78 && !floor.isAfter(cursor) && !without.contains("BACKDATE")) {
				return day(floor, cursor);
			}
			return max(cursor, earliest);
		}

		// ----------------------------------------------------------------------------- choosing

		void perform(Expect expect) {
			operation = "?";
			if (periodOperation(expect)) {
				return;
			}
			double total = 0;
			for (var kind : Kind.values()) {
				total += without.contains(kind.name()) ? 0 : kind.weight;
			}
			double pick = rnd.nextDouble() * total;
			Kind chosen = Kind.CREATE_AGREEMENT;
			for (var kind : Kind.values()) {
				double weight = without.contains(kind.name()) ? 0 : kind.weight;
				if (pick < weight) {
					chosen = kind;
					break;
				}
				pick -= weight;
			}
			run(chosen, expect);
		}

		void run(Kind kind, Expect expect) {
			counts.computeIfAbsent(kind, k -> new int[2]);
			boolean done = false;
			long started = System.nanoTime();
			try {
				switch (kind) {
					case CREATE_AGREEMENT -> createAgreement(expect);
					case SIGN -> sign(expect);
					case AMEND -> amend(expect);
					case CANCEL -> cancel(expect);
					case CLOSE_AGREEMENT -> closeAgreement(expect);
					case RECEIPT -> receipt(expect);
					case REVERSE_RECEIPT -> reverseReceipt(expect);
					case REFUND -> refund(expect);
					case RATE -> rate(expect, false);
					case PAST_RATE -> rate(expect, true);
					case CREATE_PROJECT -> createProject();
					case ALLOCATE -> allocate(expect);
					case SPEND -> spend(expect);
					case REVERSE_EXPENDITURE -> reverseExpenditure(expect);
					case MANUAL_ENTRY -> manualEntry(expect);
					case WRONG_PERIOD_OPERATION -> wrongPeriodOperation(expect);
					default -> throw new IllegalStateException(kind + " is scheduled, not drawn");
				}
				done = true;
			}
			finally {
				counts.get(kind)[done ? 0 : 1]++;
				var t = timings.computeIfAbsent("op " + kind, k -> new long[2]);
				t[0]++;
				t[1] += System.nanoTime() - started;
			}
		}

		/** Month-end work as time passes: revaluations (some late), closes, year closes, a reopening. */
		boolean periodOperation(Expect expect) {
			if (reopened != null && step >= reopened.untilStep()) {
				var month = reopened.month();
				reopened = null;
				runPeriod(Kind.CLOSE_MONTH, expect, () -> closeMonth(month, expect));
				return true;
			}
			var pending = pendingRevaluations.peekFirst();
			if (pending != null && pending.dueStep() <= step) {
				pendingRevaluations.removeFirst();
				runPeriod(Kind.REVALUE, expect, () -> revalue(pending.periodEnd(), expect));
				return true;
			}
			if (reopened != null) {
				return false;
			}
			var month = monthsToClose.firstEntry();
			if (month != null && !cursor.isBefore(month.getValue()) && (pending == null
					|| pending.periodEnd().isAfter(month.getKey().atEndOfMonth()))) {
				runPeriod(Kind.CLOSE_MONTH, expect, () -> {
					try {
						closeMonth(month.getKey(), expect);
						monthsToClose.remove(month.getKey());
					}
					catch (BusinessRuleViolation e) {
						if (e.messageKey().equals("period.alreadyClosed")) {
							monthsToClose.remove(month.getKey());
						}
						else {
							monthsToClose.put(month.getKey(), cursor.plusDays(20));
						}
						throw e;
					}
				});
				return true;
			}
			var year = yearsToClose.firstEntry();
			if (year != null && !cursor.isBefore(year.getValue())
					&& (monthsToClose.isEmpty() || monthsToClose.firstKey().getYear() > year.getKey())) {
				yearsToClose.remove(year.getKey());
				runPeriod(Kind.CLOSE_YEAR, expect, () -> closeYear(year.getKey(), expect));
				return true;
			}
			if (!without.contains("REOPEN") && rnd.nextDouble() < 0.006) {
				var months = closes.values().stream().filter(c -> c.kind() == PeriodKind.MONTH).toList();
				if (!months.isEmpty()) {
					var close = months.get(months.size() - 1 - rnd.nextInt(Math.min(4, months.size())));
					runPeriod(Kind.REOPEN, expect, () -> reopen(close, expect));
					return true;
				}
			}
			return false;
		}

		void runPeriod(Kind kind, Expect expect, Runnable work) {
			counts.computeIfAbsent(kind, k -> new int[2]);
			expect.periods = true;
			boolean done = false;
			long started = System.nanoTime();
			try {
				work.run();
				done = true;
			}
			finally {
				counts.get(kind)[done ? 0 : 1]++;
				var t = timings.computeIfAbsent("op " + kind, k -> new long[2]);
				t[0]++;
				t[1] += System.nanoTime() - started;
			}
		}

		<T> T pick(List<T> list) {
			return list.get(rnd.nextInt(list.size()));
		}

		double between(double from, double to) {
			return from + rnd.nextDouble() * (to - from);
		}

		Currency currency() {
			return rnd.nextDouble() < 0.3 ? CURRENCIES.get(0) : CURRENCIES.get(1 + rnd.nextInt(CURRENCIES.size() - 1));
		}

		Currency currency(String code) {
			return CURRENCIES.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
		}

		BigDecimal rateOn(String currency, LocalDate date) {
			return rates.rateOn(currency, date).unitsPerUsd();
		}

		BigDecimal rounded(BigDecimal amount, String currency) {
			return amount.setScale(currency(currency).digits(), RoundingMode.HALF_EVEN);
		}

		BigDecimal unit(String currency) {
			return BigDecimal.ONE.movePointLeft(currency(currency).digits());
		}

		/** A positive amount in the currency: at least its smallest unit. */
		BigDecimal positive(BigDecimal amount, String currency) {
			var r = rounded(amount, currency);
			return r.signum() > 0 ? r : unit(currency);
		}

		BigDecimal fraction(BigDecimal amount, double from, double to, String currency) {
			return positive(amount.multiply(BigDecimal.valueOf(between(from, to))), currency);
		}

		List<Agreement> agreements(java.util.function.Predicate<Agreement> which) {
			return agreements.stream().filter(which).toList();
		}

		Position position(Agreement agreement) {
			return jdbc.queryForObject("""
					select a.total_amount, a.recognition_rate, a.version,
					       coalesce((select sum(r.agreement_amount) from receipt r where r.agreement_id = a.id), 0) as received,
					       coalesce((select sum(f.amount) from refund f where f.agreement_id = a.id), 0) as refunded,
					       coalesce((select sum(l.debit_usd - l.credit_usd) from journal_line l
					                  where l.agreement_id = a.id and l.account_code = 'RECEIVABLE'), 0) as carried
					  from agreement a where a.id = ?""", (rs, i) -> new Position(
					rounded(rs.getBigDecimal("total_amount"), agreement.currency),
					rounded(rs.getBigDecimal("received"), agreement.currency),
					rounded(rs.getBigDecimal("refunded"), agreement.currency), rs.getBigDecimal("recognition_rate"),
					rs.getLong("version"), rs.getBigDecimal("carried").setScale(2)), agreement.id);
		}

		// ----------------------------------------------------------------------------- operations

		/** The earliest date for a receipt, refund or amendment of the agreement. */
		LocalDate notBefore(Agreement agreement) {
			return without.contains("BACKDATE_BEFORE_LATER") ? max(agreement.signedOn, agreement.lastEventOn)
					: agreement.signedOn;
		}

		/**
		 * Now and then a day before the agreement's latest event, in the open months: what the
		 * adjustments of later events are for, which a date drawn at random seldom meets.
		 */
		LocalDate beforeLater(Agreement agreement, LocalDate notBefore, LocalDate drawn) {
			var from = max(floor(), notBefore);
			if (without.contains("BACKDATE_BEFORE_LATER") || without.contains("BACKDATE") || agreement.lastEventOn == null
					|| !agreement.lastEventOn.isAfter(from) || rnd.nextDouble() >= 0.25) {
				return drawn;
			}
			return day(from, agreement.lastEventOn.minusDays(1));
		}

		List<ScheduleLine> schedule(BigDecimal total, String currency, LocalDate from) {
			int parts = 1 + rnd.nextInt(3);
			var lines = new ArrayList<ScheduleLine>();
			var left = total;
			for (int i = 1; i < parts; i++) {
				var part = rounded(total.multiply(BigDecimal.valueOf(between(0.2, 0.5))), currency);
				if (part.signum() <= 0 || part.compareTo(left) >= 0) {
					break;
				}
				lines.add(new ScheduleLine(from.plusDays(30 + rnd.nextInt(300) + 300L * i), part));
				left = left.subtract(part);
			}
			lines.add(new ScheduleLine(from.plusDays(60 + rnd.nextInt(700)), left));
			return lines;
		}

		void createAgreement(Expect expect) {
			var currency = currency();
			var window = FundingWindow.values()[rnd.nextInt(FundingWindow.values().length)];
			boolean conditional = rnd.nextDouble() < 0.25;
			var signedOn = rnd.nextDouble() < 0.12 ? null : date(START);
			var on = signedOn == null ? cursor : signedOn;
			var usdValue = BigDecimal.valueOf(Math.exp(between(Math.log(5_000), Math.log(800_000))));
			var amount = positive(usdValue.multiply(rateOn(currency.code(), on)), currency.code());
			int level = 1;
			EarmarkKind earmark = null;
			String target = null;
			if (rnd.nextDouble() < 0.12) {
				level = 2;
				earmark = EarmarkKind.THEME;
				target = pick(List.of("EXTRADITION", "MLA", "BOTH", "OTHER"));
			}
			var ref = "RB-" + step;
			long donor = pick(donorIds);
			operation = "create agreement " + ref + " " + currency.code() + " " + amount.toPlainString() + " "
					+ window + (conditional ? " conditional" : "") + (signedOn == null ? " draft" : " signed " + signedOn)
					+ (level > 1 ? " earmarked " + target : "");
			var view = contributions.createAgreement(new AgreementTerms(ref, donor, currency.code(), amount, window,
					window == FundingWindow.PNI_INSTITUTE ? "ISPAC" : null, level, earmark, target, null, null, conditional,
					null, null, signedOn, schedule(amount, currency.code(), on)));
			var agreement = new Agreement(view.id(), ref, currency.code(), conditional, signedOn);
			agreements.add(agreement);
			agreementsById.put(agreement.id, agreement);
			expect.agreements.add(agreement.id);
			if (signedOn != null) {
				expect.dated(signedOn);
				if (!conditional) {
					expect.require(SourceType.AGREEMENT_SIGNED, agreement.id);
				}
			}
		}

		void sign(Expect expect) {
			var drafts = agreements(a -> a.signedOn == null && !a.cancelled && !a.closed);
			if (drafts.isEmpty()) {
				createAgreement(expect);
				return;
			}
			var agreement = pick(drafts);
			var on = date(START);
			operation = "sign " + agreement + " on " + on;
			contributions.sign(agreement.id, position(agreement).version(), on);
			agreement.signedOn = on;
			expect.agreements.add(agreement.id);
			expect.dated(on);
			if (!agreement.conditional) {
				expect.require(SourceType.AGREEMENT_SIGNED, agreement.id);
			}
		}

		void amend(Expect expect) {
			var signed = agreements(a -> a.signedOn != null && !a.cancelled && !a.closed);
			if (signed.isEmpty()) {
				createAgreement(expect);
				return;
			}
			// Overpaid agreements and partly received ones are the interesting ones: look for them first.
			var agreement = pick(signed);
			var position = position(agreement);
			for (int tries = 0; tries < 6 && (position.received().signum() == 0 || without.contains("AMEND_OVERPAID")
					&& position.received().compareTo(position.total()) > 0); tries++) {
				agreement = pick(signed);
				position = position(agreement);
			}
			var total = position.total();
			var received = position.received();
			String mode;
			BigDecimal newTotal;
			double r = rnd.nextDouble();
			if (received.compareTo(total) > 0 && without.contains("AMEND_OVERPAID")) {
				mode = "below received (overpaid agreement)";
				newTotal = fraction(total, 0.5, 0.95, agreement.currency);
			}
			else if (received.compareTo(total) > 0 && r < 0.6) {
				mode = "overpaid";
				double s = rnd.nextDouble();
				newTotal = s < 0.3 ? received
						: s < 0.7 ? positive(total.add(received.subtract(total).multiply(BigDecimal.valueOf(between(0.1, 0.9)))),
								agreement.currency)
								: fraction(received, 1.05, 1.5, agreement.currency);
			}
			else if (received.signum() > 0 && received.compareTo(total) < 0 && r < 0.3
					&& !without.contains("AMEND_TO_RECEIVED")) {
				mode = "down to received";
				newTotal = received;
			}
			else if (r < 0.65) {
				mode = "up";
				newTotal = fraction(total, 1.02, 1.6, agreement.currency);
			}
			else if (r < 0.93) {
				mode = "down";
				newTotal = fraction(total, 0.4, 0.98, agreement.currency);
			}
			else {
				mode = "below received";
				newTotal = received.signum() > 0 ? positive(received.subtract(unit(agreement.currency)), agreement.currency)
						: fraction(total, 0.5, 0.9, agreement.currency);
			}
			var notBefore = max(notBefore(agreement), agreement.lastAmendedOn);
			var on = beforeLater(agreement, notBefore, date(notBefore));
			var carriedBefore = jdbc.queryForObject("select coalesce(sum(debit_usd - credit_usd), 0) from journal_line "
					+ "where agreement_id = ? and account_code = 'RECEIVABLE'", BigDecimal.class, agreement.id).setScale(2);
			operation = "amend " + mode + " " + agreement + " from " + total.toPlainString() + " to "
					+ newTotal.toPlainString() + " (received " + received.toPlainString() + ") on " + on;
			var view = contributions.amend(agreement.id, position.version(), on, "Random amendment " + step, newTotal,
					List.of(new ScheduleLine(on.plusDays(90), newTotal)));
			agreement.lastAmendedOn = on;
			// Dated before receipts of the agreement: posted from that day's position, which the walk does not keep.
			boolean beforeLater = agreement.lastEventOn != null && on.isBefore(agreement.lastEventOn);
			agreement.lastEventOn = max(agreement.lastEventOn, on);
			expect.agreements.add(agreement.id);
			expect.dated(on);
			long amendmentId = jdbc.queryForObject("select max(id) from amendment where agreement_id = ?", Long.class,
					agreement.id);
			// The rule: the receivable is brought to what remains outstanding under the new total, at the
			// signature rate; an entry only when that moves it.
			var outstandingAfter = newTotal.subtract(received.min(newTotal));
			var target = outstandingAfter.signum() > 0 ? usd(outstandingAfter, agreement.currency, position.rate())
					: BigDecimal.ZERO.setScale(2);
			if (beforeLater) {
				expect.allow(SourceType.AMENDMENT, amendmentId);
			}
			else if (!agreement.conditional && target.compareTo(carriedBefore) != 0) {
				expect.require(SourceType.AMENDMENT, amendmentId);
			}
			check(view.total().amount().compareTo(newTotal) == 0, () -> "the amended total is " + view.total());
		}

		void cancel(Expect expect) {
			var open = agreements(a -> !a.cancelled && !a.closed);
			if (open.isEmpty()) {
				createAgreement(expect);
				return;
			}
			var agreement = pick(open);
			var position = position(agreement);
			for (int tries = 0; tries < 3 && position.received().signum() != 0 && rnd.nextDouble() < 0.75; tries++) {
				agreement = pick(open);
				position = position(agreement);
			}
			operation = "cancel " + agreement + " (total " + position.total().toPlainString() + ", received "
					+ position.received().toPlainString() + ", carried " + position.carried() + ")";
			contributions.cancel(agreement.id, position.version());
			agreement.cancelled = true;
			expect.agreements.add(agreement.id);
			expect.dated(cursor);
			if (!agreement.conditional && position.carried().signum() != 0) {
				expect.require(SourceType.AGREEMENT_CANCELLED, agreement.id);
			}
		}

		void closeAgreement(Expect expect) {
			var candidates = jdbc.queryForList("""
					select a.id from agreement a where a.signed_on is not null and a.cancelled_on is null
					   and a.closed_on is null and a.total_amount <= (select coalesce(sum(r.agreement_amount), 0)
					                                                  from receipt r where r.agreement_id = a.id)
					 order by a.id""", Long.class).stream().map(agreementsById::get).toList();
			if (candidates.isEmpty()) {
				receipt(expect);
				return;
			}
			var agreement = pick(candidates);
			operation = "close fully received " + agreement;
			contributions.close(agreement.id, position(agreement).version());
			agreement.closed = true;
			expect.agreements.add(agreement.id);
		}

		void receipt(Expect expect) {
			var open = agreements(a -> a.signedOn != null && !a.cancelled && !a.closed);
			if (open.isEmpty()) {
				createAgreement(expect);
				return;
			}
			var agreement = pick(open);
			var position = position(agreement);
			for (int tries = 0; tries < 3 && position.outstanding().signum() == 0 && rnd.nextDouble() < 0.8; tries++) {
				agreement = pick(open);
				position = position(agreement);
			}
			var outstanding = position.outstanding();
			var on = beforeLater(agreement, notBefore(agreement), date(notBefore(agreement)));
			var currency = agreement.currency;
			BigDecimal amount;
			boolean overpayment = false;
			String mode;
			double r = rnd.nextDouble();
			if (outstanding.signum() > 0 && r < 0.42) {
				mode = "partial";
				amount = fraction(outstanding, 0.05, 0.9, currency);
			}
			else if (outstanding.signum() > 0 && r < 0.65) {
				mode = "full";
				amount = outstanding;
			}
			else if (r < 0.8) {
				mode = "overpayment";
				overpayment = true;
				amount = outstanding.add(rnd.nextBoolean() ? unit(currency) : fraction(position.total(), 0.01, 0.2, currency));
			}
			else if (r < 0.85) {
				mode = "exceeding, not marked as overpayment";
				amount = outstanding.add(fraction(position.total(), 0.01, 0.1, currency));
			}
			else {
				var other = currency();
				while (other.code().equals(agreement.currency)) {
					other = currency();
				}
				currency = other.code();
				overpayment = rnd.nextBoolean();
				mode = "in " + currency + (overpayment ? " (overpayment allowed)" : "");
				var value = outstanding.signum() > 0 ? outstanding.multiply(BigDecimal.valueOf(between(0.1, 1.0)))
						: position.total().multiply(BigDecimal.valueOf(0.05));
				var usdValue = value.divide(rateOn(agreement.currency, on), MathContext.DECIMAL64);
				amount = positive(usdValue.multiply(rateOn(currency, on)), currency);
			}
			operation = "receipt " + mode + " on " + agreement + " (total " + position.total().toPlainString()
					+ ", received " + position.received().toPlainString() + "): " + currency + " " + amount.toPlainString()
					+ " on " + on;
			var view = contributions.recordReceipt(agreement.id,
					new ReceiptCommand(on, amount, currency, "BANK-" + step, null, overpayment));
			receipts.put(view.id(), agreement.id);
			agreement.lastEventOn = max(agreement.lastEventOn, on);
			expect.agreements.add(agreement.id);
			expect.dated(on);
			expect.require(SourceType.RECEIPT, view.id());
		}

		void reverseReceipt(Expect expect) {
			if (receipts.isEmpty()) {
				receipt(expect);
				return;
			}
			var ids = new ArrayList<>(receipts.keySet());
			long id = ids.get(rnd.nextInt(ids.size()));
			long agreementId = receipts.get(id);
			var reversed = agreementsById.get(agreementId);
			var position = position(reversed);
			if (without.contains("REVERSE_OVERPAID") && position.received().compareTo(position.total()) > 0
					|| without.contains("REVERSE_CLOSED") && (reversed.closed || reversed.cancelled)) {
				receipt(expect);
				return;
			}
			operation = "reverse receipt #" + id + " on " + agreementsById.get(agreementId) + " (total "
					+ position.total().toPlainString() + ", received " + position.received().toPlainString() + ")";
			var view = contributions.reverseReceipt(id, "Random reversal " + step);
			receipts.remove(id);
			reversed.lastEventOn = max(reversed.lastEventOn, cursor);
			expect.agreements.add(agreementId);
			expect.dated(cursor);
			expect.require(SourceType.RECEIPT_REVERSAL, view.id());
		}

		void refund(Expect expect) {
			var open = agreements(a -> a.signedOn != null && !a.cancelled && !a.closed);
			if (open.isEmpty()) {
				createAgreement(expect);
				return;
			}
			var agreement = pick(open);
			var position = position(agreement);
			for (int tries = 0; tries < 4 && position.received().compareTo(position.refunded()) <= 0; tries++) {
				agreement = pick(open);
				position = position(agreement);
			}
			var refundable = position.received().subtract(position.refunded());
			var amount = refundable.signum() <= 0 || rnd.nextDouble() < 0.08 ? refundable.max(ZERO).add(unit(agreement.currency))
					: fraction(refundable, 0.05, 1.0, agreement.currency).min(refundable);
			var on = date(notBefore(agreement));
			operation = "refund " + agreement.currency + " " + amount.toPlainString() + " on " + agreement
					+ " (refundable " + refundable.toPlainString() + ") on " + on;
			var view = contributions.refund(agreement.id, on, amount, "Random refund " + step);
			agreement.lastEventOn = max(agreement.lastEventOn, on);
			expect.agreements.add(agreement.id);
			expect.dated(on);
			expect.require(SourceType.REFUND, view.id());
		}

		void rate(Expect expect, boolean past) {
			var currency = CURRENCIES.get(1 + rnd.nextInt(CURRENCIES.size() - 1));
			var on = past ? day(START, cursor.minusDays(1)) : cursor;
			var current = rateOn(currency.code(), on);
			var value = current.multiply(BigDecimal.valueOf(1 + rnd.nextGaussian() * (past ? 0.04 : 0.025)))
				.setScale(currency.rateScale(), RoundingMode.HALF_EVEN);
			operation = (past ? "rate dated in the past " : "rate ") + currency.code() + " " + value.toPlainString()
					+ " on " + on + " (was " + current.toPlainString() + ")";
			rates.record(currency.code(), on, value);
			expect.rateDated = on;
			expect.rateCurrency = currency.code();
		}

		void createProject() {
			var code = "RBP-" + step + "-" + projectIds.size();
			var theme = Codes.Theme.values()[rnd.nextInt(Codes.Theme.values().length)];
			var psc = rnd.nextDouble() < 0.7 ? null : new BigDecimal(pick(List.of("0.07", "0.08", "0.10")));
			operation = "create project " + code + " " + theme + " PSC " + (psc == null ? "13%" : psc);
			var view = projects.createProject(new ProjectDetails(code, "Random project " + code, null, theme,
					Set.of(Codes.Instrument.UNTOC), Set.of(pick(List.of("SEN", "KEN", "COL", "IDN"))),
					reference.implementingEntity("UNODC-HQ").orElseThrow().id(), Set.of("project.manager"), null, null,
					null, null, 2, "15130", psc, Set.of(), List.of()));
			projectIds.add(view.id());
		}

		void allocate(Expect expect) {
			var signed = agreements(a -> a.signedOn != null && !a.cancelled);
			if (signed.isEmpty()) {
				createAgreement(expect);
				return;
			}
			var agreement = pick(signed);
			long project = pick(projectIds);
			operation = "allocate from " + agreement + " to project #" + project;
			var basis = contributions.allocationBasis(agreement.id);
			var allocated = jdbc.queryForObject(
					"select coalesce(sum(amount_usd), 0) from allocation where agreement_id = ?", BigDecimal.class,
					agreement.id);
			var unallocated = basis.fundingUsd().amount().subtract(allocated);
			var amount = unallocated.signum() <= 0 || rnd.nextDouble() < 0.08
					? unallocated.max(ZERO).add(BigDecimal.valueOf(rnd.nextInt(100) + 1))
					: fraction(unallocated, 0.1, 0.9, "USD").min(unallocated);
			var on = date(agreement.signedOn);
			operation = "allocate USD " + amount.toPlainString() + " (unallocated " + unallocated.toPlainString()
					+ ") from " + agreement + " to project #" + project + " on " + on;
			projects.allocate(agreement.id, project, amount, on);
			expect.dated(on);
		}

		void spend(Expect expect) {
			long project = pick(projectIds);
			var view = projects.project(project);
			var balance = view.balanceUsd().amount();
			var currency = currency();
			var on = date(START);
			var factor = BigDecimal.ONE.add(view.pscRate());
			BigDecimal usdValue;
			if (balance.signum() <= 0 || rnd.nextDouble() < 0.08) {
				usdValue = balance.max(ZERO).add(BigDecimal.TEN).multiply(BigDecimal.valueOf(1.2));
			}
			else {
				usdValue = balance.multiply(BigDecimal.valueOf(between(0.05, 0.6)));
			}
			var amount = positive(usdValue.divide(factor, MathContext.DECIMAL64).multiply(rateOn(currency.code(), on)),
					currency.code());
			var category = Codes.BudgetCategory.values()[rnd.nextInt(Codes.BudgetCategory.values().length)];
			operation = "spend " + currency.code() + " " + amount.toPlainString() + " " + category + " on project #"
					+ project + " (balance USD " + balance.toPlainString() + ", PSC " + view.pscRate() + ") on " + on;
			var line = projects.spend(project, null, on, category, amount, currency.code(), "PO-" + step, null);
			expenditureIds.add(line.id());
			expect.dated(on);
			expect.require(SourceType.EXPENDITURE, line.id());
		}

		void reverseExpenditure(Expect expect) {
			if (expenditureIds.isEmpty()) {
				spend(expect);
				return;
			}
			int index = rnd.nextInt(expenditureIds.size());
			long id = expenditureIds.get(index);
			operation = "reverse expenditure #" + id;
			var view = projects.reverseExpenditure(id, "Random correction " + step);
			expenditureIds.remove(index);
			expect.dated(cursor);
			expect.require(SourceType.EXPENDITURE_REVERSAL, view.id());
		}

		void manualEntry(Expect expect) {
			var on = date(START);
			var segment = pick(List.of("GENERAL", "SPECIAL", "PSC"));
			var amount = BigDecimal.valueOf(1000 + rnd.nextInt(500_000), 2);
			List<ManualEntryRequest.Line> lines;
			String what;
			double r = rnd.nextDouble();
			if (r < 0.5) {
				what = "interest";
				lines = List.of(new ManualEntryRequest.Line("CASH", segment, amount, null, null),
						new ManualEntryRequest.Line("OTHER_INCOME", segment, null, amount, null));
			}
			else if (r < 0.75) {
				what = "reclassification";
				lines = List.of(new ManualEntryRequest.Line("EXP_TRAVEL", segment, amount, null, null),
						new ManualEntryRequest.Line("EXP_GENERAL_OPERATING", segment, null, amount, null));
			}
			else if (r < 0.9) {
				what = "fund balance adjustment";
				lines = List.of(new ManualEntryRequest.Line("OTHER_INCOME", segment, amount, null, null),
						new ManualEntryRequest.Line("NET_ASSETS", segment, null, amount, null));
			}
			else {
				what = "unbalanced";
				lines = List.of(new ManualEntryRequest.Line("CASH", segment, amount, null, null),
						new ManualEntryRequest.Line("OTHER_INCOME", segment, null, amount.add(CENT), null));
			}
			operation = "manual entry (" + what + ") USD " + amount.toPlainString() + " " + segment + " on " + on;
			var view = manualEntries.post(new ManualEntryRequest(on, "Random " + what + " " + step, "Random walk", lines));
			expect.dated(on);
			expect.require(SourceType.MANUAL, view.sourceId());
		}

		/** What a finance officer gets wrong about periods: each is refused. */
		void wrongPeriodOperation(Expect expect) {
			expect.periods = true;
			double r = rnd.nextDouble();
			if (r < 0.3 && !revalued.isEmpty()) {
				var again = new ArrayList<>(revalued.keySet()).get(rnd.nextInt(revalued.size()));
				operation = "revalue " + again + " again";
				contributions.revalue(again);
			}
			else if (r < 0.5) {
				var month = YearMonth.from(cursor);
				operation = "close " + month + ", not ended";
				closing.closeMonth(month);
			}
			else if (r < 0.75 && !closes.isEmpty()) {
				var close = pick(new ArrayList<>(closes.values()));
				operation = "close " + close.label() + " again";
				if (close.kind() == PeriodKind.YEAR) {
					closing.closeYear(close.start().getYear());
				}
				else {
					closing.closeMonth(YearMonth.from(close.start()));
				}
			}
			else {
				var closedTo = latestCloseEnd();
				var on = closedTo == null ? cursor.plusDays(1) : day(START, closedTo);
				operation = "revalue " + on + (closedTo == null ? " (in the future)" : " (probably closed)");
				contributions.revalue(on);
				revalued.put(on, ratesOn(on));
			}
		}

		Map<String, BigDecimal> ratesOn(LocalDate date) {
			var snapshot = new TreeMap<String, BigDecimal>();
			for (var currency : CURRENCIES) {
				snapshot.put(currency.code(), currency.code().equals("USD") ? BigDecimal.ONE : rateOn(currency.code(), date));
			}
			return snapshot;
		}

		void revalue(LocalDate periodEnd, Expect expect) {
			operation = "revalue at " + periodEnd;
			var snapshot = ratesOn(periodEnd);
			var view = contributions.revalue(periodEnd);
			revalued.put(periodEnd, snapshot);
			expect.allow(SourceType.REVALUATION_RUN, view.id());
			expect.dated(periodEnd);
		}

		void closeMonth(YearMonth month, Expect expect) {
			operation = "close month " + month;
			remember(closing.closeMonth(month));
		}

		void closeYear(int year, Expect expect) {
			operation = "close year " + year;
			remember(closing.closeYear(year));
		}

		void reopen(Close close, Expect expect) {
			operation = "reopen " + close.label() + " (ADMIN)";
			signIn("admin", "ROLE_ADMIN");
			closing.reopen(close.id(), "Random reopening " + step);
			closes.remove(close.id());
			reopened = new Reopened(YearMonth.from(close.start()), step + 3 + rnd.nextInt(10), close.id());
		}

		/** A new close: its snapshot and the reports the API serves for its period, as they are now. */
		void remember(PeriodCloseView view) {
			var snapshot = closing.snapshot(view.id());
			check(CanonicalForm.sha256(snapshot).equals(view.fingerprint()),
					() -> "the snapshot of close #" + view.id() + " does not hash to its fingerprint");
			var stored = CanonicalJson.read(snapshot).path("reports");
			var trialBalance = new TreeMap<String, BigDecimal[]>();
			for (var row : stored.path("trial-balance").path("rows")) {
				trialBalance.put(row.path("account").asString() + "|" + row.path("segment").asString(),
						new BigDecimal[] { decimal(row, "opening"), decimal(row, "debits"), decimal(row, "credits"),
								decimal(row, "closing") });
			}
			var statement = stored.path("fund-statement");
			var fundStatement = new TreeMap<String, BigDecimal>();
			fundStatement.put("opening", decimal(statement, "opening"));
			fundStatement.put("closing", decimal(statement, "closing"));
			fundStatement.put("receivables", decimal(statement, "receivables"));
			for (var line : statement.path("movements")) {
				fundStatement.put(line.path("key").asString(), decimal(line, "usd"));
			}
			var close = new Close(view.id(), view.kind(), view.periodStart(), view.periodEnd(), view.fingerprint(),
					snapshot, trialBalance, fundStatement, probe.servedFundStatement(view.periodStart(), view.periodEnd()),
					probe.servedStatusOfContributions(view.periodStart(), view.periodEnd()), step);
			check(probe.servedFromClose(view.periodStart(), view.periodEnd()),
					() -> "the reports of " + close.label() + " are not served from its close");
			closes.put(view.id(), close);
		}

		BigDecimal decimal(JsonNode node, String field) {
			var value = node.path(field);
			check(!value.isMissingNode() && !value.isNull(), () -> "the snapshot has no " + field + " in " + node);
			return new BigDecimal(value.asString());
		}

		// ----------------------------------------------------------------------------- checks

		/**
		 * Everything an operation could write, and the chain's head: a refused operation must change
		 * none of it. Nothing is ever deleted, so the last id of a table says whether a row was added,
		 * and the sum of versions whether one was changed.
		 */
		List<Object> watermark() {
			return jdbc.queryForList("""
					select (select coalesce(max(id), 0) from agreement) as agreements,
					       (select coalesce(sum(version), 0) from agreement) as agreement_versions,
					       (select coalesce(max(id), 0) from instalment) as instalments,
					       (select coalesce(max(id), 0) from amendment) as amendments,
					       (select coalesce(max(id), 0) from receipt) as receipts,
					       (select coalesce(max(id), 0) from refund) as refunds,
					       (select coalesce(max(id), 0) from allocation) as allocations,
					       (select coalesce(max(id), 0) from expenditure) as expenditures,
					       (select coalesce(max(id), 0) from revaluation_run) as runs,
					       (select coalesce(max(id), 0) from revaluation_line) as run_lines,
					       (select coalesce(max(id), 0) from manual_entry) as manual_entries,
					       (select coalesce(max(id), 0) from exchange_rate) as rates,
					       (select coalesce(max(id), 0) from project) as projects,
					       (select coalesce(sum(version), 0) from project) as project_versions,
					       (select coalesce(max(id), 0) from donor) as donors,
					       (select coalesce(max(id), 0) from period_close) as closes,
					       (select coalesce(sum(version), 0) from period_close) as close_versions,
					       (select coalesce(max(id), 0) from journal_entry) as entries,
					       (select coalesce(max(id), 0) from journal_line) as journal_lines,
					       (select last_entry_id from journal_chain_head where id = 1) as head_id,
					       (select last_hash from journal_chain_head where id = 1) as head_hash,
					       (select coalesce(max(id), 0) from revision) as revisions""")
				.stream()
				.flatMap(row -> row.entrySet().stream().map(e -> (Object) (e.getKey() + "=" + e.getValue())))
				.toList();
		}

		void afterStep(List<Object> before, Expect expect, boolean refused) {
			var after = timed("watermark", this::watermark);
			if (refused) {
				check(after.equals(before), () -> "a refused operation left something written:\n  before " + before
						+ "\n  after  " + after);
			}
			var fresh = timed("entries", this::readNewEntries);
			for (var entry : fresh) {
				log.println("    entry #" + entry.id() + " " + entry.sourceType() + " #" + entry.sourceId() + " " + entry.date()
						+ ": " + entry.lines()
							.stream()
							.map(l -> l.account() + "/" + l.segment() + (l.debit().signum() != 0 ? " Dr " + l.debit()
									: " Cr " + l.credit()) + (l.agreementId() == null ? "" : " a" + l.agreementId()))
							.collect(Collectors.joining(", ")));
			}
			checkPostings(fresh, expect, refused);
			if (refused) {
				return;
			}
			if (!fresh.isEmpty()) {
				timed("cumulative", this::rebuildCumulative);
				var months = new TreeSet<YearMonth>();
				for (var entry : fresh) {
					months.add(YearMonth.from(entry.date()));
					entry.lines().stream().map(Line::agreementId).filter(Objects::nonNull).forEach(expect.agreements::add);
				}
				// The latest month's trial balance takes in every line: it balancing is the journal balancing.
				months.add(monthly.lastKey());
				for (var month : months) {
					checkMonth(month);
				}
			}
			var changed0 = expect.dated;
			for (var entry : fresh) {
				changed0 = min(changed0, entry.date());
			}
			var changed = changed0;
			timed("closes", () -> checkActiveCloses(expect, changed, !fresh.isEmpty()));
			timed("carried now", () -> checkCarriedReceivables(expect.agreements));
			if (changed != null) {
				for (var end = YearMonth.from(changed).atEndOfMonth(); end.isBefore(cursor) && end.isBefore(TODAY);
						end = YearMonth.from(end).plusMonths(1).atEndOfMonth()) {
					monthEndChecks++;
					var day = end;
					timed("carried at month ends", () -> checkCarriedOn(day));
				}
				for (var periodEnd : revalued.tailMap(changed, true).keySet()) {
					timed("revalued period ends", () -> checkRevalued(periodEnd));
				}
			}
		}

		final Map<String, long[]> timings = new TreeMap<>();

		<T> T timed(String name, Supplier<T> work) {
			long started = System.nanoTime();
			try {
				return work.get();
			}
			finally {
				var t = timings.computeIfAbsent(name, k -> new long[2]);
				t[0]++;
				t[1] += System.nanoTime() - started;
			}
		}

		void timed(String name, Runnable work) {
			timed(name, () -> {
				work.run();
				return null;
			});
		}

		String timings() {
			return timings.entrySet()
				.stream()
				.map(e -> e.getKey() + " " + e.getValue()[0] + "x " + e.getValue()[1] / 1_000_000 + " ms")
				.collect(Collectors.joining(", "));
		}

		/** The entries posted since the last step: each balances and chains to the previous one. */
		List<Entry> readNewEntries() {
			var heads = jdbc.query("""
					select id, accounting_date, period, posted_at, posted_by, source_type, source_id, description,
					       prev_hash, hash from journal_entry where id > ? order by id""", (rs, i) -> new Object[] {
					rs.getLong("id"), new CanonicalForm.Entry(rs.getObject("accounting_date", LocalDate.class),
							rs.getString("period"), rs.getObject("posted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
							rs.getString("posted_by"), rs.getString("source_type"), rs.getLong("source_id"),
							rs.getString("description")),
					rs.getString("prev_hash"), rs.getString("hash") }, lastEntryId);
			if (heads.isEmpty()) {
				checkHead();
				return List.of();
			}
			var canonical = new HashMap<Long, List<CanonicalForm.Line>>();
			var lines = new HashMap<Long, List<Line>>();
			var dates = new HashMap<Long, LocalDate>();
			jdbc.query("""
					select entry_id, line_no, accounting_date, account_code, segment_code, debit_usd, credit_usd,
					       original_amount, currency, rate, rate_date, donor_id, donor_type, agreement_id, funding_window,
					       earmark, project_id, activity_id, budget_category
					  from journal_line where entry_id > ? order by entry_id, line_no""", (ResultSet rs) -> {
				long entry = rs.getLong("entry_id");
				var agreement = JournalQueries.nullableLong(rs, "agreement_id");
				canonical.computeIfAbsent(entry, id -> new ArrayList<>())
					.add(new CanonicalForm.Line(rs.getInt("line_no"), rs.getString("account_code"),
							rs.getString("segment_code"), rs.getBigDecimal("debit_usd"), rs.getBigDecimal("credit_usd"),
							rs.getBigDecimal("original_amount"), rs.getString("currency"), rs.getBigDecimal("rate"),
							rs.getObject("rate_date", LocalDate.class), JournalQueries.nullableLong(rs, "donor_id"),
							rs.getString("donor_type"), agreement, rs.getString("funding_window"), rs.getString("earmark"),
							JournalQueries.nullableLong(rs, "project_id"), JournalQueries.nullableLong(rs, "activity_id"),
							rs.getString("budget_category")));
				lines.computeIfAbsent(entry, id -> new ArrayList<>())
					.add(new Line(rs.getString("account_code"), rs.getString("segment_code"), rs.getBigDecimal("debit_usd"),
							rs.getBigDecimal("credit_usd"), agreement));
				var date = rs.getObject("accounting_date", LocalDate.class);
				var previous = dates.put(entry, date);
				check(previous == null || previous.equals(date),
						() -> "entry #" + entry + " has lines on " + previous + " and " + date);
			}, lastEntryId);
			var fresh = new ArrayList<Entry>();
			for (var head : heads) {
				long id = (Long) head[0];
				var entry = (CanonicalForm.Entry) head[1];
				var prevHash = (String) head[2];
				var hash = (String) head[3];
				var own = lines.getOrDefault(id, List.of());
				var label = "entry #" + id + " (" + entry.sourceType() + " #" + entry.sourceId() + ", "
						+ entry.accountingDate() + ")";
				check(!own.isEmpty(), () -> label + " has no lines");
				check(entry.accountingDate().equals(dates.get(id)), () -> label + " is dated apart from its lines");
				var debits = own.stream().map(Line::debit).reduce(ZERO, BigDecimal::add);
				var credits = own.stream().map(Line::credit).reduce(ZERO, BigDecimal::add);
				check(debits.compareTo(credits) == 0,
						() -> label + " does not balance: debits " + debits + ", credits " + credits + ": " + own);
				for (var segment : own.stream().map(Line::segment).distinct().toList()) {
					var net = own.stream()
						.filter(l -> l.segment().equals(segment))
						.map(l -> l.debit().subtract(l.credit()))
						.reduce(ZERO, BigDecimal::add);
					check(net.signum() == 0, () -> label + " does not balance in segment " + segment + " (" + net + ")");
				}
				check(prevHash.equals(lastHash),
						() -> label + " chains to " + prevHash + ", not to the previous entry's hash " + lastHash);
				var recomputed = CanonicalForm.hash(lastHash, CanonicalForm.of(entry, canonical.get(id)));
				check(recomputed.equals(hash), () -> label + " does not match its hash: stored " + hash + ", content gives "
						+ recomputed);
				check(!closedAt(entry.accountingDate()), () -> label + " is dated in a closed period");
				lastHash = hash;
				lastEntryId = id;
				entryCount++;
				var month = monthly.computeIfAbsent(YearMonth.from(entry.accountingDate()), m -> new TreeMap<>());
				for (var line : own) {
					var sums = month.computeIfAbsent(line.account() + "|" + line.segment(),
							k -> new BigDecimal[] { ZERO, ZERO });
					sums[0] = sums[0].add(line.debit());
					sums[1] = sums[1].add(line.credit());
				}
				fresh.add(new Entry(id, entry.accountingDate(), entry.sourceType(), entry.sourceId(), own));
			}
			checkHead();
			return fresh;
		}

		void checkHead() {
			var head = jdbc.queryForMap("select last_entry_id, last_hash from journal_chain_head where id = 1");
			var headId = (Number) head.get("last_entry_id");
			check((headId == null ? 0 : headId.longValue()) == lastEntryId && lastHash.equals(head.get("last_hash")),
					() -> "the chain head is " + head + ", the last entry #" + lastEntryId + " " + lastHash);
		}

		boolean closedAt(LocalDate date) {
			return closes.values().stream().anyMatch(c -> !date.isBefore(c.start()) && !date.isAfter(c.end()));
		}

		/** The operation posted what its rule gives, once, and nothing else. */
		void checkPostings(List<Entry> fresh, Expect expect, boolean refused) {
			var posted = fresh.stream().map(e -> e.sourceType() + "#" + e.sourceId()).toList();
			check(new LinkedHashSet<>(posted).size() == posted.size(), () -> "an event was posted twice: " + posted);
			if (refused) {
				check(posted.isEmpty(), () -> "a refused operation posted " + posted);
				return;
			}
			check(posted.containsAll(expect.required),
					() -> "missing entries: expected " + expect.required + ", posted " + posted);
			var allowed = new LinkedHashSet<>(expect.required);
			allowed.addAll(expect.optional);
			// An event dated on or before a revaluation already run (or a run before a later one)
			// adjusts each such run at its own period end, and nowhere else.
			for (var entry : fresh) {
				if (entry.sourceType().equals(SourceType.REVALUATION_ADJUSTMENT.name())) {
					check(expect.dated != null && revalued.containsKey(entry.date()) && !entry.date().isBefore(expect.dated),
							() -> "an adjustment of a revaluation dated " + entry.date() + " after an event dated "
									+ expect.dated + "; runs at " + revalued.keySet());
					allowed.add(entry.sourceType() + "#" + entry.sourceId());
				}
				// An event dated before later events of its agreement adjusts each of them on its own date.
				if (entry.sourceType().equals(SourceType.POSITION_ADJUSTMENT.name())) {
					check(expect.dated != null && entry.date().isAfter(expect.dated),
							() -> "an adjustment of a later event dated " + entry.date() + " after an event dated "
									+ expect.dated);
					allowed.add(entry.sourceType() + "#" + entry.sourceId());
					positionAdjustments++;
				}
			}
			check(allowed.containsAll(posted), () -> "unexpected entries: posted " + posted + ", expected " + allowed);
		}

		/** Debits and credits through each month (inclusive), per account and segment, from the entries read. */
		void rebuildCumulative() {
			cumulative = new TreeMap<>();
			if (monthly.isEmpty()) {
				return;
			}
			var running = new TreeMap<String, BigDecimal[]>();
			for (var month = monthly.firstKey(); !month.isAfter(monthly.lastKey()); month = month.plusMonths(1)) {
				for (var e : monthly.getOrDefault(month, Map.of()).entrySet()) {
					var sums = running.computeIfAbsent(e.getKey(), k -> new BigDecimal[] { ZERO, ZERO });
					sums[0] = sums[0].add(e.getValue()[0]);
					sums[1] = sums[1].add(e.getValue()[1]);
				}
				var copy = new TreeMap<String, BigDecimal[]>();
				running.forEach((k, v) -> copy.put(k, v.clone()));
				cumulative.put(month, copy);
			}
		}

		/** Debits and credits per account and segment of every line dated up to the end of {@code month}. */
		Map<String, BigDecimal[]> through(YearMonth month) {
			var entry = cumulative.floorEntry(month);
			return entry == null ? Map.of() : entry.getValue();
		}

		/** Opening, debits, credits and closing per account and segment of {@code [from, to]}, from the entries read. */
		Map<String, BigDecimal[]> trialBalanceOf(YearMonth from, YearMonth to) {
			var before = through(from.minusMonths(1));
			var end = through(to);
			var rows = new TreeMap<String, BigDecimal[]>();
			for (var key : end.keySet()) {
				var b = before.getOrDefault(key, new BigDecimal[] { ZERO, ZERO });
				var e = end.get(key);
				var opening = b[0].subtract(b[1]);
				var debits = e[0].subtract(b[0]);
				var credits = e[1].subtract(b[1]);
				rows.put(key, new BigDecimal[] { opening, debits, credits, opening.add(debits).subtract(credits) });
			}
			return rows;
		}

		/** The fund statement's figures of {@code [from, to]} from the entries read. */
		Map<String, BigDecimal> fundStatementOf(YearMonth from, YearMonth to) {
			return fundStatementOf(trialBalanceOf(from, to));
		}

		/** The fund statement's figures from a trial balance. */
		Map<String, BigDecimal> fundStatementOf(Map<String, BigDecimal[]> trialBalance) {
			var figures = new TreeMap<String, BigDecimal>();
			var opening = ZERO;
			var receivables = ZERO;
			for (var row : trialBalance.entrySet()) {
				var account = Account.valueOf(row.getKey().substring(0, row.getKey().indexOf('|')));
				var v = row.getValue();
				if (account == Account.RECEIVABLE || account == Account.RECEIVABLE_FX) {
					receivables = receivables.add(v[3]);
				}
				var line = ReportProbe.statementLine(account);
				if (line == null) {
					continue;
				}
				opening = opening.subtract(v[0]);
				figures.merge(line, v[2].subtract(v[1]), BigDecimal::add);
			}
			var closing = opening;
			for (var value : figures.values()) {
				closing = closing.add(value);
			}
			figures.put("opening", opening);
			figures.put("closing", closing);
			figures.put("receivables", receivables);
			return figures;
		}

		/** The trial balance of everything balances, in total and per segment, and is the sum of the entries read. */
		void checkTrialBalance() {
			var tb = queries.trialBalance(START, TODAY);
			check(tb.balances(), () -> "the trial balance does not balance: " + tb.totals());
			var segments = new TreeMap<String, BigDecimal>();
			var mine = trialBalanceOf(YearMonth.from(START), YearMonth.from(TODAY));
			for (var row : tb.rows()) {
				segments.merge(row.segment().name(), row.closing(), BigDecimal::add);
				var key = row.account().name() + "|" + row.segment().name();
				var own = mine.get(key);
				check(own != null && same(own[3], row.closing()) && same(own[1], row.debits()) && same(own[2], row.credits()),
						() -> "the trial balance has " + row + " where the entries give " + (own == null ? "nothing"
								: Arrays.toString(own)));
			}
			check(tb.rows().size() == mine.size(), () -> "the trial balance has " + tb.rows().size() + " rows, the entries "
					+ mine.size());
			check(segments.values().stream().allMatch(v -> v.signum() == 0),
					() -> "a segment does not balance on its own: " + segments);
		}

		/**
		 * A month that received entries: its trial balance balances and is the entries' sums, its
		 * closing balance is the next month's opening balance, and each of its fund statement lines is
		 * the sum of its ledger lines.
		 */
		void checkMonth(YearMonth month) {
			var tb = timed("month: trial balances", () -> queries.trialBalance(month.atDay(1), month.atEndOfMonth()));
			// The walk's own month has no next month yet: it is compared with it once it has one.
			var following = month.plusMonths(1);
			var next = following.isAfter(YearMonth.from(cursor)) ? null : timed("month: trial balances",
					() -> queries.trialBalance(following.atDay(1), following.atEndOfMonth()));
			check(tb.balances(), () -> "the trial balance of " + month + " does not balance: " + tb.totals());
			var segments = new TreeMap<String, BigDecimal>();
			tb.rows().forEach(r -> segments.merge(r.segment().name(), r.closing(), BigDecimal::add));
			check(segments.values().stream().allMatch(v -> v.signum() == 0),
					() -> "at the end of " + month + " a segment does not balance on its own: " + segments);
			var mine = trialBalanceOf(month, month);
			var opening = new HashMap<String, BigDecimal>();
			if (next != null) {
				next.rows().forEach(r -> opening.put(r.account().name() + "|" + r.segment().name(), r.opening()));
			}
			for (var row : tb.rows()) {
				var key = row.account().name() + "|" + row.segment().name();
				var own = mine.get(key);
				check(own != null && same(own[0], row.opening()) && same(own[1], row.debits())
						&& same(own[2], row.credits()) && same(own[3], row.closing()),
						() -> month + ": the trial balance has " + row + ", the entries give "
								+ (own == null ? "nothing" : Arrays.toString(own)));
				check(next == null || same(row.closing(), opening.get(key)), () -> month + " closes " + key + " at "
						+ row.closing() + " but " + following + " opens it at " + opening.get(key));
			}
			check(tb.rows().size() == mine.size(), () -> month + ": the trial balance has " + tb.rows().size()
					+ " rows, the entries " + mine.size());
			var closingOf = new HashMap<String, BigDecimal>();
			tb.rows().forEach(r -> closingOf.put(r.account().name() + "|" + r.segment().name(), r.closing()));
			for (var row : opening.entrySet()) {
				check(same(row.getValue(), closingOf.get(row.getKey())), () -> month.plusMonths(1) + " opens "
						+ row.getKey() + " at " + row.getValue() + " but " + month + " closes it at " + closingOf.get(row.getKey()));
			}
			var statement = timed("month: fund statement", () -> probe.fundStatement(month.atDay(1), month.atEndOfMonth()));
			var ledger = timed("month: ledger", () -> probe.ledgerSums(month.atDay(1), month.atEndOfMonth()));
			var expected = fundStatementOf(month, month);
			for (var line : ledger.entrySet()) {
				check(same(statement.get(line.getKey()), line.getValue()),
						() -> month + ": the fund statement's " + line.getKey() + " is " + statement.get(line.getKey())
								+ ", its ledger lines add up to " + line.getValue());
			}
			for (var figure : statement.entrySet()) {
				check(same(figure.getValue(), expected.get(figure.getKey())),
						() -> month + ": the fund statement's " + figure.getKey() + " is " + figure.getValue()
								+ ", the entries give " + expected.get(figure.getKey()));
			}
		}

		/**
		 * The closes in the database are the walk's; each one's stored trial balance and fund statement
		 * are what the journal gives for its period now (so its closing balance is the next period's
		 * opening); when something was recorded on or before its end, its reports are recomputed.
		 */
		void checkActiveCloses(Expect expect, LocalDate changed, boolean journalMoved) {
			var stored = jdbc.query("select id, fingerprint from period_close where reopened_at is null order by id",
					(rs, i) -> rs.getLong("id") + ":" + rs.getString("fingerprint"));
			var mine = closes.values()
				.stream()
				.sorted(java.util.Comparator.comparingLong(Close::id))
				.map(c -> c.id() + ":" + c.fingerprint())
				.toList();
			check(stored.equals(mine), () -> "the active closes are " + stored + ", expected " + mine);
			// A closed period's figures are sums of the lines dated up to its end: only those can move them.
			var latestEnd = latestCloseEnd();
			if (expect.periods || journalMoved && changed != null && latestEnd != null && !changed.isAfter(latestEnd)) {
				for (var close : closes.values()) {
					checkStoredFigures(close);
				}
			}
			// A rate is in effect from its date to the next rate's: the closes that end then see it.
			var rateUntil = expect.rateDated == null ? null : jdbc.queryForObject(
					"select min(effective_date) from exchange_rate where currency = ? and effective_date > ?",
					LocalDate.class, expect.rateCurrency, expect.rateDated);
			for (var close : closes.values()) {
				if (changed != null && !changed.isAfter(close.end())) {
					recheck(close);
				}
				else if (expect.rateDated != null && !expect.rateDated.isAfter(close.end())
						&& (rateUntil == null || close.end().isBefore(rateUntil))) {
					recheck(close);
				}
			}
		}

		void checkStoredFigures(Close close) {
			var from = YearMonth.from(close.start());
			var to = YearMonth.from(close.end());
			var now = trialBalanceOf(from, to);
			var keys = new TreeSet<>(now.keySet());
			keys.addAll(close.trialBalance().keySet());
			String[] names = { "opening", "debits", "credits", "closing" };
			for (var key : keys) {
				var was = close.trialBalance().get(key);
				var is = now.get(key);
				for (int i = 0; i < 4; i++) {
					var a = was == null ? ZERO : was[i];
					var b = is == null ? ZERO : is[i];
					int column = i;
					check(same(a, b), () -> "closed period " + close.label() + ": its stored trial balance has " + key
							+ " " + names[column] + " " + a + ", the journal now gives " + b
							+ (column == 3 ? " (so its closing balance is no longer the next period's opening)" : ""));
				}
			}
			var statement = fundStatementOf(now);
			for (var figure : close.fundStatement().entrySet()) {
				check(same(figure.getValue(), statement.get(figure.getKey())),
						() -> "closed period " + close.label() + ": its stored fund statement has " + figure.getKey() + " "
								+ figure.getValue() + ", the journal now gives " + statement.get(figure.getKey()));
			}
		}

		/**
		 * The reports of a closed period recomputed now: the trial balance and the fund statement are
		 * byte for byte those stored; the status of contributions too, but for the figures at the
		 * period end's rate, which a rate dated in the period and entered later may change (the API
		 * serves the stored ones).
		 */
		void recheck(Close close) {
			closeRechecks++;
			var now = closing.currentFigures(close.kind(), close.start(), close.end());
			if (now.equals(close.snapshot())) {
				return;
			}
			var stored = CanonicalJson.read(close.snapshot()).path("reports");
			var current = CanonicalJson.read(now).path("reports");
			for (var name : List.of("trial-balance", "fund-statement")) {
				check(stored.path(name).equals(current.path(name)),
						() -> "closed period " + close.label() + ": its " + name + " recomputed now differs from the one stored:\n  stored "
								+ stored.path(name) + "\n  now    " + current.path(name));
			}
			var was = withoutRates(stored.path("status-of-contributions"));
			var is = withoutRates(current.path("status-of-contributions"));
			check(was.equals(is), () -> "closed period " + close.label()
					+ ": its status of contributions recomputed now differs from the one stored (beyond the figures at the period end's rate):\n  stored "
					+ was + "\n  now    " + is);
			statusRateDrift++;
		}

		JsonNode withoutRates(JsonNode status) {
			var copy = status.deepCopy();
			if (copy instanceof ObjectNode object) {
				object.remove("currenciesWithoutRate");
				for (var row : object.path("rows")) {
					((ObjectNode) row).remove(List.of("periodEndRate", "periodEndRateDate", "outstandingUsd", "overdueUsd"));
				}
				for (var totals : object.path("byDonorType")) {
					((ObjectNode) totals).remove(List.of("outstandingUsd", "overdueUsd"));
				}
				if (object.path("total") instanceof ObjectNode total) {
					total.remove(List.of("outstandingUsd", "overdueUsd"));
				}
			}
			return copy;
		}

		/**
		 * An agreement's receivable at its signature rate is what it is still owed at that rate: none
		 * when nothing is outstanding (and always none for a conditional, unsigned or cancelled one),
		 * else within a cent per amendment or reversal (each moves it by a difference of rounded
		 * values), and exactly for USD.
		 */
		void checkCarriedReceivables(Collection<Long> ids) {
			if (ids.isEmpty()) {
				return;
			}
			var placeholders = ids.stream().map(id -> "?").collect(Collectors.joining(","));
			jdbc.query("""
					select a.id, a.currency, a.total_amount, a.recognition_rate, a.conditional_terms, a.signed_on,
					       a.cancelled_on,
					       coalesce((select sum(r.agreement_amount) from receipt r where r.agreement_id = a.id), 0) as received,
					       coalesce((select sum(l.debit_usd - l.credit_usd) from journal_line l
					                  where l.agreement_id = a.id and l.account_code = 'RECEIVABLE'), 0) as carried,
					       (select count(*) from amendment m where m.agreement_id = a.id)
					         + (select count(*) from receipt r where r.agreement_id = a.id and r.reversal_of is not null)
					         as adjustments
					  from agreement a where a.id in (""" + placeholders + ")", (ResultSet rs) -> {
				long id = rs.getLong("id");
				var agreement = agreementsById.get(id);
				var currency = rs.getString("currency");
				var total = rounded(rs.getBigDecimal("total_amount"), currency);
				var received = rounded(rs.getBigDecimal("received"), currency);
				var carried = rs.getBigDecimal("carried").setScale(2);
				var outstanding = total.subtract(received.min(total));
				var label = agreement + ": total " + total.toPlainString() + ", received " + received.toPlainString()
						+ ", outstanding " + outstanding.toPlainString() + ", RECEIVABLE carried " + carried;
				if (rs.getDate("signed_on") == null || rs.getBoolean("conditional_terms")
						|| rs.getDate("cancelled_on") != null) {
					check(carried.signum() == 0, () -> label + ": nothing should be carried");
					return;
				}
				var expected = usd(outstanding, currency, rs.getBigDecimal("recognition_rate"));
				var tolerance = CENT.multiply(BigDecimal.valueOf(rs.getLong("adjustments")));
				if (outstanding.signum() == 0 || currency.equals("USD")) {
					check(carried.compareTo(expected) == 0,
							() -> label + ": the receivable should be " + expected + " (outstanding at the signature rate)");
				}
				else {
					check(carried.subtract(expected).abs().compareTo(tolerance) <= 0,
							() -> label + ": the receivable should be " + expected + " (outstanding at the signature rate, within "
									+ tolerance + ")");
				}
			}, ids.toArray());
		}

		/**
		 * At a revalued period end, the fund balance is cash plus the receivables (the trial balance's
		 * RECEIVABLE and RECEIVABLE_FX), and the receivables are what each unconditional agreement
		 * signed by then and not cancelled by then still owed on that day (its total as amended by
		 * then, less what was received by then) at that day's rate as the run saw it.
		 */
		void checkRevalued(LocalDate periodEnd) {
			revaluationChecks++;
			var snapshot = revalued.get(periodEnd);
			var books = through(YearMonth.from(periodEnd));
			var fundBalance = ZERO;
			var cash = ZERO;
			var receivables = ZERO;
			for (var e : books.entrySet()) {
				var account = Account.valueOf(e.getKey().substring(0, e.getKey().indexOf('|')));
				var net = e.getValue()[0].subtract(e.getValue()[1]);
				if (account == Account.CASH) {
					cash = cash.add(net);
				}
				else if (account == Account.RECEIVABLE || account == Account.RECEIVABLE_FX) {
					receivables = receivables.add(net);
				}
				else {
					fundBalance = fundBalance.subtract(net);
				}
			}
			var tbFund = fundBalance;
			var tbCash = cash;
			var tbReceivables = receivables;
			check(tbFund.compareTo(tbCash.add(tbReceivables)) == 0, () -> "at " + periodEnd + " the fund balance "
					+ tbFund + " is not cash " + tbCash + " plus receivables " + tbReceivables);

			var owedThen = owedOn(periodEnd);
			var carried = carriedOn(periodEnd, "'RECEIVABLE', 'RECEIVABLE_FX'");
			var owed = new TreeMap<Long, BigDecimal>();
			owedThen.forEach((id, o) -> owed.put(id, usd(o.outstanding(), o.currency(), snapshot.get(o.currency()))));
			var owedTotal = owed.values().stream().reduce(ZERO, BigDecimal::add);
			var differences = new ArrayList<String>();
			var ids = new TreeSet<Long>(owed.keySet());
			carried.keySet().stream().filter(Objects::nonNull).forEach(ids::add);
			for (var id : ids) {
				var books1 = nz(carried.get(id)).setScale(2);
				var owed1 = nz(owed.get(id));
				if (books1.compareTo(owed1) != 0) {
					var o = owedThen.get(id);
					differences.add((o == null ? String.valueOf(agreementsById.get(id))
							: o + " at " + snapshot.get(o.currency())) + ": owed " + owed1 + " USD, the books carry " + books1);
				}
			}
			var unassigned = nz(carried.get(null));
			check(tbReceivables.compareTo(owedTotal) == 0 && differences.isEmpty() && unassigned.signum() == 0,
					() -> "at the revalued period end " + periodEnd + " the fund balance " + tbFund + " is not cash " + tbCash
							+ " plus what donors owed then at that day's rates " + owedTotal + " (the books carry "
							+ tbReceivables + "): " + differences
							+ (unassigned.signum() == 0 ? "" : "; receivables without an agreement: " + unassigned));
		}

		/**
		 * At a month end in the past, each agreement's receivable at its signature rate
		 * ({@code RECEIVABLE}, lines dated up to that day) is what it was still owed on that day at that
		 * rate, within a cent per amendment and receipt up to then (each relieves or adds a difference of
		 * rounded values).
		 */
		void checkCarriedOn(LocalDate date) {
			var owedThen = owedOn(date);
			var carried = carriedOn(date, "'RECEIVABLE'");
			var differences = new ArrayList<String>();
			var ids = new TreeSet<Long>(owedThen.keySet());
			carried.keySet().stream().filter(Objects::nonNull).forEach(ids::add);
			for (var id : ids) {
				var o = owedThen.get(id);
				var books = nz(carried.get(id)).setScale(2);
				var owed = o == null ? ZERO : usd(o.outstanding(), o.currency(), o.signatureRate());
				var tolerance = o == null ? ZERO : CENT.multiply(BigDecimal.valueOf(o.adjustments()));
				if (books.subtract(owed).abs().compareTo(tolerance) > 0) {
					differences.add((o == null ? String.valueOf(agreementsById.get(id)) : o.toString()) + ": owed "
							+ owed + " USD at the signature rate, the books carry " + books + " in RECEIVABLE");
				}
			}
			check(differences.isEmpty(), () -> "on " + date + " the receivables carried at the signature rate are not what "
					+ "donors owed then: " + differences);
		}

		/** What an unconditional agreement still owed on a day: its total as amended by then less what it had received by then. */
		record Owed(Agreement agreement, String currency, BigDecimal total, BigDecimal received, BigDecimal outstanding,
				BigDecimal signatureRate, int adjustments, LocalDate closedOn) {

			@Override
			public String toString() {
				return agreement + " total then " + total.toPlainString() + ", received by then " + received.toPlainString()
						+ ", outstanding " + outstanding.toPlainString() + " (signature rate " + signatureRate + ")"
						+ (closedOn == null ? "" : ", closed on " + closedOn);
			}

		}

		/** The unconditional agreements signed by the day and not cancelled by then, with what they still owed. */
		Map<Long, Owed> owedOn(LocalDate date) {
			var totals = new HashMap<Long, BigDecimal>();
			var firstPrevious = new HashMap<Long, BigDecimal>();
			var adjustments = new HashMap<Long, Integer>();
			jdbc.query("select agreement_id, amended_on, previous_total, new_total from amendment order by id", (ResultSet rs) -> {
				long id = rs.getLong("agreement_id");
				firstPrevious.putIfAbsent(id, rs.getBigDecimal("previous_total"));
				if (!rs.getObject("amended_on", LocalDate.class).isAfter(date)) {
					totals.put(id, rs.getBigDecimal("new_total"));
					adjustments.merge(id, 1, Integer::sum);
				}
			});
			var received = new HashMap<Long, BigDecimal>();
			jdbc.query("""
					select agreement_id, sum(agreement_amount), count(*) from receipt where received_on <= ?
					 group by agreement_id""", (ResultSet rs) -> {
				received.put(rs.getLong(1), rs.getBigDecimal(2));
				adjustments.merge(rs.getLong(1), rs.getInt(3), Integer::sum);
			}, date);
			var owed = new TreeMap<Long, Owed>();
			jdbc.query("""
					select id, currency, total_amount, recognition_rate, closed_on from agreement
					 where signed_on is not null and signed_on <= ? and conditional_terms = false
					   and (cancelled_on is null or cancelled_on > ?)""", (ResultSet rs) -> {
				long id = rs.getLong("id");
				var currency = rs.getString("currency");
				var total = rounded(totals.getOrDefault(id, firstPrevious.getOrDefault(id, rs.getBigDecimal("total_amount"))),
						currency);
				var got = rounded(received.getOrDefault(id, BigDecimal.ZERO), currency);
				owed.put(id, new Owed(agreementsById.get(id), currency, total, got, total.subtract(got.min(total)),
						rs.getBigDecimal("recognition_rate"), adjustments.getOrDefault(id, 0),
						rs.getObject("closed_on", LocalDate.class)));
			}, date, date);
			return owed;
		}

		/** The receivable per agreement in the given accounts, lines dated up to the day. */
		Map<Long, BigDecimal> carriedOn(LocalDate date, String accounts) {
			var carried = new HashMap<Long, BigDecimal>();
			jdbc.query("select agreement_id, sum(debit_usd - credit_usd) from journal_line where account_code in ("
					+ accounts + ") and accounting_date <= ? group by agreement_id", (ResultSet rs) -> {
						carried.put(JournalQueries.nullableLong(rs, "agreement_id"), rs.getBigDecimal(2));
					}, date);
			return carried;
		}

		/** The balances the journal keeps per agreement and account are the sums of their lines. */
		void checkAgreementTotals() {
			var query = "select agreement_id, account_code, sum(debit_usd), sum(credit_usd) from %s "
					+ "where agreement_id is not null group by agreement_id, account_code";
			var kept = new TreeMap<String, String>();
			var summed = new TreeMap<String, String>();
			jdbc.query(query.formatted("journal_agreement_total"), (ResultSet rs) -> {
				kept.put(rs.getLong(1) + " " + rs.getString(2), rs.getBigDecimal(3).setScale(2) + "/" + rs.getBigDecimal(4).setScale(2));
			});
			jdbc.query(query.formatted("journal_line"), (ResultSet rs) -> {
				summed.put(rs.getLong(1) + " " + rs.getString(2), rs.getBigDecimal(3).setScale(2) + "/" + rs.getBigDecimal(4).setScale(2));
			});
			check(kept.equals(summed), () -> "the agreement totals kept are not the sums of the lines: kept " + kept
					+ ", lines " + summed);
			// And per year and kind of event (V48), as the reports of a year read them; with the receipts' own.
			var keptYears = jdbc.queryForList("select book_year, agreement_id, account_code, source_type, debit_usd, "
					+ "credit_usd from journal_agreement_year order by 1, 2, 3, 4");
			var summedYears = jdbc.queryForList("select year(accounting_date) as book_year, agreement_id, account_code, "
					+ "source_type, sum(debit_usd) as debit_usd, sum(credit_usd) as credit_usd from journal_line "
					+ "where agreement_id is not null group by 1, 2, 3, 4 order by 1, 2, 3, 4");
			check(keptYears.equals(summedYears), () -> "the agreement years kept are not the sums of the lines: kept "
					+ keptYears + ", lines " + summedYears);
			var keptReceipts = jdbc.queryForList("select book_year, agreement_id, agreement_amount from "
					+ "receipt_agreement_year order by 1, 2");
			var summedReceipts = jdbc.queryForList("select year(received_on) as book_year, agreement_id, "
					+ "sum(agreement_amount) as agreement_amount from receipt group by 1, 2 order by 1, 2");
			check(keptReceipts.equals(summedReceipts), () -> "the receipts kept per agreement and year are not the sums "
					+ "of the receipts: kept " + keptReceipts + ", receipts " + summedReceipts);
		}

		/** Everything, every so many steps and at the end. */
		void fullCheck() {
			rebuildCumulative();
			checkTrialBalance();
			checkAgreementTotals();
			var verified = verification.verify();
			check(verified.intact() && verified.entries() == entryCount,
					() -> "the journal does not verify: " + verified + " (" + entryCount + " entries read)");
			var rows = jdbc.queryForList("select id, fingerprint, snapshot from period_close where reopened_at is null");
			for (var row : rows) {
				var close = closes.get(((Number) row.get("id")).longValue());
				check(close != null, () -> "an active close the walk did not make: " + row.get("id"));
				var snapshot = (String) row.get("snapshot");
				check(snapshot.equals(close.snapshot()), () -> close.label() + ": the stored snapshot changed");
				check(CanonicalForm.sha256(snapshot).equals(row.get("fingerprint")),
						() -> close.label() + ": the stored snapshot does not hash to its fingerprint");
				var servedStatement = probe.servedFundStatement(close.start(), close.end());
				check(servedStatement.equals(close.servedFundStatement()),
						() -> close.label() + ": the fund statement served now differs from the one served at close:\n  then "
								+ close.servedFundStatement() + "\n  now  " + servedStatement);
				var servedStatus = probe.servedStatusOfContributions(close.start(), close.end());
				check(servedStatus.equals(close.servedStatus()), () -> close.label()
						+ ": the status of contributions served now differs from the one served at close");
				recheck(close);
			}
			for (var end = START.withDayOfMonth(START.lengthOfMonth()); end.isBefore(cursor) && end.isBefore(TODAY);
					end = YearMonth.from(end).plusMonths(1).atEndOfMonth()) {
				monthEndChecks++;
				checkCarriedOn(end);
			}
			for (var periodEnd : revalued.keySet()) {
				checkRevalued(periodEnd);
			}
			checkCarriedReceivables(agreementsById.keySet());
			if (!monthly.isEmpty()) {
				for (var month = YearMonth.from(START); !month.isAfter(YearMonth.from(cursor)); month = month.plusMonths(1)) {
					checkMonth(month);
				}
				var statement = probe.fundStatement(START, TODAY);
				var ledger = probe.ledgerSums(START, TODAY);
				for (var line : ledger.entrySet()) {
					check(same(statement.get(line.getKey()), line.getValue()),
							() -> "the fund statement's " + line.getKey() + " since " + START + " is "
									+ statement.get(line.getKey()) + ", its ledger lines add up to " + line.getValue());
				}
			}
		}

	}

}
