package org.tafund.audit;

import org.tafund.shared.NotFound;

class RevisionNotFound extends NotFound {

	RevisionNotFound(long number) {
		super("No revision " + number);
	}

}
