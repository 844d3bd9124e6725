package org.tafund.donors;

import java.util.List;

/** What a donor officer enters or changes about a donor. */
public record DonorDetails(String name, DonorType type, String country, String iatiIdentifier, String iatiOrgType,
		String notes, boolean active, List<ContactPerson> contacts) {
}
