package org.tafund.books;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** The trial balance, stored with every period close. */
@Component
class TrialBalanceReport implements PeriodReport {

	static final String NAME = "trial-balance";

	private final JournalQueries queries;

	TrialBalanceReport(JournalQueries queries) {
		this.queries = queries;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Object figures(LocalDate from, LocalDate to) {
		return queries.trialBalance(from, to);
	}

}
