package org.tafund.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.tafund.security.Right;
import org.tafund.shared.Money;

/**
 * A project's financial report for a period: budget against expenditure and PSC by year and
 * category, the allocations of each year, and the balance and burn rate at the period end.
 * Expenditure and PSC are those dated in the period; allocated, spent and balance "to date" run
 * from the project's start to the period end.
 */
@Component
class ProjectReport {

	/** A budget year and category, or a year's subtotal ({@code category} null). */
	record Row(int year, String category, BigDecimal budgetUsd, BigDecimal allocatedUsd, BigDecimal expenditureUsd,
			BigDecimal pscUsd, BigDecimal remainingBudgetUsd) {

		Object[] cells() {
			return new Object[] { year, category == null ? "YEAR_TOTAL" : category, budgetUsd, allocatedUsd,
					expenditureUsd, pscUsd, remainingBudgetUsd };
		}

	}

	record Report(ReportFilter filter, long projectId, String code, String title, String theme, int status,
			BigDecimal pscRate, List<Row> rows, BigDecimal budgetUsd, BigDecimal expenditureUsd, BigDecimal pscUsd,
			BigDecimal allocatedToDateUsd, BigDecimal spentToDateUsd, BigDecimal pscToDateUsd, BigDecimal balanceUsd,
			BigDecimal burnPerMonthUsd, BigDecimal consumedPercent) {

		void lines(Consumer<Object[]> sink) {
			rows.forEach(r -> sink.accept(r.cells()));
		}

	}

	/** A project a user may report on, for the chooser. */
	record Choice(long id, String code, String title) {
	}

	// A project's expense lines in the journal: expenditure by budget category, and the PSC charged on it.
	private static final String SPENT = """
			 coalesce(sum(case when account_code = 'PSC_EXPENSE' then 0 else debit_usd - credit_usd end), 0) as spent,
			 coalesce(sum(case when account_code = 'PSC_EXPENSE' then debit_usd - credit_usd else 0 end), 0) as psc
			 from journal_line""";

	private static final String EXPENSES = " and account_code in ("
			+ String.join(", ", java.util.stream.Stream.concat(Movement.EXPENDITURE.codes().stream(), Movement.PSC.codes().stream())
				.map(code -> "'" + code + "'")
				.toList())
			+ ")";

	private final JdbcClient jdbc;

	ProjectReport(ReportsDatabase reports) {
		this.jdbc = JdbcClient.create(reports.dataSource());
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	List<Choice> choices(ReportFilter filter, String manager) {
		var where = filter.withProject(null).projects(Sql.where());
		where.and(manager != null,
				"exists (select 1 from project_manager m where m.project_id = p.id and m.username = :manager)", "manager",
				manager);
		return jdbc.sql("select p.id, p.code, p.title from project p where 1 = 1" + where.text() + " order by p.code")
			.params(where.params())
			.query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** A project manager who is nothing more reads the reports of their own projects only (the project-manager rule). */
	static boolean onlyOwnProjects(org.springframework.security.core.Authentication user) {
		return Right.READ_PROJECT_REPORTS.reachOf(user) == Right.Reach.OWN_PROJECTS;
	}

	/** Refused, page, file or API alike, when a project manager asks for another manager's project. */
	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	void requireAccess(org.springframework.security.core.Authentication user, long projectId) {
		if (onlyOwnProjects(user) && jdbc
			.sql("select count(*) from project_manager where project_id = :projectId and username = :username")
			.param("projectId", projectId)
			.param("username", user.getName())
			.query(Long.class)
			.single() == 0) {
			throw new org.springframework.security.access.AccessDeniedException(
					"A project manager reads the reports of their own projects only.");
		}
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	Report of(ReportFilter filter) {
		if (filter.projectId() == null) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
					"A project report is for one project: choose it (projectId).");
		}
		long id = filter.projectId();
		var project = jdbc.sql("select code, title, theme, status, psc_rate from project where id = :projectId")
			.param("projectId", id)
			.query()
			.listOfRows();
		if (project.isEmpty()) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "No project " + id);
		}
		var from = filter.from();
		var to = filter.to();
		Map<Integer, Map<String, BigDecimal[]>> cells = new TreeMap<>();
		// [budget, expenditure, psc]
		var period = Map.<String, Object>of("projectId", id, "from", from, "to", to);
		jdbc.sql("select budget_year, category, amount_usd from budget_line where project_id = :projectId")
			.params(period)
			.query(rs -> {
				cell(cells, rs.getInt(1), rs.getString(2))[0] = rs.getBigDecimal(3);
			});
		// Expenditure and PSC as the books hold them: the project's expense lines by budget category.
		jdbc.sql("select extract(year from accounting_date), budget_category," + SPENT
				+ " where project_id = :projectId and accounting_date between :from and :to" + EXPENSES
				+ " group by extract(year from accounting_date), budget_category")
			.params(period)
			.query(rs -> {
				var c = cell(cells, rs.getInt(1), rs.getString(2));
				c[1] = rs.getBigDecimal(3);
				c[2] = rs.getBigDecimal(4);
			});
		var allocatedByYear = new TreeMap<Integer, BigDecimal>();
		jdbc.sql("""
				select extract(year from allocated_on), sum(amount_usd) from allocation
				 where project_id = :projectId and allocated_on between :from and :to
				 group by extract(year from allocated_on)""").params(period).query(rs -> {
			allocatedByYear.put(rs.getInt(1), rs.getBigDecimal(2));
		});
		allocatedByYear.keySet().forEach(year -> cells.computeIfAbsent(year, y -> new TreeMap<>()));

