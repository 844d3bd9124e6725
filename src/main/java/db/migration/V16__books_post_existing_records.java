package db.migration;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tafund.books.EntryDraft;
import org.tafund.books.JournalEntryView;
import org.tafund.books.JournalWriter;
import org.tafund.books.Posting;
import org.tafund.books.SourceType;
import org.tafund.contributions.ContributionRules;
import org.tafund.contributions.ContributionRules.AgreementFacts;
import org.tafund.contributions.ContributionRules.AmendmentFacts;
import org.tafund.contributions.ContributionRules.ReceiptFacts;
import org.tafund.contributions.ContributionRules.RefundFacts;
import org.tafund.contributions.ContributionRules.RevaluedReceivable;
import org.tafund.contributions.ContributionRules.SignatureFacts;
import org.tafund.contributions.EarmarkKind;
import org.tafund.contributions.FundingWindow;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.ExpenditureRules;
import org.tafund.projects.ExpenditureRules.ExpenditureFacts;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;

/**
 * Posts the journal of every money record stored before the journal existed (V15), dated from
 * the records, through the posting rules the application uses ({@link ContributionRules},
 * {@link ExpenditureRules}) and {@link JournalWriter#postAll}, posted by {@code migration}. A
 * record that already has its entry (same source type and id) is left as it is, so the migration
 * is safe on a database where some events were posted by the application.
 *
 * <ul>
 * <li>Agreements one after the other (by id), each in the order of its dates: signature,
 * amendments, receipts and reversals, refunds, cancellation (on one day in that order, and by id
 * within a kind). The facts a rule needs of the moment (the agreement's total then, what had been
 * received before, the receivable carried) are kept as the agreement's events are posted. The
 * USD value recognised at signature comes from the stored {@code recognised_usd} when the
 * agreement was never amended; an amendment brings the receivable carried to what remains
 * outstanding under its new total, as the application does.</li>
 * <li>Revaluation runs by period end, each line with its <b>stored</b> {@code booked_usd}: history
 * is never recomputed.</li>
 * <li>Expenditure and its reversals, project by project in the order of their dates. The segment
 * is that of the allocations the project had when the line was recorded ({@code created_at}), or
 * of all its allocations if none was recorded before it.</li>
 * </ul>
 *
 * It runs in Flyway's transaction: all of it is posted, or nothing. A record dated in a closed
 * period stops it, naming the record and the period: reopen the period, then start again.
 */
public class V16__books_post_existing_records extends BaseJavaMigration {

	static final String BY = "migration";

	static final int AGREEMENTS_PER_READ = 500;

	static final int PROJECTS_PER_READ = 200;

	/** Entries handed to {@link JournalWriter#postAll} at a time. */
	static final int ENTRIES_PER_POST = 2000;

	@Override
	public void migrate(Context context) throws Exception {
		var dataSource = new SingleConnectionDataSource(context.getConnection(), true);
		int entries = new Backfill(new JdbcTemplate(dataSource), JournalWriter.on(dataSource), Instant.now()).run();
		LoggerFactory.getLogger(V16__books_post_existing_records.class)
			.info("Posted {} journal entries for the records stored before the journal", entries);
	}

	/** The records of one run of the migration, read a slice at a time and posted in batches. */
	static final class Backfill {

		private final JdbcTemplate jdbc;

		private final JournalWriter writer;

		private final Instant postedAt;

		private final Map<SourceType, Set<Long>> posted = new EnumMap<>(SourceType.class);

		private final List<EntryDraft> pending = new ArrayList<>();

		private final List<LocalDate[]> closes = new ArrayList<>();

		private Map<Long, String> donorTypes;

		private int entries;

		Backfill(JdbcTemplate jdbc, JournalWriter writer, Instant postedAt) {
			this.jdbc = jdbc;
			this.writer = writer;
			this.postedAt = postedAt;
		}

