package org.tafund.books;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tamper evidence: walks the journal in id order, a page at a time (memory stays constant however
 * long the journal), recomputes each entry's hash from its stored content and the previous hash,
 * and reports the first entry that no longer matches. Runs in one read-only transaction, so that
 * it sees one consistent state of the journal while postings go on.
 */
@Service
public class JournalVerification {

	static final int PAGE = 500;

	private final JdbcClient jdbc;

	JournalVerification(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** A verification on a data source, for callers outside the application context (a loader, a test). */
	public static JournalVerification on(DataSource dataSource) {
		return new JournalVerification(dataSource);
	}

	private record Row(long id, CanonicalForm.Entry entry, String prevHash, String hash) {
	}

	@Transactional(readOnly = true)
	public Verification verify() {
		var head = jdbc.sql("SELECT last_entry_id, last_hash FROM journal_chain_head WHERE id = 1")
			.query((rs, n) -> new Object[] { JournalQueries.nullableLong(rs, "last_entry_id"), rs.getString("last_hash") })
			.single();
		String previous = CanonicalForm.GENESIS;
		Row last = null;
		long count = 0;
		long after = 0;
		while (true) {
			var rows = page(after);
			if (rows.isEmpty()) {
				break;
			}
			var lines = lines(rows.get(0).id(), rows.get(rows.size() - 1).id());
			for (var row : rows) {
				count++;
				if (!row.prevHash().equals(previous)) {
					return Verification.broken(count, broken(row, Verification.Reason.CHAIN_BROKEN));
				}
				var canonical = CanonicalForm.of(row.entry(), lines.getOrDefault(row.id(), List.of()));
				if (!CanonicalForm.hash(previous, canonical).equals(row.hash())) {
					return Verification.broken(count, broken(row, Verification.Reason.CONTENT_CHANGED));
				}
				previous = row.hash();
				last = row;
			}
			after = rows.get(rows.size() - 1).id();
		}
		var headId = (Long) head[0];
		var headHash = (String) head[1];
		boolean headMatches = last == null ? headId == null && CanonicalForm.GENESIS.equals(headHash)
				: headId != null && headId == last.id() && last.hash().equals(headHash);
		if (!headMatches) {
			var broken = last == null ? new Verification.Broken(headId == null ? 0 : headId, null, null, 0,
					Verification.Reason.HEAD_MISMATCH) : broken(last, Verification.Reason.HEAD_MISMATCH);
			return Verification.broken(count, broken);
		}
		return Verification.intact(count);
	}

	private List<Row> page(long after) {
		return jdbc.sql("SELECT id, accounting_date, period, posted_at, posted_by, source_type, source_id, description, "
				+ "prev_hash, hash FROM journal_entry WHERE id > :after ORDER BY id LIMIT " + PAGE)
			.param("after", after)
			.query((rs, n) -> new Row(rs.getLong("id"),
					new CanonicalForm.Entry(rs.getObject("accounting_date", LocalDate.class), rs.getString("period"),
							rs.getObject("posted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
							rs.getString("posted_by"), rs.getString("source_type"), rs.getLong("source_id"),
							rs.getString("description")),
					rs.getString("prev_hash"), rs.getString("hash")))
			.list();
	}

	private Map<Long, List<CanonicalForm.Line>> lines(long first, long last) {
		var lines = new HashMap<Long, List<CanonicalForm.Line>>();
		jdbc.sql("SELECT entry_id, line_no, account_code, segment_code, debit_usd, credit_usd, original_amount, currency, "
				+ "rate, rate_date, donor_id, donor_type, agreement_id, funding_window, earmark, project_id, activity_id, "
				+ "budget_category FROM journal_line WHERE entry_id BETWEEN :first AND :last ORDER BY entry_id, line_no")
			.param("first", first)
			.param("last", last)
			// Called once per row, in order.
			.query((ResultSet rs) -> {
				lines.computeIfAbsent(rs.getLong("entry_id"), id -> new ArrayList<>())
						.add(new CanonicalForm.Line(rs.getInt("line_no"), rs.getString("account_code"),
								rs.getString("segment_code"), rs.getBigDecimal("debit_usd"), rs.getBigDecimal("credit_usd"),
								rs.getBigDecimal("original_amount"), rs.getString("currency"), rs.getBigDecimal("rate"),
								rs.getObject("rate_date", LocalDate.class), JournalQueries.nullableLong(rs, "donor_id"),
								rs.getString("donor_type"), JournalQueries.nullableLong(rs, "agreement_id"),
								rs.getString("funding_window"), rs.getString("earmark"),
								JournalQueries.nullableLong(rs, "project_id"), JournalQueries.nullableLong(rs, "activity_id"),
								rs.getString("budget_category")));
			});
		return lines;
	}

	private static Verification.Broken broken(Row row, Verification.Reason reason) {
		return new Verification.Broken(row.id(), row.entry().accountingDate(), row.entry().sourceType(),
				row.entry().sourceId(), reason);
	}

}
