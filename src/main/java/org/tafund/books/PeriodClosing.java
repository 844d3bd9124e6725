package org.tafund.books;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.Submitted;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Text;

/**
 * Closes months and years, and reopens them.
 *
 * <p>Rules: a period can be closed once it has ended; a month (or a year) can only be closed when
 * every earlier month that has entries is closed, so that no late entry can change the opening
 * balance of a closed period; a year close covers all its months; a date is closed while an
 * active close covers it. Reopening is for administrators, with a reason, and audited, and goes
 * backwards: the latest close first, since a later period's opening balance is an earlier one's
 * closing; closing again afterwards is a new close.
 *
 * <p>At close, the trial balance of the period and the figures of every {@link PeriodReport} bean
 * are stored as canonical JSON with their SHA-256 (the fingerprint); they are returned byte for
 * byte afterwards, whatever is posted later.
 */
@Service
@Transactional
public class PeriodClosing {

	private final PeriodCloses closes;

	private final ClosedPeriods closedPeriods;

	private final List<PeriodReport> reports;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BooksMakerChecker makerChecker;

	PeriodClosing(PeriodCloses closes, ClosedPeriods closedPeriods, List<PeriodReport> reports, DataSource dataSource,
			Clock clock, BooksMakerChecker makerChecker) {
		this.makerChecker = makerChecker;
		this.closes = closes;
		this.closedPeriods = closedPeriods;
		this.reports = List.copyOf(reports);
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
		var names = new HashSet<String>();
		for (var report : reports) {
			if (!names.add(report.name())) {
				throw new IllegalStateException("Two period reports are named " + report.name());
			}
		}
	}

	/** Closes a month that has ended, storing its reports; refused while an earlier month with entries is open. */
	public PeriodCloseView closeMonth(YearMonth month) {
		return close(PeriodKind.MONTH, month.atDay(1), month.atEndOfMonth());
	}

	/** Closes a year that has ended (all its months), storing its reports. */
	public PeriodCloseView closeYear(int year) {
		var y = Year.of(requireYear(year));
		return close(PeriodKind.YEAR, y.atDay(1), y.atMonth(12).atEndOfMonth());
	}

	/**
	 * A close as a user asks for it (a month, else a year): done, or pending a second person's
	 * approval when an administrator has put period closes under maker-checker. The period must have
	 * ended; the rest is checked when it is closed.
	 */
	public Submitted<PeriodCloseView> submitClose(YearMonth month, Integer year) {
		var start = month != null ? month.atDay(1) : Year.of(requireYear(year)).atDay(1);
		var kind = month != null ? PeriodKind.MONTH : PeriodKind.YEAR;
		var end = month != null ? month.atEndOfMonth() : Year.of(year).atMonth(12).atEndOfMonth();
		if (!end.isBefore(LocalDate.now(clock))) {
			throw new BusinessRuleViolation("period.notEnded", ClosedPeriods.label(kind, start), end.plusDays(1));
		}
		// The close's lock first, before anything is read (see close): reading the approval policy would
		// otherwise fix this transaction's snapshot before an entry committed meanwhile.
		lockChain();
		var label = month != null ? month.toString() : String.valueOf(year);
		var held = makerChecker.holdIfRequired(ApprovalAction.PERIOD_CLOSE, "PERIOD", null, label,
				org.tafund.shared.Summary.of("approval.summary.close", month != null ? month : label),
				null, label, new BooksMakerChecker.CloseAsked(month, month != null ? null : year));
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		return Submitted.bookedAs(month != null ? closeMonth(month) : closeYear(year));
	}

