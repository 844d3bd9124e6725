package org.tafund.books;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical content of a journal entry, the text its hash is computed over. It is written
 * once here and pinned by {@code CanonicalFormTests}; changing it breaks every stored hash.
 *
 * <pre>
 * tafund-journal-v1\n
 * entry|accounting_date|period|posted_at|posted_by|source_type|source_id|description\n
 * line|line_no|account|segment|debit|credit|original_amount|currency|rate|rate_date|donor_id|donor_type|agreement_id|funding_window|earmark|project_id|activity_id|budget_category\n
 * ... one line record per line, in line_no order
 * </pre>
 *
 * Dates are ISO ({@code 2025-03-31}); {@code posted_at} is UTC with exactly six decimals
 * ({@code 2025-04-01T09:30:00.000000Z}); debit and credit are plain decimals with 2 places,
 * the original amount with 4, the rate with 8 ({@code 1000.00}, {@code 925.5000},
 * {@code 0.92550000}); absent values are empty. In text, {@code \} is written {@code \\},
 * {@code |} as {@code \|}, a line feed as {@code \n} and a carriage return as {@code \r}, so
 * that no field can pass for a separator. The entry's id is not part of it: the chain fixes the
 * order. {@code hash = hex(SHA-256(UTF-8(prev_hash + canonical)))}, lower case; the first entry's
 * prev_hash is 64 zeros.
 */
final class CanonicalForm {

	static final String VERSION = "tafund-journal-v1";

	static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter POSTED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** An entry's stored fields, as the hash sees them (raw, so that a tampered row can be read). */
	record Entry(LocalDate accountingDate, String period, Instant postedAt, String postedBy, String sourceType,
			long sourceId, String description) {
	}

	/** A line's stored fields, as the hash sees them. */
	record Line(int lineNo, String account, String segment, BigDecimal debitUsd, BigDecimal creditUsd,
			BigDecimal originalAmount, String currency, BigDecimal rate, LocalDate rateDate, Long donorId,
			String donorType, Long agreementId, String fundingWindow, String earmark, Long projectId, Long activityId,
			String budgetCategory) {
	}

	private CanonicalForm() {
	}

	/** The instant as it is stored: DATETIME(6) keeps microseconds. */
	static Instant stored(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	static String of(Entry entry, List<Line> lines) {
		var text = new StringBuilder(256 + lines.size() * 128).append(VERSION).append('\n');
		text.append("entry");
		field(text, entry.accountingDate());
		field(text, entry.period());
		field(text, entry.postedAt() == null ? null : POSTED_AT.format(entry.postedAt()));
		field(text, entry.postedBy());
		field(text, entry.sourceType());
		field(text, entry.sourceId());
		field(text, entry.description());
		text.append('\n');
		for (var line : lines) {
			text.append("line");
			field(text, line.lineNo());
			field(text, line.account());
			field(text, line.segment());
			field(text, scaled(line.debitUsd(), 2));
			field(text, scaled(line.creditUsd(), 2));
			field(text, scaled(line.originalAmount(), 4));
			field(text, line.currency());
			field(text, scaled(line.rate(), 8));
			field(text, line.rateDate());
			field(text, line.donorId());
			field(text, line.donorType());
			field(text, line.agreementId());
			field(text, line.fundingWindow());
			field(text, line.earmark());
			field(text, line.projectId());
			field(text, line.activityId());
			field(text, line.budgetCategory());
			text.append('\n');
		}
		return text.toString();
	}

	static String hash(String prevHash, String canonical) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update(prevHash.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

	static String sha256(String text) {
		return hash("", text);
	}

	private static String scaled(BigDecimal value, int scale) {
		// setScale without rounding: a stored value never has more places than its column.
		return value == null ? null : value.setScale(scale).toPlainString();
	}

	private static void field(StringBuilder text, Object value) {
		text.append('|');
		if (value == null) {
			return;
		}
		var s = value.toString();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '|' -> text.append("\\|");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
	}

}
