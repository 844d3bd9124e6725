package org.tafund.books;

import java.util.Locale;
import java.util.regex.Pattern;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * The last guard of the append-only journal inside the application: any UPDATE or DELETE of
 * {@code journal_entry} or {@code journal_line} that goes through Hibernate (an entity, a JPQL
 * bulk statement, a native query of the EntityManager) is refused before it reaches the
 * database. {@link Journal} inserts with plain JDBC and never updates or deletes them.
 */
@Component
class AppendOnlyStatements implements StatementInspector, HibernatePropertiesCustomizer {

	// "update journal_line jl1_0 set ...", "delete from journal_entry ...", MySQL's "delete je1_0 from journal_entry je1_0 ...",
	// after any leading comments.
	private static final Pattern CHANGE = Pattern.compile(
			"^\\s*(/\\*.*?\\*/\\s*)*(update\\s+|delete\\s+(\\w+\\s+)?from\\s+)[`\"]?journal_(entry|line)\\b.*",
			Pattern.DOTALL);

	@Override
	public String inspect(String sql) {
		if (CHANGE.matcher(sql.toLowerCase(Locale.ROOT)).matches()) {
			throw new AppendOnly.PostedEntriesAreFinal("The journal is append-only: refused " + sql);
		}
		return sql;
	}

	@Override
	public void customize(java.util.Map<String, Object> hibernateProperties) {
		hibernateProperties.put(AvailableSettings.STATEMENT_INSPECTOR, this);
	}

}
