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
import org.tafund.shared.Money;

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
	 * end, what donors still owe on unconditional agreements (at the UN rate of that day), and the
	 * closing balance split into what is allocated to projects and not yet spent, and what is not
	 * allocated.
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

	private final org.springframework.jdbc.core.JdbcTemplate template;

	private final java.util.concurrent.Executor executor;

	/** Every query on the caller's thread (tests that build a statement by hand). */
	FundStatement(DataSource dataSource) {
		this(dataSource, Runnable::run);
	}

	@org.springframework.beans.factory.annotation.Autowired
	FundStatement(DataSource dataSource,
			@org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") java.util.concurrent.Executor executor) {
		this.jdbc = JdbcClient.create(dataSource);
		this.template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		this.executor = executor;
	}

	@Transactional(readOnly = true)
	Statement of(LocalDate from, LocalDate to) {
		// The receivables scan every receipt up to the period end: on a connection of their own, in
		// parallel with the sums below, so that the statement of a year stays under a second.
		var receivables = java.util.concurrent.CompletableFuture.supplyAsync(() -> receivables(to), executor);
		var before = movements(BEGINNING, from.minusDays(1));
		var opening = before.stream().map(Line::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
		var movements = movements(from, to);
		var closing = movements.stream().map(Line::usd).reduce(opening, BigDecimal::add);
		// Spent to date is what was spent before the period and in it: the lines already summed.
		var spentToDate = BigDecimal.ZERO;
		for (var lines : List.of(before, movements)) {
			for (var line : lines) {
				if (line.key().equals("expenditure") || line.key().equals("psc")) {
					spentToDate = spentToDate.add(line.usd());
				}
			}
		}
		var allocatedBalance = sum("select coalesce(sum(amount_usd), 0) from allocation where allocated_on between ? and ?",
				BEGINNING, to)
			.add(spentToDate);
		return new Statement(from, to, opening, movements, closing, incomeByWindow(from, to),
				sum("select coalesce(sum(usd_amount), 0) from receipt where received_on between ? and ?", from, to),
				sum("select coalesce(sum(amount_usd), 0) from allocation where allocated_on between ? and ?", from, to),
				receivables.join(), allocatedBalance, closing.subtract(allocatedBalance));
	}

	/**
	 * What donors still owe at the period end on unconditional agreements that are neither
	 * cancelled nor closed: each agreement's outstanding amount at the UN rate of that day, as in the
	 * status of contributions. A currency without a rate on that day adds nothing.
	 */
	private BigDecimal receivables(LocalDate to) {
		var rates = StatusOfContributions.ratesOn(template, to);
		var total = new BigDecimal[] { BigDecimal.ZERO };
		template.query("""
				select a.currency, a.total_amount, coalesce(r.amt, 0) from agreement a
				  left join (select agreement_id, sum(agreement_amount) as amt from receipt
				              where received_on <= ? group by agreement_id) r on r.agreement_id = a.id
				 where a.conditional_terms = false and a.signed_on <= ? and a.cancelled_on is null
				   and (a.closed_on is null or a.closed_on > ?) and a.total_amount > coalesce(r.amt, 0)""", rs -> {
			var currency = rs.getString(1);
			var rate = rates.get(currency);
			if (rate != null) {
				var agreed = Money.rounded(rs.getBigDecimal(2), currency);
				var received = Money.rounded(rs.getBigDecimal(3), currency);
				total[0] = total[0].add(agreed.minus(received).toUsd(rate.unitsPerUsd()).amount());
			}
		}, to, to, to);
		return total[0];
	}

	private List<Line> movements(LocalDate from, LocalDate to) {
		var lines = new ArrayList<Line>();
		lines.add(new Line("contributions", revenue(from, to)));
		lines.add(new Line("refunds",
				sum("select coalesce(-sum(usd_amount), 0) from refund where refunded_on between ? and ?", from, to)));
		lines.add(new Line("exchange", sum("""
				select coalesce(sum(l.booked_usd), 0) from revaluation_line l
				join revaluation_run r on r.id = l.run_id where r.period_end between ? and ?""", from, to)));
		// Expenditure and its PSC in one pass over the index that carries both.
		var spent = jdbc.sql("""
				select coalesce(-sum(usd_amount), 0), coalesce(-sum(psc_usd), 0) from expenditure
				where spent_on between ? and ?""")
			.params(from, to)
			.query((rs, n) -> new BigDecimal[] { rs.getBigDecimal(1), rs.getBigDecimal(2) })
			.single();
		lines.add(new Line("expenditure", spent[0]));
		lines.add(new Line("psc", spent[1]));
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
				select a.funding_window, sum(l.booked_usd) from revaluation_line l
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