		var rows = new ArrayList<Row>();
		var budget = BigDecimal.ZERO;
		var spent = BigDecimal.ZERO;
		var psc = BigDecimal.ZERO;
		for (var year : cells.entrySet()) {
			// Budget years outside the period are left out; years with money moved in it stay.
			boolean inPeriod = year.getKey() >= from.getYear() && year.getKey() <= to.getYear();
			if (!inPeriod) {
				continue;
			}
			var yearBudget = BigDecimal.ZERO;
			var yearSpent = BigDecimal.ZERO;
			var yearPsc = BigDecimal.ZERO;
			for (var category : year.getValue().entrySet()) {
				var c = category.getValue();
				var b = Sql.usd(c[0]);
				var e = Sql.usd(c[1]);
				var p = Sql.usd(c[2]);
				rows.add(new Row(year.getKey(), category.getKey(), b, null, e, p, b.subtract(e).subtract(p)));
				yearBudget = yearBudget.add(b);
				yearSpent = yearSpent.add(e);
				yearPsc = yearPsc.add(p);
			}
			rows.add(new Row(year.getKey(), null, yearBudget, Sql.usd(allocatedByYear.get(year.getKey())), yearSpent,
					yearPsc, yearBudget.subtract(yearSpent).subtract(yearPsc)));
			budget = budget.add(yearBudget);
			spent = spent.add(yearSpent);
			psc = psc.add(yearPsc);
		}
		var allocatedToDate = Sql.usd(jdbc
			.sql("select coalesce(sum(amount_usd), 0) from allocation where project_id = :projectId and allocated_on <= :to")
			.params(period)
			.query(BigDecimal.class)
			.single());
		var toDate = jdbc.sql("select 0 as y," + SPENT + " where project_id = :projectId and accounting_date <= :to"
				+ EXPENSES).params(period).query().singleRow();
		var spentToDate = Sql.usd((BigDecimal) toDate.get("spent"));
		var pscToDate = Sql.usd((BigDecimal) toDate.get("psc"));
		var balance = allocatedToDate.subtract(spentToDate).subtract(pscToDate);
		// Burn rate: what the period cost (expenditure + PSC) per month of the period.
		long months = Math.max(1, ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1);
		var burn = spent.add(psc).divide(BigDecimal.valueOf(months), 2, Money.ROUNDING);
		var consumed = allocatedToDate.signum() == 0 ? null
				: spentToDate.add(pscToDate).multiply(BigDecimal.valueOf(100)).divide(allocatedToDate, 1,
						RoundingMode.HALF_EVEN);
		var p = project.get(0);
		return new Report(filter, id, (String) p.get("code"), (String) p.get("title"), (String) p.get("theme"),
				((Number) p.get("status")).intValue(), (BigDecimal) p.get("psc_rate"), rows, budget, spent, psc,
				allocatedToDate, spentToDate, pscToDate, balance, burn, consumed);
	}

	private static BigDecimal[] cell(Map<Integer, Map<String, BigDecimal[]>> cells, int year, String category) {
		return cells.computeIfAbsent(year, y -> new TreeMap<>()).computeIfAbsent(category, c -> new BigDecimal[3]);
	}


}
