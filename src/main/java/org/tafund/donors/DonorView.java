package org.tafund.donors;

import java.time.Instant;
import java.util.List;

/** A donor as pages, the API and other modules read it. */
public record DonorView(long id, String name, DonorType type, String country, String iatiIdentifier,
		String iatiOrgType, String notes, boolean active, List<ContactPerson> contacts, long version,
		String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, Long mergedInto, String mergeReason) {

	public DonorId donorId() {
		return new DonorId(id);
	}

}
