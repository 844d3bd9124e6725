package org.tafund.projects;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.projects.Codes.ProjectStatus;
import org.tafund.projects.Codes.Theme;
import org.tafund.reference.CountryCatalogue;
import org.tafund.shared.Money;

/**
 * The projects list, a page at a time from the database: filtered and sorted in SQL, with the
 * allocated and spent figures summed there, in two statements (the page and its count) whatever
 * the page's size. Loading every project with its expenditure lines to show 25 of them took 800 MB
 * and 5 s on the Fund's full volume (issue 15).
 */
@Component
class ProjectList {

	/** One line of the list: what the table shows. */
	record Row(long id, String code, String title, Theme theme, int status, Money allocatedUsd, Money balanceUsd) {

		public ProjectStatus statusName() {
			return ProjectStatus.of(status);
		}

	}

	private final JdbcClient jdbc;

	private final CountryCatalogue countries;

	ProjectList(javax.sql.DataSource dataSource, CountryCatalogue countries) {
		this.jdbc = JdbcClient.create(dataSource);
		this.countries = countries;
	}

	/** The projects that match, by code. */
	@Transactional(readOnly = true)
	Page<Row> page(ProjectFilter filter, Pageable page) {
		var where = where(filter);
		if (where == null) {
			return new PageImpl<>(List.of(), page, 0);
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM project p" + where.sql()).params(where.params()).query(Long.class).single();
		if (total == 0) {
			return new PageImpl<>(List.of(), page, 0);
		}
		var rows = jdbc.sql("""
				SELECT p.id, p.code, p.title, p.theme, p.status,
				       (SELECT SUM(a.amount_usd) FROM allocation a WHERE a.project_id = p.id) AS allocated,
				       (SELECT SUM(e.usd_amount + e.psc_usd) FROM expenditure e WHERE e.project_id = p.id) AS spent
				FROM project p""" + where.sql() + " ORDER BY p.code LIMIT " + page.getPageSize() + " OFFSET "
				+ page.getOffset())
			.params(where.params())
			.query((rs, n) -> {
				var allocated = Money.rounded(orZero(rs.getBigDecimal("allocated")), Money.USD);
				var spent = Money.rounded(orZero(rs.getBigDecimal("spent")), Money.USD);
				return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
						Theme.valueOf(rs.getString("theme")), rs.getInt("status"), allocated, allocated.minus(spent));
			})
			.list();
		return new PageImpl<>(rows, page, total);
	}

	/** The ids of every project that matches, by code: for callers that need whole records of a few. */
	@Transactional(readOnly = true)
	List<Long> ids(ProjectFilter filter) {
		var where = where(filter);
		return where == null ? List.of()
				: jdbc.sql("SELECT p.id FROM project p" + where.sql() + " ORDER BY p.code")
					.params(where.params())
					.query(Long.class)
					.list();
	}

	/** The ids of the projects that answer a request, by code. */
	@Transactional(readOnly = true)
	List<Long> answering(long requestId) {
		return jdbc.sql("""
				SELECT p.id FROM project p
				WHERE EXISTS (SELECT 1 FROM project_request r WHERE r.project_id = p.id AND r.request_id = ?)
				ORDER BY p.code""").param(requestId).query(Long.class).list();
	}

	private record Where(String sql, List<Object> params) {
	}

	/** The filter as SQL over {@code project p}; null when nothing can match (a region without countries). */
	private Where where(ProjectFilter filter) {
		var where = new StringBuilder(" WHERE 1 = 1");
		var params = new ArrayList<Object>();
		if (filter.theme() != null) {
			where.append(" AND p.theme = ?");
			params.add(filter.theme().name());
		}
		if (filter.status() != null) {
			where.append(" AND p.status = ?");
			params.add(filter.status());
		}
		if (!blank(filter.country())) {
			where.append(" AND EXISTS (SELECT 1 FROM project_country c WHERE c.project_id = p.id AND c.country = ?)");
			params.add(filter.country().strip().toUpperCase(Locale.ROOT));
		}
		if (!blank(filter.manager())) {
			where.append(" AND EXISTS (SELECT 1 FROM project_manager m WHERE m.project_id = p.id AND m.username = ?)");
			params.add(filter.manager().strip().toLowerCase(Locale.ROOT));
		}
		if (filter.instrument() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM project_instrument i WHERE i.project_id = p.id AND i.instrument = ?)");
			params.add(filter.instrument().name());
		}
		if (!blank(filter.region())) {
			// A region is the countries in it, as the reference data places them (a few dozen codes).
			var codes = countries.all(Locale.ENGLISH)
				.stream()
				.filter(c -> c.isIn(filter.region().strip()))
				.map(org.tafund.reference.CountryView::code)
				.toList();
			if (codes.isEmpty()) {
				return null;
			}
			where.append(" AND EXISTS (SELECT 1 FROM project_country c WHERE c.project_id = p.id AND c.country IN (")
				.append(String.join(", ", java.util.Collections.nCopies(codes.size(), "?")))
				.append("))");
			params.addAll(codes);
		}
		return new Where(where.toString(), params);
	}

	private static BigDecimal orZero(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
