package org.tafund.books;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the journal: one entry, a page of entries, the trial balance of a period and sums by
 * account, segment and dimension, straight from the tables with named-parameter SQL, for the
 * reports to be built on.
 */
@Service
@Transactional(readOnly = true)
public class JournalQueries {

	/** The accounts of the chart, as seeded. */
	public record AccountView(Account account, String name, Account.Kind kind, int position) {
	}

	/** The fund segments, as seeded. */
	public record SegmentView(Segment segment, String name, int position) {
	}

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final JdbcClient jdbc;

	private final JournalEntries entries;

	JournalQueries(DataSource dataSource, JournalEntries entries) {
		this.jdbc = JdbcClient.create(dataSource);
		this.entries = entries;
	}

	/** A posted entry with its lines; {@link JournalEntryNotFound} (404) when there is none. */
	public JournalEntryView entry(long id) {
		return entries.findWithLines(id).map(JournalEntry::view).orElseThrow(() -> new JournalEntryNotFound(id));
	}

	/** The entry that recorded an event, if it has been posted. */
	public Optional<JournalEntryView> entryBySource(SourceType type, long sourceId) {
		return entries.findBySource(type, sourceId).map(JournalEntry::view);
	}

	/**
	 * The latest entries, newest first, with their lines: up to {@code size} entries with an id
	 * below {@code beforeId} (null: the latest). Pass the last id of a page to get the next one.
	 */
	public List<JournalEntryView> latest(Long beforeId, int size) {
		int limit = Math.max(1, Math.min(size, 200));
		var heads = jdbc.sql("SELECT id, accounting_date, period, posted_at, posted_by, source_type, source_id, "
				+ "description, prev_hash, hash FROM journal_entry WHERE id < :before ORDER BY id DESC LIMIT " + limit)
			.param("before", beforeId == null ? Long.MAX_VALUE : beforeId)
			.query(JournalQueries::entryRow)
			.list();
		if (heads.isEmpty()) {
			return List.of();
		}
		var lines = new LinkedHashMap<Long, List<JournalEntryView.Line>>();
		jdbc.sql("SELECT entry_id, line_no, account_code, segment_code, debit_usd, credit_usd, original_amount, currency, "
				+ "rate, rate_date, donor_id, donor_type, agreement_id, funding_window, earmark, project_id, activity_id, "
				+ "budget_category FROM journal_line WHERE entry_id IN (:ids) ORDER BY entry_id, line_no")
			.param("ids", heads.stream().map(JournalEntryView::id).toList())
			.query((ResultSet rs) -> {
				// Called once per row, in order.
				lines.computeIfAbsent(rs.getLong("entry_id"), id -> new ArrayList<>()).add(lineRow(rs));
			});
		return heads.stream()
			.map(e -> new JournalEntryView(e.id(), e.accountingDate(), e.period(), e.postedAt(), e.postedBy(),
					e.sourceType(), e.sourceId(), e.description(), e.prevHash(), e.hash(),
					lines.getOrDefault(e.id(), List.of())))
			.toList();
	}

