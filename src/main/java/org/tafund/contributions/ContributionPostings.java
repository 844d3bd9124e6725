package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tafund.books.Account;
import org.tafund.books.BalanceQuery;
import org.tafund.books.Dimension;
import org.tafund.books.Dimensions;
import org.tafund.books.EntryDraft;
import org.tafund.books.Journal;
import org.tafund.books.JournalQueries;
import org.tafund.books.Posting;
import org.tafund.books.Segment;
import org.tafund.books.SourceType;
import org.tafund.donors.DonorManagement;
import org.tafund.shared.Money;

/**
 * The posting rules of the income side, written once: each event's journal entry, posted in the
 * event's own transaction (the journal refuses to post outside one), so that an event is never
 * stored without its entry. The rules are in the README's table.
 *
 * <p>An unconditional agreement carries its receivable at the signature rate in
 * {@link Account#RECEIVABLE}; period-end revaluations keep the difference to the closing rate in
 * {@link Account#RECEIVABLE_FX}, so that the two together are the receivable at the last closing
 * rate. A receipt relieves the receivable at the signature rate and books the difference to the
 * cash it brought as a realised exchange gain or loss (IPSAS 4.27); the next revaluation takes
 * back what was unrealised on it.
 */
@Component
class ContributionPostings {

	private final Journal journal;

	private final JournalQueries books;

	private final DonorManagement donors;

	ContributionPostings(Journal journal, JournalQueries books, DonorManagement donors) {
		this.journal = journal;
		this.books = books;
		this.donors = donors;
	}

	/** A date in a closed period is refused before anything else of the event is done. */
	void requireOpen(LocalDate date, String field) {
		journal.requireOpen(date, field);
	}

	/** Signature of an unconditional agreement: receivable and revenue at the signature rate. */
	void signed(Agreement agreement) {
		if (agreement.isConditional()) {
			return;
		}
		var usd = agreement.recognisedUsd().amount();
		var dims = dimensions(agreement);
		var segment = segment(agreement);
		journal.post(EntryDraft.of(agreement.getSignedOn(), SourceType.AGREEMENT_SIGNED, agreement.getId(),
				"Agreement " + agreement.getReference() + " signed")
			.line(Posting.debit(Account.RECEIVABLE, segment, usd, dims)
				.converted(agreement.total(), agreement.getRecognitionRate(), agreement.getRecognitionRateDate()))
			.credit(revenue(agreement), segment, usd, dims)
			.draft());
	}

	/** An amendment, on its own date: only the change of the recognised value, at the signature rate. */
	void amended(Agreement agreement, Amendment amendment, Money recognisedBefore) {
		if (agreement.isConditional()) {
			return;
		}
		var change = agreement.recognisedUsd().minus(recognisedBefore).amount();
		if (change.signum() == 0) {
			return;
		}
		var dims = dimensions(agreement);
		var segment = segment(agreement);
		journal.post(EntryDraft.of(amendment.getAmendedOn(), SourceType.AMENDMENT, amendment.getId(),
				"Agreement " + agreement.getReference() + " amended: " + amendment.getReason())
			.signed(Account.RECEIVABLE, segment, change, dims)
			.signed(revenue(agreement), segment, change.negate(), dims)
			.draft());
	}

	/** A cancellation, on its own date: the revenue still receivable leaves the books with it. */
	void cancelled(Agreement agreement) {
		if (agreement.isConditional()) {
			return;
		}
		var receivable = receivable(agreement.getId(), Account.RECEIVABLE);
		var dims = dimensions(agreement);
		var segment = segment(agreement);
		journal.post(EntryDraft.of(agreement.getCancelledOn(), SourceType.AGREEMENT_CANCELLED, agreement.getId(),
				"Agreement " + agreement.getReference() + " cancelled")
			.signed(revenue(agreement), segment, receivable, dims)
			.signed(Account.RECEIVABLE, segment, receivable.negate(), dims)
			.draft());
	}

