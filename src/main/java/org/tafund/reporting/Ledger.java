package org.tafund.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.books.Account;

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
			 where l.accounting_date between ? and ?""";

	static final String ORDER = " order by l.accounting_date, l.id";

	private final JdbcTemplate jdbc;

	Ledger(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
	}

	@Transactional(readOnly = true)
	void stream(LocalDate from, LocalDate to, Consumer<LedgerLine> sink) {
		stream(ReportFilter.period(from, to), null, sink);
	}

	/**
	 * The lines of a period narrowed by the filters, and to the accounts of {@code type} when set (a
	 * fund statement line's key, CASH, RECEIVABLE or an account code).
	 */
	@Transactional(readOnly = true)
	void stream(ReportFilter filter, String type, Consumer<LedgerLine> sink) {
		var where = where(filter, type);
		jdbc.query(SQL + where.text() + ORDER, rs -> {
			sink.accept(LedgerLine.of(rs));
		}, params(filter, where));
	}

	Map<String, BigDecimal> totals(LocalDate from, LocalDate to) {
		return totals(ReportFilter.period(from, to), null);
	}

	/** What the lines do to the Fund, per account, summed in the database: the page shows them above the lines. */
	@Transactional(readOnly = true)
	Map<String, BigDecimal> totals(ReportFilter filter, String type) {
		var totals = new TreeMap<String, BigDecimal>();
		var where = where(filter, type);
		jdbc.query("select l.account_code, sum(l.debit_usd), sum(l.credit_usd) from journal_line l where "
				+ "l.accounting_date between ? and ?" + where.text() + " group by l.account_code", rs -> {
					var account = Account.valueOf(rs.getString(1));
					totals.put(account.code(), LedgerLine.effect(account, rs.getBigDecimal(2), rs.getBigDecimal(3)));
				}, params(filter, where));
		return totals;
	}

	List<LedgerLine> first(LocalDate from, LocalDate to, int limit) {
		return first(ReportFilter.period(from, to), null, limit);
	}

	@Transactional(readOnly = true)
	List<LedgerLine> first(ReportFilter filter, String type, int limit) {
		var lines = new ArrayList<LedgerLine>();
		var where = where(filter, type);
		jdbc.query(SQL + where.text() + ORDER + " limit " + limit, rs -> {
			lines.add(LedgerLine.of(rs));
		}, params(filter, where));
		return lines;
	}

	private static Sql.Where where(ReportFilter filter, String type) {
		var accounts = Movement.accountsFor(type);
		var where = Sql.where();
		if (!accounts.isEmpty()) {
			where.and("l.account_code in (" + String.join(", ", accounts.stream().map(a -> "?").toList()) + ")",
					accounts.stream().map(Account::code).toArray());
		}
		return where.and(filter.window() != null, "l.funding_window = ?", filter.window())
			.and(filter.donorId() != null, "l.donor_id = ?", filter.donorId())
			.and(filter.donorType() != null, "l.donor_type = ?", filter.donorType())
			.and(filter.projectId() != null, "l.project_id = ?", filter.projectId());
	}

	private static Object[] params(ReportFilter filter, Sql.Where where) {
		var args = new ArrayList<Object>();
		args.add(java.sql.Date.valueOf(filter.from()));
		args.add(java.sql.Date.valueOf(filter.to()));
		args.addAll(where.params());
		return args.toArray();
	}

}
