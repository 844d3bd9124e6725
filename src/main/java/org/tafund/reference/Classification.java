package org.tafund.reference;

/** The UN World Economic Situation and Prospects classification of a country. */
public enum Classification {

	DEVELOPING, TRANSITION, DEVELOPED

}
