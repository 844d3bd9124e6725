package org.tafund.books;

import org.tafund.shared.NotFound;

/** No period close has this id. */
public class PeriodCloseNotFound extends NotFound {

	PeriodCloseNotFound(long id) {
		super("No period close " + id);
	}

}
