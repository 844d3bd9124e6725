package org.tafund.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.tafund.books.Account;
import org.tafund.books.Dimensions;
import org.tafund.books.EntryDraft;
import org.tafund.books.Posting;
import org.tafund.books.Segment;
import org.tafund.books.SourceType;
import org.tafund.contributions.FundingWindow;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.shared.Money;

/**
 * The posting rules of the spending side, written once, as pure functions of plain facts (no
 * application context, no database): {@link ProjectPostings} gathers the facts in the event's
 * transaction and posts; the migration that posts the records stored before the journal and the
 * volume data generator call the same functions.
 *
 * <p>Expenditure is charged to the segment that funds its project: general-purpose when every
 * allocation to the project came from a general-purpose agreement, special-purpose otherwise.
 * Its programme support costs are an expense of that segment and the income of the PSC segment,
 * with the cash that pays them moving between the two, so that each segment balances on its own.
 */
public final class ExpenditureRules {

	private ExpenditureRules() {
	}

	/**
	 * A line of expenditure as recorded (never a reversal): its original amount, rate and rate
	 * date, its USD amount and PSC, and the segment that funds its project ({@link #segment}).
	 */
	public record ExpenditureFacts(long id, long projectId, String projectCode, Long activityId, LocalDate spentOn,
			BudgetCategory category, Money amount, BigDecimal rate, LocalDate rateDate, Money usd, Money psc,
			String reference, Segment segment) {

		public ExpenditureFacts {
			Objects.requireNonNull(category, "category");
			Objects.requireNonNull(segment, "segment");
		}

	}

	/**
	 * The segment of a project's expenditure, from the funding windows of the agreements its
	 * allocations come from (one per allocation, or per agreement): general-purpose when there is
	 * at least one and all are general-purpose, special-purpose otherwise.
	 */
	public static Segment segment(Collection<FundingWindow> allocatedFrom) {
		var general = !allocatedFrom.isEmpty()
				&& allocatedFrom.stream().allMatch(window -> window == FundingWindow.CPCJF_GENERAL_PURPOSE);
		return general ? Segment.GENERAL : Segment.SPECIAL;
	}

	/**
	 * Expenditure, on its own date, in its project's segment: the expense of its budget category
	 * against cash at its rate; the PSC as an expense of that segment paid in cash to the PSC
	 * segment, where it is income.
	 */
	public static EntryDraft spent(ExpenditureFacts line) {
		var segment = line.segment();
		var dims = Dimensions.project(line.projectId())
			.withActivity(line.activityId())
			.withBudgetCategory(line.category().name());
		var usd = line.usd().amount();
		var psc = line.psc().amount();
		return EntryDraft.of(line.spentOn(), SourceType.EXPENDITURE, line.id(),
				EntryDraft.abbreviate("Expenditure on " + line.projectCode()
						+ (line.reference() == null ? "" : " (" + line.reference() + ")")))
			.line(Posting.debit(Account.expenditure(line.category().name()), segment, usd, dims)
				.converted(line.amount(), line.rate(), line.rateDate()))
			.credit(Account.CASH, segment, usd, dims)
			.debit(Account.PSC_EXPENSE, segment, psc, dims)
			.credit(Account.CASH, segment, psc, dims)
			.debit(Account.CASH, Segment.PSC, psc, dims)
			.credit(Account.PSC_INCOME, Segment.PSC, psc, dims)
			.draft();
	}

	/**
	 * A reversal mirrors the entry of the expenditure it undoes ({@code originalLines}, as
	 * posted), dated the day it is recorded.
	 */
	public static EntryDraft reversed(String projectCode, long reversalId, LocalDate reversedOn, String reason,
			List<Posting> originalLines) {
		return EntryDraft.mirroring(originalLines, reversedOn, SourceType.EXPENDITURE_REVERSAL, reversalId,
				EntryDraft.abbreviate("Reversal of expenditure on " + projectCode + ": " + reason));
	}

}
