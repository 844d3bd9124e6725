package org.tafund.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund statement of a period, aggregated in SQL: opening balance, contributions recognised
 * (unconditional agreements at signature, conditional ones as cash is received), refunds,
 * exchange gains and losses, expenditure and PSC, closing balance. The opening balance is the
 * same sums over everything before the period, so the closing balance of one period is the
 * opening balance of the next.
 */
@Component
class FundStatement {

	static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

	/** One line of the statement; {@code key} names it for pages, exports and tests. */
	record Line(String key, BigDecimal usd) {
	}

	/**
	 * The statement and its memo: cash received and allocations made in the period; at the period
	 * end, what donors still owe on unconditional agreements (at book value: recognised, less cash
	 * received, plus exchange differences), and the closing balance split into what is allocated to
	 * projects and not yet spent, and what is not allocated.
	 */
	record Statement(LocalDate from, LocalDate to, BigDecimal opening, List<Line> movements, BigDecimal closing,
			List<WindowIncome> incomeByWindow, BigDecimal cashReceived, BigDecimal allocated,
			BigDecimal receivables, BigDecimal allocatedBalance, BigDecimal unallocatedBalance) {
	}

	/**
	 * The income side of the period for one funding window: contributions recognised, refunds and
	 * exchange differences, each traced to its agreement's window. Expenditure and PSC are not
	 * split: a project pools allocations from agreements of several windows.
	 */
	record WindowIncome(String window, BigDecimal contributions, BigDecimal refunds, BigDecimal exchange) {

		public BigDecimal net() {
			return contributions.add(refunds).add(exchange);
		}

	}

	private final JdbcClient jdbc;

	FundStatement(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Transactional(readOnly = true)
	Statement of(LocalDate from, LocalDate to) {
		var opening = movements(BEGINNING, from.minusDays(1)).stream().map(Line::usd).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		var movements = movements(from, to);
		var closing = movements.stream().map(Line::usd).reduce(opening, BigDecimal::add);
		var receivables = sum("""
				select coalesce(sum(recognised_usd), 0) from agreement
				where signed_on between ? and ? and cancelled_on is null and conditional_terms = false""", BEGINNING, to)
			.subtract(sum("""
					select coalesce(sum(r.usd_amount), 0) from receipt r join agreement a on a.id = r.agreement_id
					where r.received_on between ? and ? and a.conditional_terms = false and a.cancelled_on is null""",
					BEGINNING, to))
			.add(sum("""
					select coalesce(sum(l.gain_loss_usd), 0) from revaluation_line l
					join revaluation_run r on r.id = l.run_id where r.period_end between ? and ?""", BEGINNING, to));
		var allocatedBalance = sum("select coalesce(sum(amount_usd), 0) from allocation where allocated_on between ? and ?",
				BEGINNING, to)
			.subtract(sum("select coalesce(sum(usd_amount + psc_usd), 0) from expenditure where spent_on between ? and ?",
					BEGINNING, to));
		return new Statement(from, to, opening, movements, closing, incomeByWindow(from, to),
				sum("select coalesce(sum(usd_amount), 0) from receipt where received_on between ? and ?", from, to),
				sum("select coalesce(sum(amount_usd), 0) from allocation where allocated_on between ? and ?", from, to),
				receivables, allocatedBalance, closing.subtract(allocatedBalance));
	}

	private List<Line> movements(LocalDate from, LocalDate to) {
		var lines = new ArrayList<Line>();
		lines.add(new Line("contributions", revenue(from, to)));
		lines.add(new Line("refunds",
				sum("select coalesce(-sum(usd_amount), 0) from refund where refunded_on between ? and ?", from, to)));
		lines.add(new Line("exchange", sum("""
				select coalesce(sum(l.gain_loss_usd), 0) from revaluation_line l
				join revaluation_run r on r.id = l.run_id where r.period_end between ? and ?""", from, to)));
		lines.add(new Line("expenditure",
				sum("select coalesce(-sum(usd_amount), 0) from expenditure where spent_on between ? and ?", from, to)));
		lines.add(new Line("psc",
				sum("select coalesce(-sum(psc_usd), 0) from expenditure where spent_on between ? and ?", from, to)));
		return lines;
	}

	private BigDecimal revenue(LocalDate from, LocalDate to) {
		return sum("""
				select coalesce(sum(recognised_usd), 0) from agreement
				where signed_on between ? and ? and cancelled_on is null and conditional_terms = false""", from, to)
			.add(sum("""
					select coalesce(sum(r.usd_amount), 0) from receipt r join agreement a on a.id = r.agreement_id
					where a.conditional_terms = true and r.received_on between ? and ?""", from, to));
	}

	private List<WindowIncome> incomeByWindow(LocalDate from, LocalDate to) {
		var revenue = byWindow("""
				select w, sum(usd) from (
				  select funding_window as w, recognised_usd as usd from agreement
				  where signed_on between ? and ? and cancelled_on is null and conditional_terms = false
				  union all
				  select a.funding_window, r.usd_amount from receipt r join agreement a on a.id = r.agreement_id
				  where a.conditional_terms = true and r.received_on between ? and ?
				) t group by w""", from, to, from, to);
		var refunds = byWindow("""
				select a.funding_window, -sum(f.usd_amount) from refund f join agreement a on a.id = f.agreement_id
				where f.refunded_on between ? and ? group by a.funding_window""", from, to);
		var exchange = byWindow("""
				select a.funding_window, sum(l.gain_loss_usd) from revaluation_line l
				join revaluation_run r on r.id = l.run_id join agreement a on a.id = l.agreement_id
				where r.period_end between ? and ? group by a.funding_window""", from, to);
		var windows = new java.util.TreeSet<String>();
		windows.addAll(revenue.keySet());
		windows.addAll(refunds.keySet());
		windows.addAll(exchange.keySet());
		return windows.stream()
			.map(w -> new WindowIncome(w, revenue.getOrDefault(w, BigDecimal.ZERO), refunds.getOrDefault(w, BigDecimal.ZERO),
					exchange.getOrDefault(w, BigDecimal.ZERO)))
			.toList();
	}

	private Map<String, BigDecimal> byWindow(String sql, Object... params) {
		var byWindow = new LinkedHashMap<String, BigDecimal>();
		jdbc.sql(sql).params(params).query((rs, n) -> byWindow.put(rs.getString(1), rs.getBigDecimal(2))).list();
		return byWindow;
	}

	private BigDecimal sum(String sql, LocalDate from, LocalDate to) {
		return jdbc.sql(sql).params(from, to).query(BigDecimal.class).single();
	}

}
