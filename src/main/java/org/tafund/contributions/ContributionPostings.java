package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tafund.books.Account;
import org.tafund.books.BalanceQuery;
import org.tafund.books.Dimension;
import org.tafund.books.Journal;
import org.tafund.books.JournalEntryView;
import org.tafund.books.JournalQueries;
import org.tafund.books.SourceType;
import org.tafund.contributions.ContributionRules.AgreementFacts;
import org.tafund.contributions.ContributionRules.AmendmentFacts;
import org.tafund.contributions.ContributionRules.ReceiptFacts;
import org.tafund.contributions.ContributionRules.RefundFacts;
import org.tafund.contributions.ContributionRules.RevaluedReceivable;
import org.tafund.contributions.ContributionRules.SignatureFacts;
import org.tafund.donors.DonorManagement;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;

/**
 * Posts the income side's entries in each event's own transaction (the journal refuses to post
 * outside one), so that an event is never stored without its entry. The rules themselves are in
 * {@link ContributionRules}; this bean gathers their facts: the donor's type, and the balances the
 * books carry for the agreement.
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

	void signed(Agreement agreement) {
		ContributionRules.signed(facts(agreement),
				new SignatureFacts(agreement.getSignedOn(), agreement.total(), agreement.getRecognitionRate(),
						agreement.getRecognitionRateDate(), agreement.recognisedUsd()))
			.ifPresent(journal::post);
	}

	void amended(Agreement agreement, Amendment amendment, Money received) {
		if (!agreement.carriesReceivable()) {
			return;
		}
		amended(agreement, amendment, agreement.outstanding(received), receivable(agreement.getId(), Account.RECEIVABLE));
	}

	/** An amendment dated before receipts already booked: from the position of its own day. */
	void amended(Agreement agreement, Amendment amendment, PositionReplay.Position then) {
		amended(agreement, amendment, then.owedUnder(amendment.getNewTotal()), then.carried());
	}

	private void amended(Agreement agreement, Amendment amendment, Money outstandingAfter, BigDecimal carried) {
		ContributionRules
			.amended(facts(agreement), new AmendmentFacts(amendment.getId(), amendment.getAmendedOn(),
					amendment.getReason(), outstandingAfter, carried))
			.ifPresent(journal::post);
	}

	void cancelled(Agreement agreement) {
		// A conditional or in-kind agreement carries no receivable: no need to ask the books.
		if (!agreement.carriesReceivable()) {
			return;
		}
		ContributionRules
			.cancelled(facts(agreement), agreement.getCancelledOn(), receivable(agreement.getId(), Account.RECEIVABLE))
			.ifPresent(journal::post);
	}

	void received(Agreement agreement, ReceiptView receipt, Money receivedBefore) {
		// A conditional or in-kind agreement carries no receivable: no need to ask the books.
		if (!agreement.carriesReceivable()) {
			received(agreement, receipt, new PositionReplay.Position(agreement.total(), receivedBefore, BigDecimal.ZERO));
			return;
		}
		// The receivable it relieves is read with the journal's lock, in the same round trip.
		var facts = facts(agreement);
		journal.post(SourceType.RECEIPT, receipt.id(), receipt.receivedOn(), agreement.getId(), Account.RECEIVABLE,
				carried -> ContributionRules.received(facts, receiptFacts(receipt,
						new PositionReplay.Position(agreement.total(), receivedBefore, carried))));
	}

	/** A receipt from the position before it: of its own day when it is dated before receipts already booked. */
	void received(Agreement agreement, ReceiptView receipt, PositionReplay.Position before) {
		journal.post(ContributionRules.received(facts(agreement), receiptFacts(receipt, before)));
	}

	/** A receipt's facts for its rule, from the position before it. */
	static ReceiptFacts receiptFacts(ReceiptView receipt, PositionReplay.Position before) {
		return new ReceiptFacts(receipt.id(), receipt.receivedOn(), receipt.amount(), receipt.rate(), receipt.rateDate(),
				receipt.usd(), receipt.inAgreementCurrency(), receipt.bankReference(), before.total(), before.received(),
				before.carried());
	}

	/**
	 * {@code adjusted}: the lines adjustments of the receipt booked since (an earlier-dated receipt
	 * changed what it settled); the reversal mirrors them with the receipt's own entry.
	 */
	void reversed(Agreement agreement, ReceiptView original, ReceiptView reversal, Money receivedAfter,
			java.util.List<org.tafund.books.Posting> adjusted) {
		var source = agreement.isInKind() ? SourceType.IN_KIND_DELIVERY : SourceType.RECEIPT;
		var lines = new ArrayList<>(posted(source, original.id())
			.orElseThrow(() -> new BusinessRuleViolation("journal.notPosted", source.name(), original.id())));
		lines.addAll(adjusted);
		if (!agreement.carriesReceivable()) {
			journal.post(ContributionRules.reversed(facts(agreement), reversal.id(), reversal.receivedOn(),
					reversal.reason(), lines));
			return;
		}
		journal.post(ContributionRules.reversed(facts(agreement), reversal.id(), reversal.receivedOn(),
				reversal.reason(), lines, agreement.outstanding(receivedAfter),
				receivable(agreement.getId(), Account.RECEIVABLE)));
	}

	void refunded(Agreement agreement, Refund.RefundView refund) {
		journal.post(ContributionRules.refunded(facts(agreement), new RefundFacts(refund.id(), refund.refundedOn(),
				refund.amount(), refund.rate(), refund.rateDate(), refund.usd(), refund.reason())));
	}

	void revalued(RevaluationRun run, Map<Long, Agreement> agreements) {
		var lines = new ArrayList<RevaluedReceivable>();
		for (var line : run.lines()) {
			if (line.booked().isZero()) {
				continue;
			}
			lines.add(new RevaluedReceivable(facts(agreements.get(line.agreementId())), line.booked().amount()));
		}
		ContributionRules.revalued(run.getId(), run.getPeriodEnd(), lines).ifPresent(journal::post);
	}

	void revaluationAdjusted(RevaluationAdjustment adjustment, LocalDate periodEnd, Agreement agreement) {
		ContributionRules
			.revaluationAdjusted(adjustment.getId(), periodEnd, adjustment.cause(),
					new RevaluedReceivable(facts(agreement), adjustment.booked().amount()))
			.ifPresent(journal::post);
	}

	void positionAdjusted(PositionAdjustment adjustment, LocalDate on, AgreementFacts agreement, String target,
			Map<Account, BigDecimal> differences) {
		ContributionRules
			.positionAdjusted(agreement, adjustment.getId(), on, target, adjustment.cause(), differences)
			.ifPresent(journal::post);
	}

	/** The lines of the entry that recorded an event, if it was posted. */
	java.util.Optional<java.util.List<org.tafund.books.Posting>> posted(SourceType type, long id) {
		return books.entryBySource(type, id)
			.map(entry -> entry.lines().stream().map(JournalEntryView.Line::toPosting).toList());
	}

	/** Every journal line of the agreement, with its entry's source. */
	java.util.List<JournalQueries.AgreementLine> lines(long agreementId) {
		return books.agreementLines(agreementId);
	}

	/** One agreement's receivable in the books at the end of a day: at the signature rate, and revalued. */
	BigDecimal[] receivableOn(long agreementId, LocalDate date) {
		var pair = new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO };
		for (var balance : books.sums(BalanceQuery.upTo(date)
			.accounts(Account.RECEIVABLE, Account.RECEIVABLE_FX)
			.where(Dimension.AGREEMENT_ID, agreementId))) {
			add(pair, balance);
		}
		return pair;
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
			add(byAgreement.computeIfAbsent(balance.groupId(),
					id -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO }), balance);
		}
		return byAgreement;
	}

	/** Adds a balance to a (at the signature rate, revalued) pair. */
	private static void add(BigDecimal[] pair, org.tafund.books.Balance balance) {
		var index = balance.account() == Account.RECEIVABLE ? 0 : 1;
		pair[index] = pair[index].add(balance.net());
	}

	private BigDecimal receivable(long agreementId, Account account) {
		return books.agreementBalance(agreementId, account);
	}

	AgreementFacts facts(Agreement agreement) {
		return AgreementFacts.of(agreement, donors.typeOf(agreement.getDonorId()).name());
	}

}