	/**
	 * A reopening as an administrator asks for it: done, or pending another administrator's
	 * approval when reopenings are under maker-checker. The reason and the close are checked first.
	 */
	@PreAuthorize("@access.administers()")
	public Submitted<PeriodCloseView> submitReopen(long id, String reason) {
		var why = Text.bounded(reason, 500, "reason");
		if (why == null) {
			throw new BusinessRuleViolation("period.reopen.reasonRequired");
		}
		// As reopen: the chain's lock before anything is read.
		lockChain();
		var close = closes.findById(id).orElseThrow(() -> new PeriodCloseNotFound(id));
		var label = ClosedPeriods.label(close.getKind(), close.getPeriodStart());
		if (close.isReopened()) {
			throw new BusinessRuleViolation("period.alreadyReopened", label);
		}
		var period = close.getKind() == PeriodKind.MONTH ? YearMonth.from(close.getPeriodStart()).toString()
				: String.valueOf(close.getPeriodStart().getYear());
		var held = makerChecker.holdIfRequired(ApprovalAction.PERIOD_REOPEN, "PERIOD", id, period,
				org.tafund.shared.Summary.of("approval.summary.reopen",
						close.getKind() == PeriodKind.MONTH ? YearMonth.from(close.getPeriodStart()) : period, why), null, String.valueOf(id),
				new BooksMakerChecker.ReopenAsked(id, why));
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		return Submitted.bookedAs(reopen(id, why));
	}

	/** Reopens a close: administrators only, with a reason (at most 500 characters). */
	@PreAuthorize("@access.administers()")
	public PeriodCloseView reopen(long id, String reason) {
		var why = Text.bounded(reason, 500, "reason");
		if (why == null) {
			throw new BusinessRuleViolation("period.reopen.reasonRequired");
		}
		lockChain();
		var close = closes.findById(id).orElseThrow(() -> new PeriodCloseNotFound(id));
		if (close.isReopened()) {
			throw new BusinessRuleViolation("period.alreadyReopened",
					ClosedPeriods.label(close.getKind(), close.getPeriodStart()));
		}
		// A later close (or a wider one around it) took this period's closing balance as its opening:
		// reopening underneath it would let entries change figures that period stored.
		closedPeriods.activeEndingOnOrAfter(close.getPeriodEnd(), true)
			.stream()
			.filter(other -> other.id() != close.getId())
			.filter(other -> other.end().isAfter(close.getPeriodEnd()) || other.start().isBefore(close.getPeriodStart()))
			.max(java.util.Comparator.comparing(ClosedPeriods.Cover::end))
			.ifPresent(later -> {
				throw new BusinessRuleViolation("period.reopen.laterClosed",
						ClosedPeriods.label(close.getKind(), close.getPeriodStart()),
						ClosedPeriods.label(later.kind(), later.start()));
			});
		close.reopen(CanonicalForm.stored(clock.instant()), Actors.current(), why);
		return closes.save(close).view();
	}

	private static int requireYear(Integer year) {
		if (year == null || year < 1000 || year > 9999) {
			throw new BusinessRuleViolation("period.year.invalid", String.valueOf(year));
		}
		return year;
	}

	@Transactional(readOnly = true)
	public List<PeriodCloseView> list(Pageable page) {
		return closes.views(page);
	}

	@Transactional(readOnly = true)
	public PeriodCloseView get(long id) {
		return closes.findById(id).map(PeriodClose::view).orElseThrow(() -> new PeriodCloseNotFound(id));
	}