	/** How many entries the journal holds. */
	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM journal_entry").query(Long.class).single();
	}

	/**
	 * The trial balance of the period {@code [from, to]}: per account and segment with any line
	 * dated on or before {@code to}, in the order of the chart and of the segments.
	 */
	public TrialBalance trialBalance(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new org.tafund.shared.BusinessRuleViolation("period.endsBeforeStart", from, to);
		}
		var before = accountSums(null, from.minusDays(1));
		var during = accountSums(from, to);
		var keys = new java.util.TreeSet<AccountSegment>(before.keySet());
		keys.addAll(during.keySet());
		var rows = keys.stream().map(key -> {
			var open = before.getOrDefault(key, new BigDecimal[] { ZERO, ZERO });
			var period = during.getOrDefault(key, new BigDecimal[] { ZERO, ZERO });
			var opening = open[0].subtract(open[1]);
			return new TrialBalance.Row(key.account(), key.account().kind(), key.segment(), opening, period[0], period[1],
					opening.add(period[0]).subtract(period[1]));
		}).toList();
		return TrialBalance.of(from, to, rows);
	}

	/**
	 * What one account holds for one agreement today, debits less credits, for the postings of each
	 * money event: one primary-key lookup of the totals the journal keeps per agreement (V23), however
	 * long the agreement's history.
	 */
	@Transactional(readOnly = true)
	public BigDecimal agreementBalance(long agreementId, Account account) {
		return JournalWriter.agreementBalance(jdbc, "journal_agreement_total", agreementId, account);
	}

	/**
	 * One line of an agreement's entries with what identifies its entry: for callers that replay
	 * an agreement's events against what was posted for each.
	 */
	public record AgreementLine(long entryId, LocalDate accountingDate, java.time.Instant postedAt,
			SourceType sourceType, long sourceId, Account account, Segment segment, BigDecimal debitUsd,
			BigDecimal creditUsd) {

		/** Debits less credits. */
		public BigDecimal net() {
			return debitUsd.subtract(creditUsd);
		}

	}

	/** Every line that names the agreement, in the order of their entries (an agreement has tens, not thousands). */
	public List<AgreementLine> agreementLines(long agreementId) {
		return jdbc.sql("SELECT e.id, e.accounting_date, e.posted_at, e.source_type, e.source_id, l.account_code, "
				+ "l.segment_code, l.debit_usd, l.credit_usd FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id "
				+ "WHERE l.agreement_id = :agreement ORDER BY e.accounting_date, e.id, l.line_no")
			.param("agreement", agreementId)
			.query((rs, n) -> new AgreementLine(rs.getLong("id"), rs.getObject("accounting_date", LocalDate.class),
					rs.getObject("posted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
					SourceType.valueOf(rs.getString("source_type")), rs.getLong("source_id"),
					Account.valueOf(rs.getString("account_code")), Segment.valueOf(rs.getString("segment_code")),
					amount(rs.getBigDecimal("debit_usd")), amount(rs.getBigDecimal("credit_usd"))))
			.list();
	}

	/** Sums of debits and credits per account and segment (and group) over the query's lines. */
	public List<Balance> sums(BalanceQuery query) {
		if (query.where().isEmpty() && query.groupBy() == null) {
			return accountSums(query.from(), query.to()).entrySet()
				.stream()
				.filter(e -> query.accounts().isEmpty() || query.accounts().contains(e.getKey().account()))
				.filter(e -> query.segments().isEmpty() || query.segments().contains(e.getKey().segment()))
				.map(e -> new Balance(e.getKey().account(), e.getKey().segment(), null, e.getValue()[0], e.getValue()[1]))
				.toList();
		}
		var sql = new StringBuilder("SELECT account_code, segment_code");
		var group = query.groupBy();
		if (group != null) {
			sql.append(", ").append(group.column()).append(" AS grp");
		}
		sql.append(", SUM(debit_usd) AS debits, SUM(credit_usd) AS credits FROM journal_line WHERE accounting_date <= :to");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("to", query.to());
		if (query.from() != null) {
			sql.append(" AND accounting_date >= :from");
			params.put("from", query.from());
		}
		if (!query.accounts().isEmpty()) {
			sql.append(" AND account_code IN (:accounts)");
			params.put("accounts", query.accounts().stream().map(Account::code).toList());
		}
		if (!query.segments().isEmpty()) {
			sql.append(" AND segment_code IN (:segments)");
			params.put("segments", query.segments().stream().map(Segment::code).toList());
		}
		int i = 0;
		for (var condition : query.where().entrySet()) {
			var column = condition.getKey().column();
			if (condition.getValue() == null) {
				sql.append(" AND ").append(column).append(" IS NULL");
			}
			else {
				var name = "w" + i++;
				sql.append(" AND ").append(column).append(" = :").append(name);
				params.put(name, condition.getValue() instanceof Enum<?> e ? e.name() : condition.getValue());
			}
		}
		sql.append(" GROUP BY account_code, segment_code");
		if (group != null) {
			sql.append(", ").append(group.column());
		}
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Balance(Account.valueOf(rs.getString("account_code")),
					Segment.valueOf(rs.getString("segment_code")), group == null ? null : rs.getString("grp"),
					amount(rs.getBigDecimal("debits")), amount(rs.getBigDecimal("credits"))))
			.list()
			.stream()
			.sorted(Comparator.comparing(Balance::account)
				.thenComparing(Balance::segment)
				.thenComparing(Balance::group, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
	}

	private record AccountSegment(Account account, Segment segment) implements Comparable<AccountSegment> {

		@Override
		public int compareTo(AccountSegment other) {
			int byAccount = account.compareTo(other.account);
			return byAccount != 0 ? byAccount : segment.compareTo(other.segment);
		}

	}

	/**
	 * Debits and credits per account and segment of the lines dated {@code [from, to]} ({@code from}
	 * null: since the first line), in the order of the chart, by {@link MonthSplit}. A key is present
	 * when any line is, even if its sums are nil.
	 */
	private java.util.SortedMap<AccountSegment, BigDecimal[]> accountSums(LocalDate from, LocalDate to) {
		var sums = new java.util.TreeMap<AccountSegment, BigDecimal[]>();
		var split = MonthSplit.of(from, to);
		if (split.hasMonths()) {
			var months = jdbc.sql("SELECT account_code, segment_code, SUM(debit_usd), SUM(credit_usd) FROM journal_month_total "
					+ "WHERE " + split.monthCondition() + " GROUP BY account_code, segment_code")
				.param("lastMonth", split.lastMonth());
			if (split.firstMonth() != null) {
				months = months.param("firstMonth", split.firstMonth());
			}
			months.query((ResultSet rs) -> {
				add(sums, rs);
			});
		}
		for (var days : split.days()) {
			addLines(sums, days.from(), days.to());
		}
		return sums;
	}

	private void addLines(java.util.SortedMap<AccountSegment, BigDecimal[]> sums, LocalDate from, LocalDate to) {
		jdbc.sql("SELECT account_code, segment_code, SUM(debit_usd), SUM(credit_usd) FROM journal_line "
				+ "WHERE accounting_date BETWEEN :from AND :to GROUP BY account_code, segment_code")
			.param("from", from)
			.param("to", to)
			.query((ResultSet rs) -> {
				add(sums, rs);
			});
	}

	private static void add(java.util.SortedMap<AccountSegment, BigDecimal[]> sums, ResultSet rs) throws SQLException {
		var key = new AccountSegment(Account.valueOf(rs.getString(1)), Segment.valueOf(rs.getString(2)));
		var both = sums.computeIfAbsent(key, k -> new BigDecimal[] { ZERO, ZERO });
		both[0] = both[0].add(amount(rs.getBigDecimal(3)));
		both[1] = both[1].add(amount(rs.getBigDecimal(4)));
	}

	public List<AccountView> accounts() {
		return jdbc.sql("SELECT code, name, kind, position FROM ledger_account ORDER BY position, code")
			.query((rs, n) -> new AccountView(Account.valueOf(rs.getString("code")), rs.getString("name"),
					Account.Kind.valueOf(rs.getString("kind")), rs.getInt("position")))
			.list();
	}

	public List<SegmentView> segments() {
		return jdbc.sql("SELECT code, name, position FROM fund_segment ORDER BY position, code")
			.query((rs, n) -> new SegmentView(Segment.valueOf(rs.getString("code")), rs.getString("name"),
					rs.getInt("position")))
			.list();
	}

	private static BigDecimal amount(BigDecimal value) {
		return value == null ? ZERO : value.setScale(2);
	}

	static JournalEntryView entryRow(ResultSet rs, int row) throws SQLException {
		return new JournalEntryView(rs.getLong("id"), rs.getObject("accounting_date", LocalDate.class),
				rs.getString("period"), rs.getObject("posted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
				rs.getString("posted_by"), SourceType.valueOf(rs.getString("source_type")), rs.getLong("source_id"),
				rs.getString("description"), rs.getString("prev_hash"), rs.getString("hash"), List.of());
	}

	static JournalEntryView.Line lineRow(ResultSet rs) throws SQLException {
		return new JournalEntryView.Line(rs.getInt("line_no"), Account.valueOf(rs.getString("account_code")),
				Segment.valueOf(rs.getString("segment_code")), rs.getBigDecimal("debit_usd"),
				rs.getBigDecimal("credit_usd"), rs.getBigDecimal("original_amount"), rs.getString("currency"),
				rs.getBigDecimal("rate"), rs.getObject("rate_date", LocalDate.class),
				new Dimensions(nullableLong(rs, "donor_id"), rs.getString("donor_type"), nullableLong(rs, "agreement_id"),
						rs.getString("funding_window"), rs.getString("earmark"), nullableLong(rs, "project_id"),
						nullableLong(rs, "activity_id"), rs.getString("budget_category")));
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
