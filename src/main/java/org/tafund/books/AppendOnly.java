package org.tafund.books;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

/**
 * The journal is append-only: a posted entry or line is never changed or removed through JPA.
 * Corrections are new entries (a reversal, a manual entry). Hibernate already ignores changes to
 * {@code @Immutable} entities; this listener makes any attempt that reaches it fail loudly.
 */
class AppendOnly {

	@PrePersist
	void refusePersist(Object record) {
		throw new PostedEntriesAreFinal("Journal rows are inserted by Journal.post only, never through JPA: " + record);
	}

	@PreUpdate
	void refuseUpdate(Object record) {
		throw new PostedEntriesAreFinal("A posted journal row is never updated; post a correcting entry: " + record);
	}

	@PreRemove
	void refuseRemove(Object record) {
		throw new PostedEntriesAreFinal("A posted journal row is never deleted; post a correcting entry: " + record);
	}

	/** Somebody tried to change or remove a posted journal row. */
	static class PostedEntriesAreFinal extends IllegalStateException {

		PostedEntriesAreFinal(String message) {
			super(message);
		}

	}

}