	/** The canonical JSON stored at close, exactly as stored. */
	@Transactional(readOnly = true)
	public String snapshot(long id) {
		return jdbc.sql("SELECT snapshot FROM period_close WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new PeriodCloseNotFound(id));
	}

	/** The earliest month before {@code date} that has entries and is not closed, if any. */
	@Transactional(readOnly = true)
	public Optional<YearMonth> firstOpenMonthWithEntriesBefore(LocalDate date) {
		var first = jdbc.sql("SELECT MIN(accounting_date) FROM journal_entry").query(LocalDate.class).optional();
		if (first.isEmpty() || first.get() == null || !first.get().isBefore(date)) {
			return Optional.empty();
		}
		var cursor = first.get();
		for (var close : closedPeriods.activeEndingOnOrAfter(cursor)) {
			if (!cursor.isBefore(date)) {
				return Optional.empty();
			}
			if (close.start().isAfter(cursor)) {
				var gapEnd = min(close.start().minusDays(1), date.minusDays(1));
				var found = firstEntryBetween(cursor, gapEnd);
				if (found.isPresent()) {
					return found;
				}
			}
			if (!close.end().isBefore(cursor)) {
				cursor = close.end().plusDays(1);
			}
		}
		return cursor.isBefore(date) ? firstEntryBetween(cursor, date.minusDays(1)) : Optional.empty();
	}

	/**
	 * The active close of exactly {@code [from, to]} (a month or a year), if there is one: reports of
	 * that period are served from what it stored.
	 */
	@Transactional(readOnly = true)
	public Optional<PeriodCloseView> activeClose(LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT id FROM period_close WHERE period_start = :from AND period_end = :to "
				+ "AND reopened_at IS NULL ORDER BY id DESC")
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.list()
			.stream()
			.findFirst()
			.map(this::get);
	}

	/** One report's figures as stored at a close (canonical JSON of that report alone), if it stored them. */
	@Transactional(readOnly = true)
	public Optional<String> storedReport(long closeId, String name) {
		var node = CanonicalJson.read(snapshot(closeId)).path("reports").path(name);
		return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.toString());
	}

	/** The reports of a period as they would be stored if it were closed now (canonical JSON). */
	@Transactional(readOnly = true)
	public String currentFigures(PeriodKind kind, LocalDate from, LocalDate to) {
		return snapshotOf(kind, from, to);
	}

	private PeriodCloseView close(PeriodKind kind, LocalDate start, LocalDate end) {
		var today = LocalDate.now(clock);
		if (!end.isBefore(today)) {
			throw new BusinessRuleViolation("period.notEnded", ClosedPeriods.label(kind, start),
					end.plusDays(1).toString());
		}
		// Serialises with posting: no entry can slip into the period between the snapshot and the close.
		lockChain();
		var covering = closedPeriods.covering(start, true);
		if (covering.isPresent() && (kind == PeriodKind.MONTH || covering.get().kind() == PeriodKind.YEAR)) {
			var cover = covering.get();
			throw new BusinessRuleViolation("period.alreadyClosed", ClosedPeriods.label(cover.kind(), cover.start()),
					cover.closedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(), cover.closedBy());
		}
		var earlier = firstOpenMonthWithEntriesBefore(start);
		if (earlier.isPresent()) {
			throw new BusinessRuleViolation("period.earlierOpen", ClosedPeriods.label(kind, start),
					ClosedPeriods.label(PeriodKind.MONTH, earlier.get().atDay(1)));
		}
		var snapshot = snapshotOf(kind, start, end);
		var close = new PeriodClose(kind, start, end, CanonicalForm.stored(clock.instant()), Actors.current(), snapshot,
				CanonicalForm.sha256(snapshot));
		return closes.save(close).view();
	}

	private String snapshotOf(PeriodKind kind, LocalDate from, LocalDate to) {
		Map<String, Object> figures = new LinkedHashMap<>();
		for (var report : reports) {
			figures.put(report.name(), report.figures(from, to));
		}
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("kind", kind.name());
		snapshot.put("from", from);
		snapshot.put("to", to);
		snapshot.put("reports", figures);
		return CanonicalJson.write(snapshot);
	}

	private void lockChain() {
		jdbc.sql("SELECT last_hash FROM journal_chain_head WHERE id = 1 FOR UPDATE").query(String.class).single();
	}

	private Optional<YearMonth> firstEntryBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT MIN(accounting_date) FROM journal_entry WHERE accounting_date BETWEEN :from AND :to")
			.param("from", from)
			.param("to", to)
			.query(LocalDate.class)
			.optional()
			.map(YearMonth::from);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
