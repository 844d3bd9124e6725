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

/**
 * Every money movement of a period, straight from the tables: the raw export finance reconciles
 * in a spreadsheet. Rows stream through a callback with a JDBC fetch size, so an export of a
 * million lines holds one row at a time.
 */
@Component
class Ledger {

	static final int FETCH_SIZE = 1000;

	// Amounts keep their stored precision; the USD column carries the sign of the movement.
	static final String MOVEMENTS = """
			select a.signed_on as entry_date, 'AGREEMENT' as entry_type, d.name as donor, a.reference as agreement,
			       null as project, a.funding_window as funding_window, a.conditional_terms as conditional_terms,
			       a.total_amount as amount, a.currency as currency,
			       a.recognition_rate as rate, a.recognition_rate_date as rate_date, a.recognised_usd as usd,
			       a.reference as reference, a.created_by as recorded_by, a.created_at as recorded_at, a.id as row_id,
			       d.id as donor_id, d.donor_type as donor_type, null as project_id
			  from agreement a join donor d on d.id = a.donor_id
			 where a.signed_on is not null and a.cancelled_on is null and a.signed_on between ? and ?
			union all
			select r.received_on, case when r.reversal_of is null then 'RECEIPT' else 'REVERSAL' end, d.name, a.reference,
			       null, a.funding_window, a.conditional_terms, r.amount, r.currency, r.rate, r.rate_date, r.usd_amount, r.bank_reference, r.created_by,
			       r.created_at, r.id, d.id, d.donor_type, null
			  from receipt r join agreement a on a.id = r.agreement_id join donor d on d.id = a.donor_id
			 where r.received_on between ? and ?
			union all
			select f.refunded_on, 'REFUND', d.name, a.reference, null, a.funding_window, a.conditional_terms, -f.amount, f.currency, f.rate, f.rate_date,
			       -f.usd_amount, f.reason, f.created_by, f.created_at, f.id, d.id, d.donor_type, null
			  from refund f join agreement a on a.id = f.agreement_id join donor d on d.id = a.donor_id
			 where f.refunded_on between ? and ?
			union all
			select run.period_end, 'REVALUATION', d.name, a.reference, null, a.funding_window, a.conditional_terms,
			       l.outstanding, l.currency, l.period_end_rate,
			       l.rate_date, l.booked_usd, null, run.created_by, run.created_at, l.id, d.id, d.donor_type, null
			  from revaluation_line l join revaluation_run run on run.id = l.run_id
			  join agreement a on a.id = l.agreement_id join donor d on d.id = a.donor_id
			 where run.period_end between ? and ?
			union all
			select al.allocated_on, 'ALLOCATION', d.name, a.reference, p.code, a.funding_window, a.conditional_terms,
			       al.amount_usd, 'USD', 1, al.allocated_on,
			       al.amount_usd, null, al.created_by, al.created_at, al.id, d.id, d.donor_type, p.id
			  from allocation al join agreement a on a.id = al.agreement_id join donor d on d.id = a.donor_id
			  join project p on p.id = al.project_id
			 where al.allocated_on between ? and ?
			union all
			select e.spent_on, 'EXPENDITURE', null, null, p.code, null, null, -e.amount, e.currency, e.rate, e.rate_date, -e.usd_amount,
			       e.reference, e.created_by, e.created_at, e.id, null, null, p.id
			  from expenditure e join project p on p.id = e.project_id
			 where e.spent_on between ? and ?
			union all
			select e.spent_on, 'PSC', null, null, p.code, null, null, -e.psc_usd, 'USD', 1, e.spent_on, -e.psc_usd, e.reference,
			       e.created_by, e.created_at, e.id, null, null, p.id
			  from expenditure e join project p on p.id = e.project_id
			 where e.spent_on between ? and ?""";

	static final String SQL = "select * from (" + MOVEMENTS + ") ledger where 1 = 1";

	static final String ORDER = " order by entry_date, entry_type, row_id";

	static final String TOTALS = "select entry_type, sum(usd) from (" + MOVEMENTS + ") ledger where 1 = 1";

	private final JdbcTemplate jdbc;

	Ledger(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
	}

	@Transactional(readOnly = true)
	void stream(LocalDate from, LocalDate to, Consumer<LedgerLine> sink) {
		stream(ReportFilter.period(from, to), null, sink);
	}

	/** The lines of a period narrowed by the filters, and by one kind of movement when {@code type} is set. */
	@Transactional(readOnly = true)
	void stream(ReportFilter filter, String type, Consumer<LedgerLine> sink) {
		for (var part : parts(filter)) {
			var where = where(part, type);
			jdbc.query(SQL + where.text() + ORDER, rs -> {
				sink.accept(LedgerLine.of(rs));
			}, params(part, where));
		}
	}

