package org.tafund.audit;

import java.time.Instant;
import java.util.List;

/** One revision as the audit pages show it: who, when, which records, what changed. */
record RevisionView(long number, Instant at, String username, List<RecordChange> changes) {

	/** One record touched by a revision. {@code kind} is ADD, MOD or DEL. */
	record RecordChange(String entity, Object id, String kind, List<PropertyChange> properties) {
	}

	/** One property of a record, before and after the revision. */
	record PropertyChange(String property, String before, String after) {
	}

}
