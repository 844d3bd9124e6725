package org.tafund.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.contributions.ContributionManagement;
import org.tafund.donors.DonorManagement;
import org.tafund.shared.BusinessRuleViolation;

/**
 * Spreadsheet imports: an upload is kept as it came, checked in full whenever its page is shown, and
 * stored in one transaction when a donor relations officer confirms a clean check: every donor,
 * pledge and agreement through the same services as the pages, so that each is audited under that
 * officer's name and posted to the journal as one typed in would be.
 */
@Service
class SpreadsheetImports {

	/** A file as it was uploaded. */
	record Upload(String name, byte[] content) {
	}

	/** An import as its page shows it. */
	record ImportView(long id, List<String> files, String status, String uploadedBy, Instant uploadedAt,
			String storedBy, Instant storedAt, Integer donors, Integer pledges, Integer agreements, Integer instalments) {

		public boolean stored() {
			return "STORED".equals(status);
		}

	}

	/** What one confirmation created. */
	record Created(int donors, int pledges, int agreements, int instalments) implements java.io.Serializable {

		public int total() {
			return donors + pledges + agreements + instalments;
		}

	}

	private final JdbcClient jdbc;

	private final DonorManagement donors;

	private final ContributionManagement contributions;

	private final Clock clock;

	private final jakarta.persistence.EntityManager entities;

	SpreadsheetImports(JdbcClient jdbc, DonorManagement donors, ContributionManagement contributions, Clock clock,
			jakarta.persistence.EntityManager entities) {
		this.entities = entities;
		this.jdbc = jdbc;
		this.donors = donors;
		this.contributions = contributions;
		this.clock = clock;
	}

	/** Keeps the files of one upload, once each can be read as tables; returns the import's id. */
	@Transactional
	public long upload(List<Upload> files, Locale locale, String user) {
		var uploads = files.stream().filter(f -> f.content() != null && f.content().length > 0).toList();
		if (uploads.isEmpty()) {
			throw new BusinessRuleViolation("import.file.required");
		}
		var digest = sha256();
		for (var file : uploads) {
			Tables.read(file.name(), file.content());
			digest.update(file.content());
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO spreadsheet_import (sha256, locale, status, uploaded_by, uploaded_at) "
				+ "VALUES (?, ?, 'UPLOADED', ?, ?)")
			.params(HexFormat.of().formatHex(digest.digest()), locale.toLanguageTag(), user, Timestamp.from(clock.instant()))
			.update(keys);
		long id = keys.getKey().longValue();
		for (var file : uploads) {
			jdbc.sql("INSERT INTO spreadsheet_import_file (import_id, file_name, content) VALUES (:id, :name, :content)")
				.param("id", id)
				.param("name", file.name() == null || file.name().isBlank() ? "upload" : limit(file.name(), 255))
				.param("content", file.content())
				.update();
		}
		return id;
	}

