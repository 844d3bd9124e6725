package org.tafund.books;

import org.tafund.shared.NotFound;

/** No journal entry has this id. */
public class JournalEntryNotFound extends NotFound {

	JournalEntryNotFound(long id) {
		super("No journal entry " + id);
	}

}
