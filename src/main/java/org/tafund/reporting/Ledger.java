package org.tafund.reporting;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;


import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.books.Account;
import org.tafund.books.MonthSplit;

/**
 * The journal's lines of a period, with the names of what they concern: the raw export finance
 * reconciles in a spreadsheet, and the lines behind every figure of the fund statement. Rows
 * stream through a callback with a JDBC fetch size in the order of the index on (accounting date,
 * id), so an export of a million lines holds one row at a time and its first line leaves at once.
 */
@Component
class Ledger {

	static final int FETCH_SIZE = 1000;

	static final String SQL = """
			select l.accounting_date, l.entry_id, e.source_type, l.account_code, l.segment_code, l.debit_usd,
			       l.credit_usd, l.original_amount, l.currency, l.rate, l.rate_date, d.name as donor,
			       a.reference as agreement, p.code as project, l.funding_window, e.description, e.posted_by,
			       e.posted_at
			  from journal_line l join journal_entry e on e.id = l.entry_id
			  left join donor d on d.id = l.donor_id
			  left join agreement a on a.id = l.agreement_id
			  left join project p on p.id = l.project_id
			 where l.accounting_date between :from and :to""";

	static final String ORDER = " order by l.accounting_date, l.id";

	/**
	 * On MariaDB and MySQL, the lines of a period with no other filter are read in the order of
	 * {@code ix_journal_line_ledger} (V18: accounting date, id and every column shown), which is the
	 * order of the ledger: rows leave as they are read. Over a long period the optimizer would
	 * otherwise read every entry and sort the whole result (5.3 million lines of the volume data:
	 * 80 s before the first row).
	 */
	static final String DATE_ORDER_HINT = "from journal_line l force index (ix_journal_line_ledger) join";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	// Asked of the database at the first ledger, not at startup: a reports replica that is away
	// must not keep the application from starting.
	private volatile Boolean indexHints;

	Ledger(ReportsDatabase reports) {
		// The fetch size of the template is that of every statement of the client made from it.
		this.template = new JdbcTemplate(reports.dataSource());
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
	}

	private boolean indexHints() {
		var hints = indexHints;
		if (hints == null) {
			hints = Boolean.TRUE.equals(template.execute((java.sql.Connection c) -> {
				var product = c.getMetaData().getDatabaseProductName();
				return product.equals("MariaDB") || product.equals("MySQL");
			}));
			indexHints = hints;
		}
		return hints;
	}

