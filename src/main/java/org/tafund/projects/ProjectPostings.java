package org.tafund.projects;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.tafund.books.Account;
import org.tafund.books.Dimensions;
import org.tafund.books.EntryDraft;
import org.tafund.books.Journal;
import org.tafund.books.Posting;
import org.tafund.books.Segment;
import org.tafund.books.SourceType;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;

/**
 * The posting rules of the spending side, written once and posted in the event's transaction.
 * Expenditure is charged to the segment that funds its project: general-purpose when every
 * allocation to the project came from a general-purpose agreement, special-purpose otherwise.
 * Its programme support costs are an expense of that segment and the income of the PSC segment,
 * with the cash that pays them moving between the two, so that each segment balances on its own.
 */
@Component
class ProjectPostings {

	private final Journal journal;

	private final Allocations allocations;

	private final ContributionManagement contributions;

	ProjectPostings(Journal journal, Allocations allocations, ContributionManagement contributions) {
		this.journal = journal;
		this.allocations = allocations;
		this.contributions = contributions;
	}

	void requireOpen(LocalDate date, String field) {
		journal.requireOpen(date, field);
	}

	void spent(Project project, Expenditure.ExpenditureView line) {
		var segment = segment(project.getId());
		var dims = Dimensions.project(project.getId())
			.withActivity(line.activityId())
			.withBudgetCategory(line.category().name());
		var usd = line.usd().amount();
		var psc = line.psc().amount();
		journal.post(EntryDraft.of(line.spentOn(), SourceType.EXPENDITURE, line.id(),
				"Expenditure on " + project.getCode() + (line.reference() == null ? "" : " (" + line.reference() + ")"))
			.line(Posting.debit(Account.expenditure(line.category().name()), segment, usd, dims)
				.converted(line.amount(), line.rate(), line.rateDate()))
			.credit(Account.CASH, segment, usd, dims)
			.debit(Account.PSC_EXPENSE, segment, psc, dims)
			.credit(Account.CASH, segment, psc, dims)
			.debit(Account.CASH, Segment.PSC, psc, dims)
			.credit(Account.PSC_INCOME, Segment.PSC, psc, dims)
			.draft());
	}

	void reversed(Project project, Expenditure.ExpenditureView original, Expenditure.ExpenditureView reversal) {
		journal.postReversal(SourceType.EXPENDITURE, original.id(), reversal.spentOn(), SourceType.EXPENDITURE_REVERSAL,
				reversal.id(), "Reversal of expenditure on " + project.getCode() + ": " + reversal.reason());
	}

	private Segment segment(long projectId) {
		var funding = allocations.findByProjectIdOrderByAllocatedOnAscIdAsc(projectId);
		var general = !funding.isEmpty() && funding.stream()
			.map(a -> a.getAgreementId())
			.distinct()
			.allMatch(id -> contributions.agreement(id).window() == FundingWindow.CPCJF_GENERAL_PURPOSE);
		return general ? Segment.GENERAL : Segment.SPECIAL;
	}

}
