package org.tafund.books;

/** What a close covers: one month, or a whole year. */
public enum PeriodKind {

	MONTH, YEAR

}
