package org.tafund.books;

import java.time.LocalDate;

/**
 * A report whose figures are stored when a period is closed (service provider interface). Other
 * modules contribute a bean implementing it (the fund statement, for instance); books stores the
 * trial balance itself. The figures are written as canonical JSON (keys sorted, decimals as plain
 * strings, dates ISO), so they must be plain data: records, lists, maps, numbers, text, dates.
 */
public interface PeriodReport {

	/** A stable name, the report's key in the stored snapshot (e.g. {@code fund-statement}). */
	String name();

	/** The report's figures for the period {@code [from, to]}, as of now. */
	Object figures(LocalDate from, LocalDate to);

}