		/** Posts what has no entry yet; returns how many entries it posted. */
		int run() {
			for (var type : SourceType.values()) {
				posted.put(type, writer.postedIds(type));
			}
			jdbc.query("SELECT period_start, period_end FROM period_close WHERE reopened_at IS NULL",
					(ResultSet rs) -> {
						closes.add(new LocalDate[] { date(rs, "period_start"), date(rs, "period_end") });
					});
			donorTypes = new HashMap<>();
			jdbc.query("SELECT id, donor_type FROM donor",
					(ResultSet rs) -> {
						donorTypes.put(rs.getLong(1), rs.getString(2));
					});
			agreements();
			revaluationRuns();
			expenditure();
			flush();
			return entries;
		}

		// Agreements ----------------------------------------------------------------------------

		record AgreementRow(AgreementFacts facts, String currency, Money total, LocalDate signedOn,
				BigDecimal recognisedUsd, LocalDate rateDate, LocalDate cancelledOn) {
		}

		record AmendmentRow(long id, LocalDate amendedOn, String reason, BigDecimal previousTotal,
				BigDecimal newTotal) {
		}

		record ReceiptRow(long id, LocalDate receivedOn, BigDecimal amount, String currency, BigDecimal rate,
				LocalDate rateDate, BigDecimal usd, BigDecimal agreementAmount, String bankReference, Long reversalOf,
				String reason) {
		}

		record RefundRow(long id, LocalDate refundedOn, BigDecimal amount, String currency, BigDecimal rate,
				LocalDate rateDate, BigDecimal usd, String reason) {
		}

		/** An event of an agreement, in the order it is posted: by date, then kind, then id. */
		record Event(LocalDate date, int rank, SourceType type, long id, Object row) {
		}

		/** What an agreement's rules need of the moment, kept as its events are posted. */
		static final class Moment {

			Money total;

			Money received;

			BigDecimal carried = BigDecimal.ZERO.setScale(2);

			final Map<Long, List<Posting>> receipts = new HashMap<>();

			Moment(Money total) {
				this.total = total;
				this.received = Money.zero(total.currency());
			}

			/** After an event: the new total, what has been received, the receivable carried. */
			void after(Event event, List<Posting> lines) {
				if (event.row() instanceof AmendmentRow m) {
					total = Money.of(m.newTotal(), total.currency());
				}
				if (event.row() instanceof ReceiptRow r) {
					received = received.plus(Money.of(r.agreementAmount(), total.currency()));
					if (event.type() == SourceType.RECEIPT) {
						receipts.put(r.id(), lines);
					}
				}
				carried = carried.add(ContributionRules.receivableChange(lines));
			}

		}

