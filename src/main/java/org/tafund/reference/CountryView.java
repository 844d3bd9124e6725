package org.tafund.reference;

/** A country as pages and other modules see it, named in the reader's language. */
public record CountryView(String code, String name, String region, String subRegion, boolean leastDeveloped) {
}
