package org.tafund.projects;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.tafund.books.Journal;
import org.tafund.books.JournalEntryView;
import org.tafund.books.JournalQueries;
import org.tafund.books.Segment;
import org.tafund.books.SourceType;
import org.tafund.contributions.ContributionManagement;
import org.tafund.projects.ExpenditureRules.ExpenditureFacts;
import org.tafund.shared.BusinessRuleViolation;

/**
 * Posts the spending side's entries in each event's own transaction. The rules themselves are in
 * {@link ExpenditureRules}; this bean gathers their facts: the funding windows of the agreements
 * the project's allocations come from, and for a reversal the entry it mirrors.
 */
@Component
class ProjectPostings {

	private final Journal journal;

	private final JournalQueries books;

	private final Allocations allocations;

	private final ContributionManagement contributions;

	ProjectPostings(Journal journal, JournalQueries books, Allocations allocations,
			ContributionManagement contributions) {
		this.journal = journal;
		this.books = books;
		this.allocations = allocations;
		this.contributions = contributions;
	}

	void requireOpen(LocalDate date, String field) {
		journal.requireOpen(date, field);
	}

	void spent(Project project, Expenditure.ExpenditureView line) {
		journal.post(ExpenditureRules.spent(new ExpenditureFacts(line.id(), project.getId(), project.getCode(),
				line.activityId(), line.spentOn(), line.category(), line.amount(), line.rate(), line.rateDate(),
				line.usd(), line.psc(), line.reference(), segment(project.getId()))));
	}

	void reversed(Project project, Expenditure.ExpenditureView original, Expenditure.ExpenditureView reversal) {
		var posted = books.entryBySource(SourceType.EXPENDITURE, original.id())
			.orElseThrow(
					() -> new BusinessRuleViolation("journal.notPosted", SourceType.EXPENDITURE.name(), original.id()));
		journal.post(ExpenditureRules.reversed(project.getCode(), reversal.id(), reversal.spentOn(), reversal.reason(),
				posted.lines().stream().map(JournalEntryView.Line::toPosting).toList()));
	}

	private Segment segment(long projectId) {
		// The windows alone: loading each agreement with its receipts would cost a statement per row.
		return ExpenditureRules.segment(contributions.windowsOf(allocations.findByProjectIdOrderByAllocatedOnAscIdAsc(projectId)
			.stream()
			.map(Allocation::getAgreementId)
			.collect(java.util.stream.Collectors.toSet())));
	}

}
