package org.tafund.reference;

/** A country as pages and other modules see it, named in the reader's language. */
public record CountryView(String code, String name, String region, String subRegion, String intermediateRegion,
		boolean leastDeveloped, Classification classification) {

	/** True when {@code name} is this country's region, sub-region or intermediate region. */
	public boolean isIn(String name) {
		return name != null && (name.equalsIgnoreCase(region) || name.equalsIgnoreCase(subRegion)
				|| name.equalsIgnoreCase(intermediateRegion));
	}

}
