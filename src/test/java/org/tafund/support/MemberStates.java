package org.tafund.support;

import java.util.Locale;

import org.springframework.data.domain.PageRequest;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorSearch;
import org.tafund.donors.DonorType;
import org.tafund.reference.CountryCatalogue;

/**
 * A country for a test's Member State: a country has one Member State donor, and tests that share a
 * database (and run again on it) each need one of their own.
 */
public final class MemberStates {

	private MemberStates() {
	}

	/**
	 * {@code preferred} when no active Member State holds it yet, else the first country free; on a
	 * test database kept through many runs, where every country has one, the preferred country's
	 * Member States (left by earlier runs) are made inactive.
	 */
	public static String freeCountry(DonorManagement donors, CountryCatalogue countries, String preferred) {
		if (free(donors, preferred)) {
			return preferred;
		}
		return countries.all(Locale.ENGLISH)
			.stream()
			.map(c -> c.code())
			.filter(code -> free(donors, code))
			.findFirst()
			.orElseGet(() -> {
				donors.search(new DonorSearch(null, DonorType.MEMBER_STATE, preferred, true), PageRequest.of(0, 10))
					.forEach(d -> donors.update(d.id(), d.version(), new org.tafund.donors.DonorDetails(d.name(), d.type(),
							d.country(), d.iatiIdentifier(), d.iatiOrgType(), d.notes(), false, d.contacts())));
				return preferred;
			});
	}

	private static boolean free(DonorManagement donors, String country) {
		return donors.search(new DonorSearch(null, DonorType.MEMBER_STATE, country, true), PageRequest.of(0, 1))
			.isEmpty();
	}

}
