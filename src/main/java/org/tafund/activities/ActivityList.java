package org.tafund.activities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tafund.projects.Codes.Instrument;

/**
 * The activities list, a page at a time from the database, latest start first, with the participants
 * of every activity the filter keeps summed there. Reading every activity to show a page of them
 * read 100,000 at the Fund's volume (issue 15).
 */
@Component
class ActivityList {

	/** What the list is narrowed to; every part may be empty. */
	record Filter(Long projectId, ActivityType type, String country, Instrument instrument, LocalDate from,
			LocalDate to) {
	}

	private final JdbcClient jdbc;

	ActivityList(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** The ids of a page of the activities that match, latest start first. */
	Page<Long> ids(Filter filter, Pageable page) {
		var where = where(filter);
		long total = jdbc.sql("SELECT COUNT(*) FROM activity a" + where.sql()).params(where.params()).query(Long.class).single();
		if (total == 0) {
			return new PageImpl<>(List.of(), page, 0);
		}
		var ids = jdbc.sql("SELECT a.id FROM activity a" + where.sql() + " ORDER BY a.start_date DESC, a.id DESC LIMIT "
				+ page.getPageSize() + " OFFSET " + page.getOffset()).params(where.params()).query(Long.class).list();
		return new PageImpl<>(ids, page, total);
	}

	/** Who took part in the activities that match and took place (a withdrawn one did not). */
	Participants participants(Filter filter) {
		var where = where(filter);
		return jdbc.sql("""
				SELECT COALESCE(SUM(a.women), 0), COALESCE(SUM(a.men), 0), COALESCE(SUM(a.sex_not_recorded), 0),
				       COALESCE(SUM(a.central_authority), 0), COALESCE(SUM(a.prosecution), 0), COALESCE(SUM(a.judiciary), 0),
				       COALESCE(SUM(a.law_enforcement), 0), COALESCE(SUM(a.ministry), 0), COALESCE(SUM(a.other_institution), 0)
				FROM activity a""" + where.sql() + " AND a.withdrawn_on IS NULL")
			.params(where.params())
			.query((rs, n) -> new Participants(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
			.single();
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where where(Filter filter) {
		var sql = new StringBuilder(" WHERE 1 = 1");
		var params = new ArrayList<Object>();
		if (filter.projectId() != null) {
			sql.append(" AND a.project_id = ?");
			params.add(filter.projectId());
		}
		if (filter.type() != null) {
			sql.append(" AND a.activity_type = ?");
			params.add(filter.type().name());
		}
		if (filter.country() != null && !filter.country().isBlank()) {
			sql.append(" AND a.country = ?");
			params.add(filter.country().strip().toUpperCase(Locale.ROOT));
		}
		if (filter.instrument() != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM activity_instrument i WHERE i.activity_id = a.id AND i.instrument = ?)");
			params.add(filter.instrument().name());
		}
		// An activity is in a period when it overlaps it.
		if (filter.from() != null) {
			sql.append(" AND a.end_date >= ?");
			params.add(filter.from());
		}
		if (filter.to() != null) {
			sql.append(" AND a.start_date <= ?");
			params.add(filter.to());
		}
		return new Where(sql.toString(), params);
	}

}
