package org.tafund.donors;

import org.tafund.shared.NotFound;

public class DonorNotFound extends NotFound {

	DonorNotFound(long id) {
		super("No donor " + id);
	}

}
