package org.tafund.shared;

import java.util.Optional;

/**
 * How a history names the record an id property points to ({@code donorId} → the donor's name):
 * each module that keeps such records answers for its own, so that the audit trail, which knows
 * none of them, never shows a bare number where a person expects a name.
 */
public interface RecordNames {

	/** The name of the record {@code id} that {@code property} holds, if this module keeps it. */
	Optional<String> nameOf(String property, Object id);

	/** Names the records that {@code property} holds the id of, by {@code lookup}; no other property. */
	static RecordNames of(String property, java.util.function.LongFunction<Optional<String>> lookup) {
		return (name, id) -> name.equals(property) && id instanceof Number number ? lookup.apply(number.longValue())
				: Optional.empty();
	}

}
