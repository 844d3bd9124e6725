package org.tafund.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tafund.shared.BusinessRuleViolation;

/**
 * An entry to be posted: its accounting date, the event it records (source type and id, unique
 * in the journal), a description for people, and its lines. {@link Journal#post} refuses it when
 * it is empty or does not balance.
 */
public record EntryDraft(LocalDate accountingDate, SourceType sourceType, long sourceId, String description,
		List<Posting> lines) {

	/** What {@code journal_entry.description} holds. */
	public static final int MAX_DESCRIPTION = 500;

	public EntryDraft {
		Objects.requireNonNull(accountingDate, "accountingDate");
		Objects.requireNonNull(sourceType, "sourceType");
		if (description == null || description.isBlank()) {
			throw new BusinessRuleViolation("journal.description.required");
		}
		description = description.strip();
		if (description.length() > MAX_DESCRIPTION) {
			throw new BusinessRuleViolation("journal.description.tooLong", MAX_DESCRIPTION);
		}
		lines = List.copyOf(lines == null ? List.of() : lines);
	}

	public EntryDraft(LocalDate accountingDate, SourceType sourceType, long sourceId, String description,
			Posting... lines) {
		this(accountingDate, sourceType, sourceId, description, List.of(lines));
	}

	/**
	 * A draft built line by line, leaving out lines of zero (an exchange difference that happens
	 * to be nil): {@code EntryDraft.of(date, RECEIPT, id, "...").debit(...).credit(...).draft()}.
	 */
	public static Builder of(LocalDate accountingDate, SourceType sourceType, long sourceId, String description) {
		return new Builder(accountingDate, sourceType, sourceId, description);
	}

	/**
	 * The mirror of an entry's lines (debits become credits), dated and described anew: how a
	 * reversal undoes the event the lines recorded.
	 */
	public static EntryDraft mirroring(List<Posting> lines, LocalDate accountingDate, SourceType sourceType,
			long sourceId, String description) {
		return new EntryDraft(accountingDate, sourceType, sourceId, description,
				lines.stream().map(Posting::mirrored).toList());
	}

	/**
	 * A text cut to what an entry's description holds (500 characters), for descriptions made of
	 * a record's own texts (a reason may already be 500 characters long); the record keeps the whole.
	 */
	public static String abbreviate(String text) {
		if (text == null || text.strip().length() <= MAX_DESCRIPTION) {
			return text;
		}
		return text.strip().substring(0, MAX_DESCRIPTION - 1) + "\u2026";
	}

	public BigDecimal totalDebits() {
		return lines.stream().map(Posting::debitUsd).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	public BigDecimal totalCredits() {
		return lines.stream().map(Posting::creditUsd).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	public boolean balances() {
		return totalDebits().compareTo(totalCredits()) == 0;
	}

	/** Collects the lines of a draft; zero amounts are skipped, negative ones refused. */
	public static final class Builder {

		private final LocalDate accountingDate;

		private final SourceType sourceType;

		private final long sourceId;

		private final String description;

		private final List<Posting> lines = new ArrayList<>();

		private Builder(LocalDate accountingDate, SourceType sourceType, long sourceId, String description) {
			this.accountingDate = accountingDate;
			this.sourceType = sourceType;
			this.sourceId = sourceId;
			this.description = description;
		}

		public Builder debit(Account account, Segment segment, BigDecimal usd, Dimensions dimensions) {
			return add(usd, () -> Posting.debit(account, segment, usd, dimensions));
		}

		public Builder credit(Account account, Segment segment, BigDecimal usd, Dimensions dimensions) {
			return add(usd, () -> Posting.credit(account, segment, usd, dimensions));
		}

		/**
		 * A signed amount: above zero a debit, below zero a credit of its absolute value, zero
		 * nothing (an exchange difference: gain or loss).
		 */
		public Builder signed(Account account, Segment segment, BigDecimal usd, Dimensions dimensions) {
			if (usd == null || usd.signum() == 0) {
				return this;
			}
			return usd.signum() > 0 ? debit(account, segment, usd, dimensions)
					: credit(account, segment, usd.negate(), dimensions);
		}

		/** A line as built by the caller, with its original amount and rate. */
		public Builder line(Posting posting) {
			lines.add(posting);
			return this;
		}

		public EntryDraft draft() {
			return new EntryDraft(accountingDate, sourceType, sourceId, description, lines);
		}

		private Builder add(BigDecimal usd, java.util.function.Supplier<Posting> line) {
			if (usd != null && usd.signum() == 0) {
				return this;
			}
			lines.add(line.get());
			return this;
		}

	}

}
