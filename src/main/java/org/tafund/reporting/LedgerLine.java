package org.tafund.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import org.tafund.books.Account;

/**
 * One line of the journal, as the ledger shows it: the entry it belongs to and the event behind
 * it, the account and segment debited or credited in USD, the original amount at the rate it was
 * booked at, and what it concerns. {@code usd} says what the line does to the Fund: positive when
 * an asset grows or income is earned, negative when an asset shrinks or a cost is incurred.
 */
record LedgerLine(LocalDate date, long entry, String source, String account, String segment, BigDecimal debit,
		BigDecimal credit, BigDecimal usd, String donor, String agreement, String project, String window,
		BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate, String description,
		String recordedBy, Instant recordedAt) {

	/** The sign that makes {@code usd} read as the Fund's gain or loss. */
	static BigDecimal effect(Account account, BigDecimal debit, BigDecimal credit) {
		return account.kind() == Account.Kind.ASSET ? debit.subtract(credit) : credit.subtract(debit);
	}

	// Only the journal's own source names: "PO#123" typed in a manual entry stays as typed.
	private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("\\b("
			+ java.util.Arrays.stream(org.tafund.books.SourceType.values()).map(Enum::name)
				.collect(java.util.stream.Collectors.joining("|"))
			+ ")#(\\d+)");

	/**
	 * A description as a reader of the ledger understands it. Entries posted before descriptions were
	 * written in words name an event by its journal source ({@code RECEIPT_REVERSAL#18}); the journal
	 * keeps what it stored (its hashes cover it), and the ledger reads it as "Receipt reversal 18".
	 */
	static String readable(String description) {
		if (description == null || description.indexOf('#') < 0) {
			return description;
		}
		var matcher = SOURCE.matcher(description);
		var out = new StringBuilder();
		while (matcher.find()) {
			var words = matcher.group(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
			if (matcher.start() == 0) {
				words = Character.toUpperCase(words.charAt(0)) + words.substring(1);
			}
			matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(words + " " + matcher.group(2)));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	static LedgerLine of(ResultSet rs) throws SQLException {
		var rateDate = rs.getDate("rate_date");
		var postedAt = rs.getTimestamp("posted_at");
		var account = Account.valueOf(rs.getString("account_code"));
		var debit = rs.getBigDecimal("debit_usd");
		var credit = rs.getBigDecimal("credit_usd");
		return new LedgerLine(rs.getDate("accounting_date").toLocalDate(), rs.getLong("entry_id"),
				rs.getString("source_type"), account.code(), rs.getString("segment_code"), debit, credit,
				effect(account, debit, credit), rs.getString("donor"), rs.getString("agreement"), rs.getString("project"),
				rs.getString("funding_window"), rs.getBigDecimal("original_amount"), rs.getString("currency"),
				rs.getBigDecimal("rate"), rateDate == null ? null : rateDate.toLocalDate(), readable(rs.getString("description")),
				rs.getString("posted_by"), postedAt == null ? null : postedAt.toInstant());
	}

}
