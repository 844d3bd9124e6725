package org.tafund.reference;

/** A country as pages and other modules see it, named in the reader's language. */
public record CountryView(String code, String name, String region, String subRegion, String intermediateRegion,
		boolean leastDeveloped, Classification classification) {

	/** Its region, sub-region and intermediate region in the reader's language: what a search finds it by. */
	public String regionNames(java.util.Locale locale) {
		return java.util.stream.Stream.of(region, subRegion, intermediateRegion)
			.filter(r -> r != null && !r.isBlank())
			.map(r -> Regions.name(r, locale))
			.collect(java.util.stream.Collectors.joining(" "));
	}

	/** True when {@code name} is this country's region, sub-region or intermediate region. */
	public boolean isIn(String name) {
		return name != null && (name.equalsIgnoreCase(region) || name.equalsIgnoreCase(subRegion)
				|| name.equalsIgnoreCase(intermediateRegion));
	}

}