	/**
	 * The period in two parts: the first calendar month that has movements, then the rest. The
	 * first part is small, so its lines leave within a second; the rest is one query, because one
	 * sort of it costs less than a query per month (measured on the generated volume: a query per
	 * month took twice as long as one sort). The parts come in date order, so the whole stays in
	 * ledger order.
	 */
	private List<ReportFilter> parts(ReportFilter filter) {
		var period = new Object[24];
		for (int i = 0; i < 24; i += 2) {
			period[i] = java.sql.Date.valueOf(filter.from());
			period[i + 1] = java.sql.Date.valueOf(filter.to());
		}
		var bounds = jdbc.queryForList(BOUNDS, java.sql.Date.class, period);
		var first = bounds.stream().filter(java.util.Objects::nonNull).map(java.sql.Date::toLocalDate).min(
				LocalDate::compareTo);
		var last = bounds.stream().filter(java.util.Objects::nonNull).map(java.sql.Date::toLocalDate).max(
				LocalDate::compareTo);
		var parts = new ArrayList<ReportFilter>();
		if (first.isEmpty()) {
			return parts;
		}
		var endOfFirstMonth = first.get().withDayOfMonth(first.get().lengthOfMonth());
		if (!endOfFirstMonth.isBefore(last.get())) {
			parts.add(within(filter, first.get(), last.get()));
		}
		else {
			parts.add(within(filter, first.get(), endOfFirstMonth));
			parts.add(within(filter, endOfFirstMonth.plusDays(1), last.get()));
		}
		return parts;
	}

	private static ReportFilter within(ReportFilter filter, LocalDate from, LocalDate to) {
		return new ReportFilter(from, to, filter.window(), filter.donorId(), filter.donorType(), filter.projectId(),
				filter.theme(), filter.region(), filter.country(), filter.classification());
	}

	// The first and last date of each kind of movement in the period, each answered from an index.
	static final String BOUNDS = """
			select min(signed_on) from agreement where signed_on between ? and ?
			union all select max(signed_on) from agreement where signed_on between ? and ?
			union all select min(received_on) from receipt where received_on between ? and ?
			union all select max(received_on) from receipt where received_on between ? and ?
			union all select min(refunded_on) from refund where refunded_on between ? and ?
			union all select max(refunded_on) from refund where refunded_on between ? and ?
			union all select min(period_end) from revaluation_run where period_end between ? and ?
			union all select max(period_end) from revaluation_run where period_end between ? and ?
			union all select min(allocated_on) from allocation where allocated_on between ? and ?
			union all select max(allocated_on) from allocation where allocated_on between ? and ?
			union all select min(spent_on) from expenditure where spent_on between ? and ?
			union all select max(spent_on) from expenditure where spent_on between ? and ?""";

	Map<String, BigDecimal> totals(LocalDate from, LocalDate to) {
		return totals(ReportFilter.period(from, to), null);
	}

	/** USD per movement type, summed in the database: the figures the ledger page shows above its lines. */
	@Transactional(readOnly = true)
	Map<String, BigDecimal> totals(ReportFilter filter, String type) {
		var totals = new TreeMap<String, BigDecimal>();
		var where = where(filter, type);
		jdbc.query(TOTALS + where.text() + " group by entry_type", rs -> {
			totals.put(rs.getString(1), rs.getBigDecimal(2));
		}, params(filter, where));
		return totals;
	}

	List<LedgerLine> first(LocalDate from, LocalDate to, int limit) {
		return first(ReportFilter.period(from, to), null, limit);
	}

	@Transactional(readOnly = true)
	List<LedgerLine> first(ReportFilter filter, String type, int limit) {
		var lines = new ArrayList<LedgerLine>();
		for (var part : parts(filter)) {
			if (lines.size() >= limit) {
				break;
			}
			var where = where(part, type);
			jdbc.query(SQL + where.text() + ORDER + " limit " + (limit - lines.size()), rs -> {
				lines.add(LedgerLine.of(rs));
			}, params(part, where));
		}
		return lines;
	}

	// Donor filters keep the donor side (agreements, receipts, refunds, revaluations, allocations);
	// a project filter keeps the project side (allocations, expenditure, PSC).
	private static Sql.Where where(ReportFilter filter, String type) {
		// REVENUE is what the fund statement counts as contributions recognised.
		boolean revenue = "REVENUE".equals(type);
		return Sql.where()
			.and(revenue, """
					((entry_type = 'AGREEMENT' and conditional_terms = false)
					 or (entry_type in ('RECEIPT', 'REVERSAL') and conditional_terms = true))""")
			.and(type != null && !type.isBlank() && !revenue, "entry_type = ?", type)
			.and(filter.window() != null, "funding_window = ?", filter.window())
			.and(filter.donorId() != null, "donor_id = ?", filter.donorId())
			.and(filter.donorType() != null, "donor_type = ?", filter.donorType())
			.and(filter.projectId() != null, "project_id = ?", filter.projectId());
	}

	private static Object[] params(ReportFilter filter, Sql.Where where) {
		var args = new ArrayList<Object>();
		for (int i = 0; i < 7; i++) {
			args.add(java.sql.Date.valueOf(filter.from()));
			args.add(java.sql.Date.valueOf(filter.to()));
		}
		args.addAll(where.params());
		return args.toArray();
	}

}
