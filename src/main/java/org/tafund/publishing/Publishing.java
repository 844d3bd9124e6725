package org.tafund.publishing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConcurrentEdit;
import org.tafund.shared.Constraints;

/** The IATI file and what finance officers withhold from it. */
@Service
class Publishing {

	private final IatiActivities activities;

	private final Exclusions exclusions;

	private final JdbcClient jdbc;

	Publishing(IatiActivities activities, Exclusions exclusions, JdbcClient jdbc) {
		this.activities = activities;
		this.exclusions = exclusions;
		this.jdbc = jdbc;
	}

	/** What the file holds and leaves out, without writing it. */
	@Transactional(readOnly = true)
	Publication plan() {
		return activities.plan();
	}

	/** The activity file, written from one consistent reading of the database. */
	@Transactional(readOnly = true)
	Publication write(OutputStream out) throws IOException {
		var publication = activities.plan();
		IatiXml.write(publication, activities::spending, out);
		out.flush();
		return publication;
	}

	record ProjectChoice(long id, String code, String title) {
	}

	record ExclusionView(long id, long projectId, String projectCode, String projectTitle, Withheld field,
			String reason, String by, Instant at, long version) {
	}

	@Transactional(readOnly = true)
	List<ProjectChoice> projects() {
		return jdbc.sql("SELECT id, code, title FROM project ORDER BY code")
			.query((rs, n) -> new ProjectChoice(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	@Transactional(readOnly = true)
	List<ExclusionView> exclusions() {
		return jdbc.sql("""
				SELECT x.id, x.project_id, p.code, p.title, x.field, x.reason, x.updated_by, x.updated_at, x.version
				FROM publication_exclusion x JOIN project p ON p.id = x.project_id
				ORDER BY p.code, x.field""")
			.query((rs, n) -> new ExclusionView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					Withheld.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
					rs.getLong(9)))
			.list();
	}

	/** Keeps {@code field} of the project out of the file, for {@code reason}. */
	@Transactional
	void exclude(Long projectId, Withheld field, String reason) {
		if (projectId == null || jdbc.sql("SELECT COUNT(*) FROM project WHERE id = ?").param(projectId).query(Long.class)
			.single() == 0) {
			throw BusinessRuleViolation.ofField("projectId", "publishing.exclusion.project.required");
		}
		var exclusion = new PublicationExclusion(projectId, field, reason);
		if (exclusions.existsByProjectIdAndField(projectId, field)) {
			throw BusinessRuleViolation.ofField("field", "publishing.exclusion.exists");
		}
		try {
			exclusions.saveAndFlush(exclusion);
		}
		catch (DataIntegrityViolationException e) {
			if (Constraints.violated(e, "uk_publication_exclusion")) {
				throw BusinessRuleViolation.ofField("field", "publishing.exclusion.exists");
			}
			throw e;
		}
	}

	/** Publishes again what an exclusion kept out; a second removal, or one of a changed exclusion, is refused. */
	@Transactional
	void include(long id, long version) {
		var exclusion = exclusions.findById(id)
			.orElseThrow(() -> new BusinessRuleViolation("publishing.exclusion.gone"));
		if (exclusion.getVersion() != version) {
			throw new ConcurrentEdit("exclusion", id);
		}
		exclusions.delete(exclusion);
	}

}