		private void agreements() {
			long after = 0;
			while (true) {
				var rows = jdbc.query("SELECT id, reference, donor_id, currency, total_amount, funding_window, "
						+ "earmark_kind, earmark_target, conditional_terms, signed_on, recognised_usd, recognition_rate, "
						+ "recognition_rate_date, cancelled_on FROM agreement WHERE signed_on IS NOT NULL AND id > ? "
						+ "ORDER BY id LIMIT " + AGREEMENTS_PER_READ, (rs, n) -> agreement(rs), after);
				if (rows.isEmpty()) {
					return;
				}
				long first = rows.get(0).facts().id();
				long last = rows.get(rows.size() - 1).facts().id();
				var amendments = new HashMap<Long, List<AmendmentRow>>();
				jdbc.query("SELECT id, agreement_id, amended_on, reason, previous_total, new_total FROM amendment "
						+ "WHERE agreement_id BETWEEN ? AND ? ORDER BY id", (ResultSet rs) -> {
							amendments.computeIfAbsent(rs.getLong("agreement_id"), id -> new ArrayList<>())
								.add(new AmendmentRow(rs.getLong("id"), date(rs, "amended_on"), rs.getString("reason"),
										rs.getBigDecimal("previous_total"), rs.getBigDecimal("new_total")));
						}, first, last);
				var receipts = new HashMap<Long, List<ReceiptRow>>();
				jdbc.query("SELECT id, agreement_id, received_on, amount, currency, rate, rate_date, usd_amount, "
						+ "agreement_amount, bank_reference, reversal_of, reason FROM receipt "
						+ "WHERE agreement_id BETWEEN ? AND ?", (ResultSet rs) -> {
							receipts.computeIfAbsent(rs.getLong("agreement_id"), id -> new ArrayList<>())
								.add(new ReceiptRow(rs.getLong("id"), date(rs, "received_on"), rs.getBigDecimal("amount"),
										rs.getString("currency"), rs.getBigDecimal("rate"), date(rs, "rate_date"),
										rs.getBigDecimal("usd_amount"), rs.getBigDecimal("agreement_amount"),
										rs.getString("bank_reference"), nullableLong(rs, "reversal_of"),
										rs.getString("reason")));
						}, first, last);
				var refunds = new HashMap<Long, List<RefundRow>>();
				jdbc.query("SELECT id, agreement_id, refunded_on, amount, currency, rate, rate_date, usd_amount, reason "
						+ "FROM refund WHERE agreement_id BETWEEN ? AND ?", (ResultSet rs) -> {
							refunds.computeIfAbsent(rs.getLong("agreement_id"), id -> new ArrayList<>())
								.add(new RefundRow(rs.getLong("id"), date(rs, "refunded_on"), rs.getBigDecimal("amount"),
										rs.getString("currency"), rs.getBigDecimal("rate"), date(rs, "rate_date"),
										rs.getBigDecimal("usd_amount"), rs.getString("reason")));
						}, first, last);
				for (var row : rows) {
					long id = row.facts().id();
					agreement(row, amendments.getOrDefault(id, List.of()), receipts.getOrDefault(id, List.of()),
							refunds.getOrDefault(id, List.of()));
				}
				after = last;
			}
		}

		private AgreementRow agreement(ResultSet rs) throws SQLException {
			long id = rs.getLong("id");
			var reference = rs.getString("reference");
			var rate = rs.getBigDecimal("recognition_rate");
			if (rate == null) {
				throw new FlywayException("Agreement " + reference + " (id " + id + ") is signed but has no "
						+ "recognition rate: its journal entries cannot be posted.");
			}
			long donorId = rs.getLong("donor_id");
			var kind = rs.getString("earmark_kind");
			var facts = new AgreementFacts(id, reference, donorId, donorTypes.get(donorId),
					FundingWindow.valueOf(rs.getString("funding_window")), kind == null ? null : EarmarkKind.valueOf(kind),
					rs.getString("earmark_target"), rs.getBoolean("conditional_terms"), rate);
			var currency = rs.getString("currency");
			return new AgreementRow(facts, currency, Money.of(rs.getBigDecimal("total_amount"), currency),
					date(rs, "signed_on"), rs.getBigDecimal("recognised_usd"), date(rs, "recognition_rate_date"),
					date(rs, "cancelled_on"));
		}

