package org.tafund.books;

/**
 * What kind of event a journal entry records; with the event's id it identifies the entry, so
 * that one event is never posted twice. Stored by name in {@code journal_entry.source_type}
 * (at most 40 characters); add kinds at the end, never rename one that has been posted.
 */
public enum SourceType {

	AGREEMENT_SIGNED,
	AMENDMENT,
	AGREEMENT_CANCELLED,
	RECEIPT,
	RECEIPT_REVERSAL,
	REFUND,
	/** A revaluation run: one entry per run, a pair of lines per agreement revalued. */
	REVALUATION_RUN,
	EXPENDITURE,
	EXPENDITURE_REVERSAL,
	IN_KIND_DELIVERY,
	/** A manual entry by FINANCE; the source id is the {@code manual_entry} row with its reason. */
	MANUAL,
	/**
	 * An event recorded after a revaluation run and dated on or before its period end revalued its
	 * agreement again at the run's rate; the source id is the {@code revaluation_adjustment} row.
	 */
	REVALUATION_ADJUSTMENT,
	/**
	 * An event recorded after a later-dated event of its agreement changed the position that later
	 * event was posted from; the difference to what its rule now gives is booked on its date. The
	 * source id is the {@code position_adjustment} row.
	 */
	POSITION_ADJUSTMENT

}