	/**
	 * The query of {@link #SQL} in the ledger's order, read in the date index's order when only the
	 * period and the window filter it (an account's lines, perhaps a few hundred over years, are
	 * better found through the account's index and sorted). Even for
	 * the first 200 lines of a year the optimizer otherwise reads every entry and sorts (13 s on the
	 * volume data).
	 */
	private String ordered(ReportFilter filter, String type, Sql.Where where) {
		var sql = SQL + where.text() + ORDER;
		return indexHints() && lineFiltersOnly(filter) && Movement.accountsFor(type).isEmpty()
				? sql.replace("from journal_line l join", DATE_ORDER_HINT) : sql;
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	void stream(LocalDate from, LocalDate to, Consumer<LedgerLine> sink) {
		stream(ReportFilter.period(from, to), null, sink);
	}

	/**
	 * The lines of a period narrowed by the filters, and to the accounts of {@code type} when set (a
	 * fund statement line's key, CASH, RECEIVABLE or an account code).
	 */
	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	void stream(ReportFilter filter, String type, Consumer<LedgerLine> sink) {
		var where = where(filter, type);
		jdbc.sql(ordered(filter, type, where)).params(params(filter, where)).query(rs -> {
			sink.accept(LedgerLine.of(rs));
		});
	}

	/**
	 * The lines as CSV records, in the columns of {@code ReportController.LEDGER_COLUMNS}, read by
	 * column index and written as the driver hands them over: dates and decimals are already in
	 * their CSV form (ISO dates, plain decimals), the entry id and recorded-at instant are read and
	 * formatted once per entry (MariaDB's driver parses and formats a DATETIME for each getString),
	 * and {@code usd} is the debit or the credit with its sign. The same text as the rows of
	 * {@link #stream} through {@link Exports#csvCell}. A database error part-way propagates, so the
	 * response is cut off rather than ended as if complete.
	 */
	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	void csv(ReportFilter filter, String type, Exports.Voice voice, Exports.CsvOut csv) {
		var where = where(filter, type);
		var row = new CsvRow(csv, voice);
		jdbc.sql(ordered(filter, type, where)).params(params(filter, where)).query((java.sql.ResultSet rs) -> {
			try {
				row.write(rs);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	/** Writes one result row of {@link #SQL} as a CSV record, keeping what repeats from row to row. */
	private static final class CsvRow {

		private final Exports.CsvOut csv;

		private final Map<String, Boolean> assets = new java.util.HashMap<>();

		private long entry = -1;

		private String entryText;

		private String postedAt;

		private final Exports.Voice voice;

		// Labels of the few codes a ledger holds (sources, accounts, segments, windows), looked up once each.
		private final Map<String, String> labels = new java.util.HashMap<>();

		private final Map<String, Integer> digits = new java.util.HashMap<>();

		CsvRow(Exports.CsvOut csv, Exports.Voice voice) {
			this.csv = csv;
			this.voice = voice;
		}

		private String label(String prefix, String code) {
			if (code == null || voice.codes()) {
				return code;
			}
			return labels.computeIfAbsent(prefix + code,
					key -> voice.messages().getMessage(key, null, code, voice.locale()));
		}

		/** The original amount at its currency's precision: the column's trailing zeros cut, never a digit. */
		private String amount(String value, String currency) {
			if (value == null || currency == null) {
				return value;
			}
			int places = digits.computeIfAbsent(currency, c -> {
				try {
					return org.tafund.shared.Money.digits(c);
				}
				catch (RuntimeException notIso) {
					return -1;
				}
			});
			int point = value.indexOf('.');
			if (places < 0 || point < 0) {
				return value;
			}
			int keep = places == 0 ? point : point + 1 + places;
			for (int i = keep; i < value.length(); i++) {
				if (value.charAt(i) != '0') {
					return Exports.amount(new BigDecimal(value), currency).toPlainString();
				}
			}
			return value.length() <= keep ? value : value.substring(0, keep);
		}

		/** A rate as published: the column's trailing zeros cut. */
		private static String rate(String value) {
			if (value == null || value.indexOf('.') < 0) {
				return value;
			}
			int end = value.length();
			while (value.charAt(end - 1) == '0') {
				end--;
			}
			if (value.charAt(end - 1) == '.') {
				end--;
			}
			return value.substring(0, end);
		}

		void write(java.sql.ResultSet rs) throws SQLException, java.io.IOException {
			var account = rs.getString(4);
			var debit = decimal(rs.getString(6));
			var credit = decimal(rs.getString(7));
			long entryId = rs.getLong(2);
			if (entryId != entry) {
				// The entry's own fields are the same on each of its lines, which come one after another.
				entry = entryId;
				entryText = Long.toString(entryId);
				var at = rs.getTimestamp(18);
				// As LedgerLine reads it: the timestamp, as an instant in ISO form.
				postedAt = at == null ? null : at.toInstant().toString();
			}
			var currency = rs.getString(9);
			csv.cell(rs.getString(1));
			csv.cell(entryText);
			csv.text(label("source.", rs.getString(3)));
			csv.text(label("account.", account));
			csv.text(label("segment.", rs.getString(5)));
			csv.cell(debit);
			csv.cell(credit);
			csv.cell(usd(account, debit, credit));
			csv.text(rs.getString(12));
			csv.text(rs.getString(13));
			csv.text(rs.getString(14));
			csv.text(label("window.", rs.getString(15)));
			csv.cell(amount(decimal(rs.getString(8)), currency));
			csv.text(currency);
			csv.cell(rate(decimal(rs.getString(10))));
			csv.cell(rs.getString(11));
			var description = rs.getString(16);
			csv.text(voice.codes() ? description : LedgerLine.readable(description));
			csv.text(rs.getString(17));
			csv.cell(postedAt);
			csv.end();
		}

		/** What the line does to the Fund, as {@link LedgerLine#effect}: one side of a line is always zero. */
		private String usd(String account, String debit, String credit) {
			boolean asset = assets.computeIfAbsent(account, a -> Account.valueOf(a).kind() == Account.Kind.ASSET);
			var plus = asset ? debit : credit;
			var minus = asset ? credit : debit;
			if (zero(minus)) {
				return plus;
			}
			if (zero(plus)) {
				return "-" + minus;
			}
			return new BigDecimal(plus).subtract(new BigDecimal(minus)).toPlainString();
		}

		private static boolean zero(String decimal) {
			for (int i = 0; i < decimal.length(); i++) {
				char c = decimal.charAt(i);
				if (c != '0' && c != '.') {
					return false;
				}
			}
			return true;
		}

		/** A decimal in plain notation, as BigDecimal.toPlainString (the driver's text already is, but for an exponent). */
		private static String decimal(String value) {
			if (value == null) {
				return null;
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == 'E' || c == 'e') {
					return new BigDecimal(value).toPlainString();
				}
			}
			return value;
		}

	}

	Map<String, BigDecimal> totals(LocalDate from, LocalDate to) {
		return totals(ReportFilter.period(from, to), null);
	}

	/**
	 * What the lines do to the Fund, per account, summed in the database: the page shows them above
	 * the lines. Filtered by account and funding window alone, the whole months come from the
	 * journal's monthly totals ({@link MonthSplit}); a donor or project filter sums its lines.
	 */
	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	Map<String, BigDecimal> totals(ReportFilter filter, String type) {
		var sums = new TreeMap<String, BigDecimal[]>();
		var where = where(filter, type);
		var split = lineFiltersOnly(filter) ? MonthSplit.of(filter.from(), filter.to())
				: new MonthSplit(null, null, List.of(new MonthSplit.Days(filter.from(), filter.to())));
		if (split.hasMonths()) {
			// Without a donor, donor type or project, the conditions are the account's and the window's,
			// columns the monthly totals share with the lines.
			add(sums, jdbc.sql("select l.account_code, sum(l.debit_usd), sum(l.credit_usd) from journal_month_total l where "
					+ split.monthCondition() + where.text() + " group by l.account_code")
				.params(where.params())
				.param("firstMonth", split.firstMonth() == null ? "" : split.firstMonth())
				.param("lastMonth", split.lastMonth()));
		}
		for (var days : split.days()) {
			var params = new java.util.HashMap<String, Object>(where.params());
			params.put("from", java.sql.Date.valueOf(days.from()));
			params.put("to", java.sql.Date.valueOf(days.to()));
			add(sums, jdbc.sql("select l.account_code, sum(l.debit_usd), sum(l.credit_usd) from journal_line l where "
					+ "l.accounting_date between :from and :to" + where.text() + " group by l.account_code")
				.params(params));
		}
		var totals = new TreeMap<String, BigDecimal>();
		sums.forEach((code, both) -> totals.put(code, LedgerLine.effect(Account.valueOf(code), both[0], both[1])));
		return totals;
	}

	private static void add(Map<String, BigDecimal[]> sums, JdbcClient.StatementSpec query) {
		query.query((java.sql.ResultSet rs) -> {
			var both = sums.computeIfAbsent(rs.getString(1), code -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			both[0] = both[0].add(rs.getBigDecimal(2));
			both[1] = both[1].add(rs.getBigDecimal(3));
		});
	}

	/** Whether only the account and the funding window narrow the lines: both are columns of the monthly totals and of the ledger index. */
	private static boolean lineFiltersOnly(ReportFilter filter) {
		return filter.donorId() == null && filter.donorType() == null && filter.projectId() == null;
	}

	List<LedgerLine> first(LocalDate from, LocalDate to, int limit) {
		return first(ReportFilter.period(from, to), null, limit);
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	List<LedgerLine> first(ReportFilter filter, String type, int limit) {
		var lines = new ArrayList<LedgerLine>();
		var where = where(filter, type);
		jdbc.sql(ordered(filter, type, where) + " limit " + limit).params(params(filter, where)).query(rs -> {
			lines.add(LedgerLine.of(rs));
		});
		return lines;
	}

	private static Sql.Where where(ReportFilter filter, String type) {
		var accounts = Movement.accountsFor(type);
		var where = Sql.where();
		if (!accounts.isEmpty()) {
			where.and("l.account_code in (:accounts)", "accounts", accounts.stream().map(Account::code).toList());
		}
		return where.and(filter.window() != null, "l.funding_window = :window", "window", filter.window())
			// A donor's lines include those posted under a duplicate merged into it (the journal keeps their donor).
			.and(filter.donorId() != null,
					"l.donor_id in (select m.id from donor m where m.id = :donorId or m.merged_into = :donorId)", "donorId",
					filter.donorId())
			.and(filter.donorType() != null, "l.donor_type = :donorType", "donorType", filter.donorType())
			.and(filter.projectId() != null, "l.project_id = :projectId", "projectId", filter.projectId());
	}

	private static Map<String, Object> params(ReportFilter filter, Sql.Where where) {
		var params = new java.util.HashMap<String, Object>(where.params());
		params.put("from", java.sql.Date.valueOf(filter.from()));
		params.put("to", java.sql.Date.valueOf(filter.to()));
		return params;
	}

}