		/** One agreement's events in date order, with the facts of each moment kept as they go. */
		private void agreement(AgreementRow agreement, List<AmendmentRow> amendments, List<ReceiptRow> receipts,
				List<RefundRow> refunds) {
			var id = agreement.facts().id();
			var events = new ArrayList<Event>();
			events.add(new Event(agreement.signedOn(), 0, SourceType.AGREEMENT_SIGNED, id, agreement));
			amendments.forEach(m -> events.add(new Event(m.amendedOn(), 1, SourceType.AMENDMENT, m.id(), m)));
			receipts.forEach(r -> events.add(new Event(r.receivedOn(), 2,
					r.reversalOf() == null ? SourceType.RECEIPT : SourceType.RECEIPT_REVERSAL, r.id(), r)));
			refunds.forEach(f -> events.add(new Event(f.refundedOn(), 3, SourceType.REFUND, f.id(), f)));
			if (agreement.cancelledOn() != null) {
				events.add(new Event(agreement.cancelledOn(), 4, SourceType.AGREEMENT_CANCELLED, id, null));
			}
			events.sort(Comparator.comparing(Event::date).thenComparingInt(Event::rank).thenComparingLong(Event::id));
			// Before its first amendment, the agreement's total was that amendment's previous total.
			var moment = new Moment(amendments.isEmpty() ? agreement.total()
					: Money.of(amendments.get(0).previousTotal(), agreement.currency()));
			for (var event : events) {
				List<Posting> lines;
				if (posted.get(event.type()).contains(event.id())) {
					// Posted by the application already: left as it is, but what it did still counts.
					lines = lines(event.type(), event.id(), "agreement " + agreement.facts().reference());
				}
				else {
					var entry = entry(agreement, amendments, event, moment);
					entry.ifPresent(this::post);
					lines = entry.map(EntryDraft::lines).orElse(List.of());
				}
				moment.after(event, lines);
			}
		}

		/** The entry of one event of an agreement, by the application's rules, from the facts of the moment. */
		private Optional<EntryDraft> entry(AgreementRow agreement, List<AmendmentRow> amendments, Event event,
				Moment moment) {
			var a = agreement.facts();
			var currency = agreement.currency();
			var rate = a.signatureRate();
			// The stored recognised value is the latest: the signature's when never amended, the last amendment's otherwise.
			var latest = agreement.recognisedUsd() == null ? agreement.total().toUsd(rate)
					: Money.rounded(agreement.recognisedUsd(), Money.USD);
			return switch (event.type()) {
				case AGREEMENT_SIGNED -> ContributionRules.signed(a, new SignatureFacts(agreement.signedOn(),
						moment.total, rate, agreement.rateDate(), amendments.isEmpty() ? latest : moment.total.toUsd(rate)));
				case AMENDMENT -> {
					var m = (AmendmentRow) event.row();
					var newTotal = Money.of(m.newTotal(), currency);
					yield ContributionRules.amended(a, new AmendmentFacts(m.id(), m.amendedOn(), m.reason(),
							newTotal.minus(moment.received.min(newTotal)), moment.carried));
				}
				case RECEIPT -> {
					var r = (ReceiptRow) event.row();
					yield Optional.of(ContributionRules.received(a, new ReceiptFacts(r.id(), r.receivedOn(),
							Money.of(r.amount(), r.currency()), r.rate(), r.rateDate(), Money.rounded(r.usd(), Money.USD),
							Money.of(r.agreementAmount(), currency), r.bankReference(), moment.total, moment.received,
							moment.carried)));
				}
				case RECEIPT_REVERSAL -> {
					var r = (ReceiptRow) event.row();
					var original = moment.receipts.get(r.reversalOf());
					if (original == null) {
						original = lines(SourceType.RECEIPT, r.reversalOf(), "receipt " + r.id());
					}
					// As the application posts it (ContributionPostings.reversed): the mirror of the receipt, and the
					// receivable brought to what is outstanding once it is undone.
					var receivedAfter = moment.received.plus(Money.of(r.agreementAmount(), currency));
					yield Optional.of(ContributionRules.reversed(a, r.id(), r.receivedOn(),
							r.reason() == null ? "reversal" : r.reason(), original,
							moment.total.minus(receivedAfter.min(moment.total)), moment.carried));
				}
				case REFUND -> {
					var f = (RefundRow) event.row();
					yield Optional.of(ContributionRules.refunded(a, new RefundFacts(f.id(), f.refundedOn(),
							Money.of(f.amount(), f.currency()), f.rate(), f.rateDate(), Money.rounded(f.usd(), Money.USD),
							f.reason())));
				}
				case AGREEMENT_CANCELLED -> ContributionRules.cancelled(a, agreement.cancelledOn(), moment.carried);
				default -> throw new IllegalStateException("Not an event of an agreement: " + event.type());
			};
		}

		// Revaluation runs ------------------------------------------------------------------------

