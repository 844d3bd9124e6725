package org.tafund.publishing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the activity file will say, worked out before a line of XML is written: one activity per
 * published project, and everything left out with the reason, for the Publishing page.
 */
record Publication(Instant generatedAt, Org reportingOrg, int projects, List<Activity> activities,
		List<Omission> omissions) {

	/** An organisation as IATI names it: its role in the activity, identifier, type and name. */
	record Org(Integer role, String ref, String type, String name) {
	}

	record ActivityDate(int type, LocalDate date) {
	}

	record Country(String code, BigDecimal percentage) {
	}

	/** A year's budget, its period cut to the project's dates where they fall inside the year. */
	record Budget(int year, LocalDate start, LocalDate end, BigDecimal usd) {
	}

	/** A transaction: IATI type (1 incoming funds, 2 outgoing commitment, 4 expenditure), in USD. */
	record Transaction(int type, LocalDate date, BigDecimal usd, String description, Org provider, Org receiver,
			Integer earmarking) {
	}

	/**
	 * A project as an IATI activity. Its expenditure is read while the file is written, project by
	 * project, so that a file of every project never holds every expenditure line at once.
	 */
	record Activity(long projectId, String code, String identifier, String title, String description, int status,
			List<ActivityDate> dates, List<Org> participating, List<Country> countries, String sector,
			Integer earmarking, List<Budget> budgets, List<Transaction> funding, Instant lastUpdated) {
	}

	/**
	 * Something left out of the file, a whole project or a part of one: {@code what} and {@code why}
	 * are message keys (so that the page says them in its reader's language), {@code detail} the
	 * argument of {@code why}: the officer's reason, a code, a date.
	 */
	record Omission(long projectId, String projectCode, String what, String why, String detail) {
	}

	/** Sums of a project's published transactions by IATI type, for checks against its own figures. */
	static BigDecimal sum(List<Transaction> transactions, int type) {
		return transactions.stream().filter(t -> t.type() == type).map(Transaction::usd).reduce(BigDecimal.ZERO,
				BigDecimal::add);
	}

}
