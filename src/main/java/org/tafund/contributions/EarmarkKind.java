package org.tafund.contributions;

/** What an earmarked agreement is tied to (IATI earmarking levels 2 to 4). */
public enum EarmarkKind {

	THEME, REGION, COUNTRY, PROJECT

}