		private void revaluationRuns() {
			var runs = jdbc.query("SELECT id, period_end FROM revaluation_run ORDER BY period_end, id",
					(rs, n) -> new Object[] { rs.getLong("id"), date(rs, "period_end") });
			for (var run : runs) {
				long runId = (Long) run[0];
				if (posted.get(SourceType.REVALUATION_RUN).contains(runId)) {
					continue;
				}
				var lines = jdbc.query("SELECT l.agreement_id, COALESCE(l.booked_usd, l.gain_loss_usd) AS booked, "
						+ "a.reference, a.donor_id, a.funding_window, a.earmark_kind, a.earmark_target, "
						+ "a.conditional_terms, a.recognition_rate FROM revaluation_line l "
						+ "JOIN agreement a ON a.id = l.agreement_id WHERE l.run_id = ? ORDER BY l.id", (rs, n) -> {
							long donorId = rs.getLong("donor_id");
							var kind = rs.getString("earmark_kind");
							var facts = new AgreementFacts(rs.getLong("agreement_id"), rs.getString("reference"), donorId,
									donorTypes.get(donorId), FundingWindow.valueOf(rs.getString("funding_window")),
									kind == null ? null : EarmarkKind.valueOf(kind), rs.getString("earmark_target"),
									rs.getBoolean("conditional_terms"), rs.getBigDecimal("recognition_rate"));
							return new RevaluedReceivable(facts, Money.rounded(rs.getBigDecimal("booked"), Money.USD)
								.amount());
						}, runId);
				ContributionRules.revalued(runId, (LocalDate) run[1], lines).ifPresent(this::post);
			}
		}

		// Expenditure --------------------------------------------------------------------------------

		record Funding(LocalDateTime recordedAt, FundingWindow window) {
		}

		private void expenditure() {
			long after = 0;
			while (true) {
				var projects = new java.util.LinkedHashMap<Long, String>();
				jdbc.query("SELECT id, code FROM project WHERE id > ? ORDER BY id LIMIT " + PROJECTS_PER_READ,
						(ResultSet rs) -> {
							projects.put(rs.getLong(1), rs.getString(2));
						}, after);
				if (projects.isEmpty()) {
					return;
				}
				long first = projects.keySet().iterator().next();
				long last = projects.keySet().stream().reduce((x, y) -> y).orElseThrow();
				var funding = new HashMap<Long, List<Funding>>();
				jdbc.query("SELECT l.project_id, l.created_at, a.funding_window FROM allocation l "
						+ "JOIN agreement a ON a.id = l.agreement_id WHERE l.project_id BETWEEN ? AND ?",
						(ResultSet rs) -> {
							funding.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
								.add(new Funding(rs.getObject(2, LocalDateTime.class),
										FundingWindow.valueOf(rs.getString(3))));
						}, first, last);
				var lines = jdbc.query("SELECT id, project_id, activity_id, spent_on, category, amount, currency, rate, "
						+ "rate_date, usd_amount, psc_usd, reference, reversal_of, reason, created_at FROM expenditure "
						+ "WHERE project_id BETWEEN ? AND ? ORDER BY project_id, spent_on, id", (rs, n) -> {
							return new ExpenditureRow(rs.getLong("id"), rs.getLong("project_id"),
									nullableLong(rs, "activity_id"),
									date(rs, "spent_on"), rs.getString("category"), rs.getBigDecimal("amount"),
									rs.getString("currency"), rs.getBigDecimal("rate"), date(rs, "rate_date"),
									rs.getBigDecimal("usd_amount"), rs.getBigDecimal("psc_usd"), rs.getString("reference"),
									nullableLong(rs, "reversal_of"), rs.getString("reason"),
									rs.getObject("created_at", LocalDateTime.class));
						}, first, last);
				var entries = new HashMap<Long, List<Posting>>();
				for (var line : lines) {
					expenditure(line, projects.get(line.projectId()), funding.getOrDefault(line.projectId(), List.of()),
							entries);
				}
				after = last;
			}
		}