	/**
	 * Cash at the receipt's own rate. On an unconditional agreement the part that settles what was
	 * outstanding relieves the receivable at the signature rate, the difference being a realised
	 * exchange gain or loss; what comes beyond the agreement (recorded as an overpayment) is revenue
	 * of the day. On a conditional agreement the cash is the revenue.
	 */
	void received(Agreement agreement, ReceiptView receipt, Money receivedBefore) {
		var dims = dimensions(agreement);
		var segment = segment(agreement);
		var cash = receipt.usd().amount();
		var entry = EntryDraft.of(receipt.receivedOn(), SourceType.RECEIPT, receipt.id(),
				"Receipt on " + agreement.getReference()
						+ (receipt.bankReference() == null ? "" : " (" + receipt.bankReference() + ")"))
			.line(Posting.debit(Account.CASH, segment, cash, dims)
				.converted(receipt.amount(), receipt.rate(), receipt.rateDate()));
		if (agreement.isConditional()) {
			journal.post(entry.credit(revenue(agreement), segment, cash, dims).draft());
			return;
		}
		var total = agreement.total();
		var value = receipt.inAgreementCurrency();
		var outstandingBefore = total.minus(receivedBefore.min(total));
		var applied = value.min(outstandingBefore);
		var outstandingAfter = outstandingBefore.minus(applied);
		// Settled in full, the receivable leaves the books whole; in part, what stays is carried at
		// the signature rate, so that rounding never accumulates.
		var carried = receivable(agreement.getId(), Account.RECEIVABLE);
		var relieved = outstandingAfter.isZero() ? carried
				: carried.subtract(outstandingAfter.toUsd(agreement.getRecognitionRate()).amount());
		var appliedCash = applied.equals(value) ? cash
				: Money.rounded(cash.multiply(applied.amount()).divide(value.amount(), java.math.MathContext.DECIMAL64),
						Money.USD).amount();
		journal.post(entry.signed(Account.RECEIVABLE, segment, relieved.negate(), dims)
			.signed(Account.FX_REALISED, segment, relieved.subtract(appliedCash), dims)
			.signed(revenue(agreement), segment, appliedCash.subtract(cash), dims)
			.draft());
	}

	/** A reversal mirrors the receipt's entry, dated the day it is recorded. */
	void reversed(Agreement agreement, ReceiptView original, ReceiptView reversal) {
		journal.postReversal(SourceType.RECEIPT, original.id(), reversal.receivedOn(), SourceType.RECEIPT_REVERSAL,
				reversal.id(), "Reversal of a receipt on " + agreement.getReference() + ": " + reversal.reason());
	}

	/** Money returned to the donor, at the rate of its own date. */
	void refunded(Agreement agreement, Refund.RefundView refund) {
		var dims = dimensions(agreement);
		var segment = segment(agreement);
		var usd = refund.usd().amount();
		journal.post(EntryDraft.of(refund.refundedOn(), SourceType.REFUND, refund.id(),
				"Refund on " + agreement.getReference() + ": " + refund.reason())
			.debit(Account.REFUNDS, segment, usd, dims)
			.line(Posting.credit(Account.CASH, segment, usd, dims)
				.converted(refund.amount(), refund.rate(), refund.rateDate()))
			.draft());
	}

	/**
	 * A revaluation run, dated at its period end: each agreement's receivable brought to its
	 * outstanding amount at the period-end rate, the change going to unrealised exchange.
	 */
	void revalued(RevaluationRun run, Map<Long, Agreement> agreements) {
		var entry = EntryDraft.of(run.getPeriodEnd(), SourceType.REVALUATION_RUN, run.getId(),
				"Revaluation of receivables at " + run.getPeriodEnd());
		boolean any = false;
		for (var line : run.lines()) {
			var booked = line.booked().amount();
			if (booked.signum() == 0) {
				continue;
			}
			var agreement = agreements.get(line.agreementId());
			var dims = dimensions(agreement);
			var segment = segment(agreement);
			entry.signed(Account.RECEIVABLE_FX, segment, booked, dims)
				.signed(Account.FX_UNREALISED, segment, booked.negate(), dims);
			any = true;
		}
		if (any) {
			journal.post(entry.draft());
		}
	}

	/** The receivable of each agreement in the books at a date: at the signature rate, and revalued. */
	Map<Long, BigDecimal[]> receivablesOn(LocalDate date) {
		var byAgreement = new java.util.HashMap<Long, BigDecimal[]>();
		for (var balance : books.sums(BalanceQuery.upTo(date)
			.accounts(Account.RECEIVABLE, Account.RECEIVABLE_FX)
			.groupedBy(Dimension.AGREEMENT_ID))) {
			if (balance.groupId() == null) {
				continue;
			}
			var pair = byAgreement.computeIfAbsent(balance.groupId(),
					id -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			pair[balance.account() == Account.RECEIVABLE ? 0 : 1] = pair[balance.account() == Account.RECEIVABLE ? 0
					: 1].add(balance.net());
		}
		return byAgreement;
	}

	private BigDecimal receivable(long agreementId, Account account) {
		return books.sums(BalanceQuery.upTo(LocalDate.of(9999, 12, 31))
			.accounts(account)
			.where(Dimension.AGREEMENT_ID, agreementId))
			.stream()
			.map(org.tafund.books.Balance::net)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static Segment segment(Agreement agreement) {
		return agreement.getFundingWindow() == FundingWindow.CPCJF_GENERAL_PURPOSE ? Segment.GENERAL
				: Segment.SPECIAL;
	}

	static Account revenue(Agreement agreement) {
		return Account.revenue(agreement.getFundingWindow().name());
	}

	private Dimensions dimensions(Agreement agreement) {
		var earmark = agreement.getEarmarkKind() == null ? null
				: agreement.getEarmarkKind().name() + ":" + agreement.getEarmarkTarget();
		return Dimensions.donor(agreement.getDonorId(), donors.get(agreement.getDonorId()).type().name())
			.withAgreement(agreement.getId(), agreement.getFundingWindow().name(), earmark);
	}

}
