package org.tafund.books;

import java.time.LocalDate;

/**
 * What {@link JournalVerification#verify()} found: the chain intact over {@code entries} entries,
 * or the first entry that no longer matches its hash or its place in the chain, and why.
 */
public record Verification(boolean intact, long entries, Broken firstBroken) {

	/** The first entry that does not match: its id, date and source, and what is wrong. */
	public record Broken(long id, LocalDate accountingDate, String sourceType, long sourceId, Reason reason) {
	}

	public enum Reason {

		/** The entry's content no longer gives its stored hash: a field or a line was changed. */
		CONTENT_CHANGED,
		/** The entry's prev_hash is not the previous entry's hash: an entry was removed or inserted. */
		CHAIN_BROKEN,
		/** The chain head does not name the last entry: entries were removed at the end. */
		HEAD_MISMATCH

	}

	static Verification intact(long entries) {
		return new Verification(true, entries, null);
	}

	static Verification broken(long entries, Broken broken) {
		return new Verification(false, entries, broken);
	}

}