		record ExpenditureRow(long id, long projectId, Long activityId, LocalDate spentOn, String category,
				BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate, BigDecimal usd, BigDecimal psc,
				String reference, Long reversalOf, String reason, LocalDateTime recordedAt) {
		}

		private void expenditure(ExpenditureRow line, String code, List<Funding> funding,
				Map<Long, List<Posting>> entries) {
			var type = line.reversalOf() != null ? SourceType.EXPENDITURE_REVERSAL : SourceType.EXPENDITURE;
			if (posted.get(type).contains(line.id())) {
				return;
			}
			EntryDraft entry;
			if (line.reversalOf() != null) {
				var original = entries.get(line.reversalOf());
				if (original == null) {
					original = lines(SourceType.EXPENDITURE, line.reversalOf(), "expenditure " + line.id());
				}
				entry = ExpenditureRules.reversed(code, line.id(), line.spentOn(),
						line.reason() == null ? "reversal" : line.reason(), original);
			}
			else {
				entry = ExpenditureRules.spent(new ExpenditureFacts(line.id(), line.projectId(), code, line.activityId(),
						line.spentOn(), BudgetCategory.valueOf(line.category()), Money.of(line.amount(), line.currency()),
						line.rate(), line.rateDate(), Money.rounded(line.usd(), Money.USD),
						Money.rounded(line.psc(), Money.USD), line.reference(), segment(funding, line.recordedAt())));
				entries.put(line.id(), entry.lines());
			}
			post(entry);
		}

		/** The allocations a project had when the line was recorded; all of them if none was recorded before it. */
		private static org.tafund.books.Segment segment(List<Funding> funding, LocalDateTime recordedAt) {
			var before = funding.stream()
				.filter(f -> recordedAt == null || f.recordedAt() == null || !f.recordedAt().isAfter(recordedAt))
				.map(Funding::window)
				.toList();
			return ExpenditureRules.segment(before.isEmpty() ? funding.stream().map(Funding::window).toList() : before);
		}

		// Posting ---------------------------------------------------------------------------------

		private void post(EntryDraft entry) {
			for (var close : closes) {
				if (!entry.accountingDate().isBefore(close[0]) && !entry.accountingDate().isAfter(close[1])) {
					throw new FlywayException("V16 posts the journal of the records stored before it, dated from the "
							+ "records, but " + entry.sourceType() + " " + entry.sourceId() + " (\"" + entry.description()
							+ "\") is dated " + entry.accountingDate() + ", in the period closed from " + close[0] + " to "
							+ close[1] + ". Reopen that period (Books, Periods), then start the application again.");
				}
			}
			pending.add(entry);
			if (pending.size() >= ENTRIES_PER_POST) {
				flush();
			}
		}

		private void flush() {
			if (pending.isEmpty()) {
				return;
			}
			try {
				entries += writer.postAll(pending, postedAt, BY);
			}
			catch (BusinessRuleViolation e) {
				throw new FlywayException("V16 could not post the journal of the records stored before it: "
						+ e.getMessage(), e);
			}
			pending.clear();
		}

		/** The lines of an entry posted before (by the application, or earlier in this run and flushed). */
		private List<Posting> lines(SourceType type, long sourceId, String wanted) {
			flush();
			return writer.posted(type, sourceId)
				.orElseThrow(() -> new FlywayException(
						"V16: " + wanted + " refers to " + type + " " + sourceId + ", which has no journal entry."))
				.lines()
				.stream()
				.map(JournalEntryView.Line::toPosting)
				.toList();
		}

		private static LocalDate date(ResultSet rs, String column) throws SQLException {
			return rs.getObject(column, LocalDate.class);
		}

		private static Long nullableLong(ResultSet rs, String column) throws SQLException {
			long value = rs.getLong(column);
			return rs.wasNull() ? null : value;
		}

	}

}