	@Transactional(readOnly = true)
	public ImportView get(long id) {
		var files = jdbc.sql("SELECT file_name FROM spreadsheet_import_file WHERE import_id = :id ORDER BY id")
			.param("id", id)
			.query(String.class)
			.list();
		return jdbc.sql("SELECT id, status, uploaded_by, uploaded_at, stored_by, stored_at, donors_created, "
				+ "pledges_created, agreements_created, instalments_created FROM spreadsheet_import WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new ImportView(rs.getLong(1), files, rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5),
					rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), (Integer) rs.getObject(7, Integer.class),
					rs.getObject(8, Integer.class), rs.getObject(9, Integer.class), rs.getObject(10, Integer.class)))
			.optional()
			.orElseThrow(() -> new ImportNotFound(id));
	}

	/** The latest imports, newest first. */
	@Transactional(readOnly = true)
	public List<ImportView> recent() {
		var ids = jdbc.sql("SELECT id FROM spreadsheet_import ORDER BY id DESC LIMIT 20").query(Long.class).list();
		return ids.stream().map(this::get).toList();
	}

	/**
	 * The dry run of an import's files against what is recorded now; nothing is stored. Not one
	 * transaction: each lookup runs in its own, so that a row a rule refuses (a refusal thrown through a
	 * transactional service) does not doom the rest of the check.
	 */
	public Check.Result check(long id) {
		var locale = jdbc.sql("SELECT locale FROM spreadsheet_import WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new ImportNotFound(id));
		var tables = new ArrayList<Tables.Table>();
		jdbc.sql("SELECT file_name, content FROM spreadsheet_import_file WHERE import_id = :id ORDER BY id")
			.param("id", id)
			.query((rs, n) -> new Upload(rs.getString(1), rs.getBytes(2)))
			.list()
			.forEach(file -> tables.addAll(Tables.read(file.name(), file.content())));
		return new Check(donors, contributions, Locale.forLanguageTag(locale)).run(tables);
	}

	/**
	 * Stores everything the import's files hold that is not recorded yet, or nothing: the dry run is
	 * run again first (what is recorded may have changed since it was shown), and any refusal stops
	 * it. An import is stored once; a second confirmation waits for the first and is refused.
	 */
	@Transactional
	public Created confirm(long id, String user) {
		// One import stores at a time: two files naming the same new donor, confirmed together, would
		// each find it new (a donor's name is not unique in the database; the dry run is what matches).
		jdbc.sql("SELECT id FROM spreadsheet_import_lock WHERE id = 1 FOR UPDATE").query(Long.class).optional();
		// The row's lock orders two confirmations of one import: the second finds it stored.
		int claimed = jdbc.sql("UPDATE spreadsheet_import SET status = 'STORED', stored_by = :user, stored_at = :at "
				+ "WHERE id = :id AND status = 'UPLOADED'")
			.param("user", user)
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		if (claimed == 0) {
			get(id);
			throw new BusinessRuleViolation("import.alreadyStored");
		}
		var result = check(id);
		if (!result.clean()) {
			throw new BusinessRuleViolation("import.notClean", result.problems().size());
		}
		var ids = new HashMap<>(result.recordedDonors());
		int done = 0;
		for (var donor : result.donors()) {
			ids.put(donor.ref(), donors.register(donor.details()).id());
			done = settle(done);
		}
		for (var pledge : result.pledges()) {
			contributions.recordPledge(ids.get(pledge.donor()), pledge.pledgedOn(), pledge.amount(), pledge.currency(),
					pledge.window(), pledge.note());
			done = settle(done);
		}
		int instalments = 0;
		for (var agreement : result.agreements()) {
			contributions.createAgreement(agreement.forDonor(ids.get(agreement.donor())));
			instalments += agreement.terms().instalments().size();
			done = settle(done);
		}
		var created = new Created(result.donors().size(), result.pledges().size(), result.agreements().size(), instalments);
		jdbc.sql("UPDATE spreadsheet_import SET donors_created = :d, pledges_created = :p, agreements_created = :a, "
				+ "instalments_created = :i WHERE id = :id")
			.param("d", created.donors())
			.param("p", created.pledges())
			.param("a", created.agreements())
			.param("i", created.instalments())
			.param("id", id)
			.update();
		return created;
	}

	static class ImportNotFound extends org.tafund.shared.NotFound {

		ImportNotFound(long id) {
			super("No spreadsheet import " + id);
		}

	}

	/**
	 * Every hundred records, writes what is pending and lets the persistence context go: each flush
	 * looks at every entity the context holds, so a file of thousands of rows would otherwise take
	 * time that grows with the square of its rows. Only ids are kept from one row to the next.
	 */
	private int settle(int done) {
		if (++done % 100 == 0) {
			entities.flush();
			entities.clear();
		}
		return done;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String limit(String s, int max) {
		var bytes = s.getBytes(StandardCharsets.UTF_8);
		return bytes.length <= max ? s : s.substring(0, Math.min(s.length(), max / 4));
	}

}
