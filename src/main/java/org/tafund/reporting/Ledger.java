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
			       a.reference as reference, a.created_by as recorded_by, a.created_at as recorded_at, a.id as row_id
			  from agreement a join donor d on d.id = a.donor_id
			 where a.signed_on is not null and a.cancelled_on is null and a.signed_on between ? and ?
			union all
			select r.received_on, case when r.reversal_of is null then 'RECEIPT' else 'REVERSAL' end, d.name, a.reference,
			       null, a.funding_window, a.conditional_terms, r.amount, r.currency, r.rate, r.rate_date, r.usd_amount, r.bank_reference, r.created_by,
			       r.created_at, r.id
			  from receipt r join agreement a on a.id = r.agreement_id join donor d on d.id = a.donor_id
			 where r.received_on between ? and ?
			union all
			select f.refunded_on, 'REFUND', d.name, a.reference, null, a.funding_window, a.conditional_terms, -f.amount, f.currency, f.rate, f.rate_date,
			       -f.usd_amount, f.reason, f.created_by, f.created_at, f.id
			  from refund f join agreement a on a.id = f.agreement_id join donor d on d.id = a.donor_id
			 where f.refunded_on between ? and ?
			union all
			select run.period_end, 'REVALUATION', d.name, a.reference, null, a.funding_window, a.conditional_terms,
			       l.outstanding, l.currency, l.period_end_rate,
			       l.rate_date, l.gain_loss_usd, null, run.created_by, run.created_at, l.id
			  from revaluation_line l join revaluation_run run on run.id = l.run_id
			  join agreement a on a.id = l.agreement_id join donor d on d.id = a.donor_id
			 where run.period_end between ? and ?
			union all
			select al.allocated_on, 'ALLOCATION', d.name, a.reference, p.code, a.funding_window, a.conditional_terms,
			       al.amount_usd, 'USD', 1, al.allocated_on,
			       al.amount_usd, null, al.created_by, al.created_at, al.id
			  from allocation al join agreement a on a.id = al.agreement_id join donor d on d.id = a.donor_id
			  join project p on p.id = al.project_id
			 where al.allocated_on between ? and ?
			union all
			select e.spent_on, 'EXPENDITURE', null, null, p.code, null, null, -e.amount, e.currency, e.rate, e.rate_date, -e.usd_amount,
			       e.reference, e.created_by, e.created_at, e.id
			  from expenditure e join project p on p.id = e.project_id
			 where e.spent_on between ? and ?
			union all
			select e.spent_on, 'PSC', null, null, p.code, null, null, -e.psc_usd, 'USD', 1, e.spent_on, -e.psc_usd, e.reference,
			       e.created_by, e.created_at, e.id
			  from expenditure e join project p on p.id = e.project_id
			 where e.spent_on between ? and ?""";

	static final String SQL = "select * from (" + MOVEMENTS + ") ledger order by entry_date, entry_type, row_id";

	static final String TOTALS = "select entry_type, sum(usd) from (" + MOVEMENTS + ") ledger group by entry_type";

	private final JdbcTemplate jdbc;

	Ledger(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
	}

	@Transactional(readOnly = true)
	void stream(LocalDate from, LocalDate to, Consumer<LedgerLine> sink) {
		jdbc.query(SQL, rs -> {
			sink.accept(LedgerLine.of(rs));
		}, params(from, to));
	}

	/** USD per movement type, summed in the database: the figures the ledger page shows above its lines. */
	@Transactional(readOnly = true)
	Map<String, BigDecimal> totals(LocalDate from, LocalDate to) {
		var totals = new TreeMap<String, BigDecimal>();
		jdbc.query(TOTALS, rs -> {
			totals.put(rs.getString(1), rs.getBigDecimal(2));
		}, params(from, to));
		return totals;
	}

	@Transactional(readOnly = true)
	List<LedgerLine> first(LocalDate from, LocalDate to, int limit) {
		var lines = new ArrayList<LedgerLine>();
		jdbc.query(SQL + " limit " + limit, rs -> {
			lines.add(LedgerLine.of(rs));
		}, params(from, to));
		return lines;
	}

	private static Object[] params(LocalDate from, LocalDate to) {
		var args = new Object[14];
		for (int i = 0; i < 14; i += 2) {
			args[i] = java.sql.Date.valueOf(from);
			args[i + 1] = java.sql.Date.valueOf(to);
		}
		return args;
	}

}
