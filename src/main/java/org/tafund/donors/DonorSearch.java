package org.tafund.donors;

/** The donor list's filters; blank means no filter. */
public record DonorSearch(String name, DonorType type, String country, Boolean active) {

	public static DonorSearch all() {
		return new DonorSearch(null, null, null, null);
	}

}
