package org.tafund.publishing;

/** What of a project a finance officer can keep out of the published file. */
enum Withheld {

	/** The whole project. */
	PROJECT,
	/** Its description (the title stays, and a description written from its theme stands in). */
	DESCRIPTION,
	/** Its recipient countries (for a project whose beneficiaries must not be named). */
	COUNTRIES,
	/** The names and identifiers of the donors that fund it (the amounts stay). */
	DONORS

}
