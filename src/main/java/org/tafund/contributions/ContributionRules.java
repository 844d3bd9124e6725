package org.tafund.contributions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.tafund.books.Account;
import org.tafund.books.Dimensions;
import org.tafund.books.EntryDraft;
import org.tafund.books.Posting;
import org.tafund.books.Segment;
import org.tafund.books.SourceType;
import org.tafund.shared.Money;

/**
 * The posting rules of the income side, written once, as pure functions: each builds the journal
 * entry of an event from plain facts (the event's own data and the balances it needs), with no
 * application context and no database. {@link ContributionPostings} gathers the facts in the
 * event's transaction and posts what they give; the migration that posts the records stored
 * before the journal and the volume data generator call the same functions. The rules are in the
 * README's table. What an agreement provides to projects ({@link #fundingFromCash},
 * {@link #fundingFromRecognition}) is here too, for the same callers.
 *
 * <p>An unconditional agreement carries its receivable at the signature rate in
 * {@link Account#RECEIVABLE}; period-end revaluations keep the difference to the closing rate in
 * {@link Account#RECEIVABLE_FX}, so that the two together are the receivable at the last closing
 * rate. A receipt relieves the receivable at the signature rate and books the difference to the
 * cash it brought as a realised exchange gain or loss (IPSAS 4.27); the next revaluation takes
 * back what was unrealised on it. A conditional agreement is no receivable: its cash is its
 * revenue.
 */
public final class ContributionRules {

	private ContributionRules() {
	}

	/**
	 * What every entry of an agreement says about it. {@code donorType} is the donor's type by
	 * name ({@code MEMBER_STATE}, ...); {@code signatureRate} (units per USD) is the rate its
	 * receivable is carried at, null before signature; {@code inKind}: goods or services at fair
	 * value, recognised as they are delivered.
	 */
	public record AgreementFacts(long id, String reference, long donorId, String donorType, FundingWindow window,
			EarmarkKind earmarkKind, String earmarkTarget, boolean conditional, BigDecimal signatureRate,
			boolean inKind) {

		public AgreementFacts {
			Objects.requireNonNull(reference, "reference");
			Objects.requireNonNull(window, "window");
		}

		/** An agreement in cash. */
		public AgreementFacts(long id, String reference, long donorId, String donorType, FundingWindow window,
				EarmarkKind earmarkKind, String earmarkTarget, boolean conditional, BigDecimal signatureRate) {
			this(id, reference, donorId, donorType, window, earmarkKind, earmarkTarget, conditional, signatureRate,
					false);
		}

		static AgreementFacts of(Agreement agreement, String donorType) {
			return new AgreementFacts(agreement.getId(), agreement.getReference(), agreement.getDonorId(), donorType,
					agreement.getFundingWindow(), agreement.getEarmarkKind(), agreement.getEarmarkTarget(),
					agreement.isConditional(), agreement.getRecognitionRate(), agreement.isInKind());
		}

		/** Revenue comes with what arrives, not at signature: conditional and in-kind agreements carry no receivable. */
		public boolean recognisedOnArrival() {
			return conditional || inKind;
		}

		/** General-purpose funds for the CPCJF general-purpose window, special-purpose for all others. */
		public Segment segment() {
			return window == FundingWindow.CPCJF_GENERAL_PURPOSE ? Segment.GENERAL : Segment.SPECIAL;
		}

		/** The contribution revenue account of its funding window, or in-kind revenue. */
		public Account revenue() {
			return inKind ? Account.REV_IN_KIND : Account.revenue(window.name());
		}

		/** Donor and its type, agreement, funding window and earmark ({@code THEME:EXTRADITION}). */
		public Dimensions dimensions() {
			var earmark = earmarkKind == null ? null : earmarkKind.name() + ":" + earmarkTarget;
			return Dimensions.donor(donorId, donorType).withAgreement(id, window.name(), earmark);
		}

	}

	/** A signature: the total signed, the rate of that day and the USD value recognised at it. */
	public record SignatureFacts(LocalDate signedOn, Money total, BigDecimal rate, LocalDate rateDate,
			Money recognisedUsd) {
	}

	/**
	 * An amendment: what remains outstanding under the new total (never below zero, in the
	 * agreement's currency) and the receivable the books carry for the agreement at the signature
	 * rate ({@link Account#RECEIVABLE}, in USD) before it.
	 */
	public record AmendmentFacts(long id, LocalDate amendedOn, String reason, Money outstandingAfter,
			BigDecimal carriedReceivable) {
	}

	/**
	 * A receipt (not a reversal) with what it needs of its agreement at the moment it is booked:
	 * the agreement's total then, what had been received before it (net of reversals, in the
	 * agreement's currency) and the receivable the books carry for the agreement at the signature
	 * rate ({@link Account#RECEIVABLE}, in USD).
	 */
	public record ReceiptFacts(long id, LocalDate receivedOn, Money amount, BigDecimal rate, LocalDate rateDate,
			Money usd, Money inAgreementCurrency, String bankReference, Money total, Money receivedBefore,
			BigDecimal carriedReceivable) {
	}

	/** Money returned to the donor, in the agreement's currency, at the rate of its own date. */
	public record RefundFacts(long id, LocalDate refundedOn, Money amount, BigDecimal rate, LocalDate rateDate,
			Money usd, String reason) {
	}

	/** One agreement's line of a revaluation run: what the run books for it (the change since its previous run). */
	public record RevaluedReceivable(AgreementFacts agreement, BigDecimal bookedUsd) {
	}

	/**
	 * Signature of an unconditional agreement: receivable and revenue at the signature rate. A
	 * conditional agreement posts nothing (its revenue comes with its cash).
	 */
	public static Optional<EntryDraft> signed(AgreementFacts agreement, SignatureFacts signature) {
		if (agreement.recognisedOnArrival()) {
			return Optional.empty();
		}
		var usd = signature.recognisedUsd().amount();
		var dims = agreement.dimensions();
		var segment = agreement.segment();
		return Optional.of(EntryDraft.of(signature.signedOn(), SourceType.AGREEMENT_SIGNED, agreement.id(),
				"Agreement " + agreement.reference() + " signed")
			.line(Posting.debit(Account.RECEIVABLE, segment, usd, dims)
				.converted(signature.total(), signature.rate(), signature.rateDate()))
			.credit(agreement.revenue(), segment, usd, dims)
			.draft());
	}

	/**
	 * An amendment, on its own date: the receivable is brought to what remains outstanding under
	 * the new total at the signature rate, and revenue moves with it (up, or down). Only the change
	 * is posted. What was received beyond the old total was revenue on the day it came, so raising
	 * the total of an overpaid agreement recognises nothing twice; lowering it to what was received
	 * relieves all that is carried, to the cent. Nothing for a conditional agreement or a change of
	 * schedule alone.
	 */
	public static Optional<EntryDraft> amended(AgreementFacts agreement, AmendmentFacts amendment) {
		if (agreement.recognisedOnArrival()) {
			return Optional.empty();
		}
		var outstanding = amendment.outstandingAfter();
		var target = outstanding.isPositive() ? outstanding.toUsd(agreement.signatureRate()).amount()
				: BigDecimal.ZERO;
		var change = target.subtract(amendment.carriedReceivable());
		if (change.signum() == 0) {
			return Optional.empty();
		}
		var dims = agreement.dimensions();
		var segment = agreement.segment();
		return Optional.of(EntryDraft.of(amendment.amendedOn(), SourceType.AMENDMENT, amendment.id(),
				EntryDraft.abbreviate("Agreement " + agreement.reference() + " amended: " + amendment.reason()))
			.signed(Account.RECEIVABLE, segment, change, dims)
			.signed(agreement.revenue(), segment, change.negate(), dims)
			.draft());
	}

	/**
	 * A cancellation, on its own date: the revenue still receivable ({@code carriedReceivable},
	 * what {@link Account#RECEIVABLE} holds for the agreement) leaves the books with it. Nothing for
	 * a conditional agreement, nor when nothing is carried.
	 */
	public static Optional<EntryDraft> cancelled(AgreementFacts agreement, LocalDate cancelledOn,
			BigDecimal carriedReceivable) {
		if (agreement.recognisedOnArrival() || carriedReceivable.signum() == 0) {
			return Optional.empty();
		}
		var dims = agreement.dimensions();
		var segment = agreement.segment();
		return Optional.of(EntryDraft.of(cancelledOn, SourceType.AGREEMENT_CANCELLED, agreement.id(),
				"Agreement " + agreement.reference() + " cancelled")
			.signed(agreement.revenue(), segment, carriedReceivable, dims)
			.signed(Account.RECEIVABLE, segment, carriedReceivable.negate(), dims)
			.draft());
	}

	/**
	 * Cash at the receipt's own rate. On an unconditional agreement the part that settles what was
	 * outstanding relieves the receivable: all of what is carried when the agreement becomes fully
	 * received, otherwise down to the outstanding that remains at the signature rate (so that
	 * rounding never accumulates); the difference to the cash applied is a realised exchange gain
	 * or loss. What comes beyond the agreement (recorded as an overpayment) is revenue of the day.
	 * On a conditional agreement the cash is the revenue. On an in-kind agreement a "receipt" is a
	 * delivery of goods or services: its fair value, at the rate of its date, is in-kind revenue
	 * and an equal expense (they are used as they come), and no cash moves.
	 */
	public static EntryDraft received(AgreementFacts agreement, ReceiptFacts receipt) {
		var dims = agreement.dimensions();
		var segment = agreement.segment();
		var cash = receipt.usd().amount();
		if (agreement.inKind()) {
			return EntryDraft.of(receipt.receivedOn(), SourceType.IN_KIND_DELIVERY, receipt.id(),
					EntryDraft.abbreviate("In-kind delivery on " + agreement.reference()
							+ (receipt.bankReference() == null ? "" : " (" + receipt.bankReference() + ")")))
				.line(Posting.debit(Account.IN_KIND_EXPENSE, segment, cash, dims)
					.converted(receipt.amount(), receipt.rate(), receipt.rateDate()))
				.credit(Account.REV_IN_KIND, segment, cash, dims)
				.draft();
		}
		var entry = EntryDraft.of(receipt.receivedOn(), SourceType.RECEIPT, receipt.id(),
				EntryDraft.abbreviate("Receipt on " + agreement.reference()
						+ (receipt.bankReference() == null ? "" : " (" + receipt.bankReference() + ")")))
			.line(Posting.debit(Account.CASH, segment, cash, dims)
				.converted(receipt.amount(), receipt.rate(), receipt.rateDate()));
		if (agreement.conditional()) {
			return entry.credit(agreement.revenue(), segment, cash, dims).draft();
		}
		var total = receipt.total();
		var value = receipt.inAgreementCurrency();
		var outstandingBefore = total.minus(receipt.receivedBefore().min(total));
		var applied = value.min(outstandingBefore);
		var outstandingAfter = outstandingBefore.minus(applied);
		var carried = receipt.carriedReceivable();
		var relieved = outstandingAfter.isZero() ? carried
				: carried.subtract(outstandingAfter.toUsd(agreement.signatureRate()).amount());
		var appliedCash = applied.equals(value) ? cash
				: Money.rounded(cash.multiply(applied.amount()).divide(value.amount(), MathContext.DECIMAL64), Money.USD)
					.amount();
		return entry.signed(Account.RECEIVABLE, segment, relieved.negate(), dims)
			.signed(Account.FX_REALISED, segment, relieved.subtract(appliedCash), dims)
			.signed(agreement.revenue(), segment, appliedCash.subtract(cash), dims)
			.draft();
	}

	/**
	 * A reversal mirrors the entry of the receipt it undoes ({@code originalLines}, as posted),
	 * dated the day it is recorded.
	 */
	public static EntryDraft reversed(AgreementFacts agreement, long reversalId, LocalDate reversedOn, String reason,
			List<Posting> originalLines) {
		return EntryDraft.mirroring(originalLines, reversedOn, SourceType.RECEIPT_REVERSAL, reversalId,
				EntryDraft.abbreviate("Reversal of a receipt on " + agreement.reference() + ": " + reason));
	}

	/**
	 * A reversal as the application posts it: the mirror of the receipt, and, on an unconditional
	 * agreement in cash, the receivable brought to what is outstanding once the receipt is undone
	 * ({@code outstandingAfter}, at the signature rate) against revenue. The mirror alone restores
	 * what that receipt relieved when it came; when cash received after it went beyond the total
	 * (revenue of its day), part of that cash now settles what the reversal reopened.
	 * {@code carriedReceivable} is what {@link Account#RECEIVABLE} holds before the reversal.
	 */
	public static EntryDraft reversed(AgreementFacts agreement, long reversalId, LocalDate reversedOn, String reason,
			List<Posting> originalLines, Money outstandingAfter, BigDecimal carriedReceivable) {
		var mirror = reversed(agreement, reversalId, reversedOn, reason, originalLines);
		if (agreement.recognisedOnArrival()) {
			return mirror;
		}
		var target = outstandingAfter.isPositive() ? outstandingAfter.toUsd(agreement.signatureRate()).amount()
				: BigDecimal.ZERO;
		var adjustment = target.subtract(carriedReceivable.add(receivableChange(mirror.lines())));
		if (adjustment.signum() == 0) {
			return mirror;
		}
		var entry = EntryDraft.of(mirror.accountingDate(), mirror.sourceType(), mirror.sourceId(), mirror.description());
		mirror.lines().forEach(entry::line);
		var dims = agreement.dimensions();
		var segment = agreement.segment();
		return entry.signed(Account.RECEIVABLE, segment, adjustment, dims)
			.signed(agreement.revenue(), segment, adjustment.negate(), dims)
			.draft();
	}

	/** Money returned to the donor: refunds (a reduction of revenue) against cash, at the rate of its own date. */
	public static EntryDraft refunded(AgreementFacts agreement, RefundFacts refund) {
		var dims = agreement.dimensions();
		var segment = agreement.segment();
		var usd = refund.usd().amount();
		return EntryDraft.of(refund.refundedOn(), SourceType.REFUND, refund.id(),
				EntryDraft.abbreviate("Refund on " + agreement.reference() + ": " + refund.reason()))
			.debit(Account.REFUNDS, segment, usd, dims)
			.line(Posting.credit(Account.CASH, segment, usd, dims)
				.converted(refund.amount(), refund.rate(), refund.rateDate()))
			.draft();
	}

	/**
	 * A revaluation run, dated at its period end: for each agreement, what the run books (the
	 * change of its receivable at the period-end rate since its previous run) to the receivable's
	 * revaluation against unrealised exchange. Nothing when every line books zero.
	 */
	public static Optional<EntryDraft> revalued(long runId, LocalDate periodEnd, List<RevaluedReceivable> lines) {
		var entry = EntryDraft.of(periodEnd, SourceType.REVALUATION_RUN, runId,
				"Revaluation of receivables at " + periodEnd);
		boolean any = false;
		for (var line : lines) {
			var booked = line.bookedUsd();
			if (booked.signum() == 0) {
				continue;
			}
			var dims = line.agreement().dimensions();
			var segment = line.agreement().segment();
			entry.signed(Account.RECEIVABLE_FX, segment, booked, dims)
				.signed(Account.FX_UNREALISED, segment, booked.negate(), dims);
			any = true;
		}
		return any ? Optional.of(entry.draft()) : Optional.empty();
	}

	/**
	 * An adjustment of a revaluation run, dated at the run's period end: what an event recorded
	 * later and dated on or before it changed in the agreement's receivable at the period-end rate,
	 * to the receivable's revaluation against unrealised exchange. Nothing when it books zero.
	 */
	public static Optional<EntryDraft> revaluationAdjusted(long adjustmentId, LocalDate periodEnd, String cause,
			RevaluedReceivable line) {
		var booked = line.bookedUsd();
		if (booked.signum() == 0) {
			return Optional.empty();
		}
		var dims = line.agreement().dimensions();
		var segment = line.agreement().segment();
		return Optional.of(EntryDraft.of(periodEnd, SourceType.REVALUATION_ADJUSTMENT, adjustmentId,
				EntryDraft.abbreviate("Revaluation at " + periodEnd + " of " + line.agreement().reference()
						+ " adjusted for " + inWords(cause)))
			.signed(Account.RECEIVABLE_FX, segment, booked, dims)
			.signed(Account.FX_UNREALISED, segment, booked.negate(), dims)
			.draft());
	}

	/**
	 * An adjustment of a later event's posting, on that event's date: an event dated before it and
	 * recorded after it changed the position it was posted from, and {@code differences} is what
	 * its rule gives now less what was posted for it, per account (they add up to zero: the cash
	 * it moved does not change). Nothing when every difference is zero.
	 */
	public static Optional<EntryDraft> positionAdjusted(AgreementFacts agreement, long adjustmentId, LocalDate on,
			String target, String cause, Map<Account, BigDecimal> differences) {
		var dims = agreement.dimensions();
		var segment = agreement.segment();
		var entry = EntryDraft.of(on, SourceType.POSITION_ADJUSTMENT, adjustmentId,
				EntryDraft.abbreviate(capitalised(inWords(target)) + " on " + agreement.reference() + " adjusted for "
						+ inWords(cause) + ", dated before it"));
		boolean any = false;
		for (var difference : new TreeMap<>(differences).entrySet()) {
			if (difference.getValue().signum() != 0) {
				entry.signed(difference.getKey(), segment, difference.getValue(), dims);
				any = true;
			}
		}
		return any ? Optional.of(entry.draft()) : Optional.empty();
	}

	/**
	 * An event named by its journal source ({@code RECEIPT_REVERSAL#18}, {@code RECEIPT 14}) in words
	 * a reader of the ledger understands: "receipt reversal 18".
	 */
	static String inWords(String source) {
		var parts = source.split("[#\\s]", 2);
		var kind = parts[0].toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		return parts.length == 1 ? kind : kind + " " + parts[1].strip();
	}

	private static String capitalised(String words) {
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** Debits less credits per account of some lines. */
	public static Map<Account, BigDecimal> netByAccount(List<Posting> lines) {
		var net = new EnumMap<Account, BigDecimal>(Account.class);
		for (var line : lines) {
			net.merge(line.account(), line.debitUsd().subtract(line.creditUsd()), BigDecimal::add);
		}
		return net;
	}

	/**
	 * What a conditional agreement provides to projects: the cash it brought ({@code receivedUsd},
	 * net of reversals) less every refund ({@code refundedUsd}), each in USD at the rates of its day.
	 */
	public static Money fundingFromCash(BigDecimal receivedUsd, BigDecimal refundedUsd) {
		return Money.rounded(receivedUsd, Money.USD).minus(Money.rounded(refundedUsd, Money.USD));
	}

	/**
	 * What an unconditional agreement provides to projects: its recognised value, less what was
	 * refunded beyond an overpayment (overpaid cash was never part of it) at the signature rate.
	 * {@code received} (net of reversals) and {@code refunded} are in the agreement's currency.
	 */
	public static Money fundingFromRecognition(Money recognisedUsd, BigDecimal signatureRate, Money total,
			Money received, Money refunded) {
		var none = Money.zero(total.currency());
		var overpaid = received.isGreaterThan(total) ? received.minus(total) : none;
		var beyondOverpayment = refunded.isGreaterThan(overpaid) ? refunded.minus(overpaid) : none;
		return recognisedUsd.minus(beyondOverpayment.toUsd(signatureRate));
	}

	/**
	 * What an entry's lines do to the receivable carried at the signature rate (debits less credits
	 * of {@link Account#RECEIVABLE}): for callers that keep an agreement's balance as they go.
	 */
	public static BigDecimal receivableChange(List<Posting> lines) {
		return lines.stream()
			.filter(line -> line.account() == Account.RECEIVABLE)
			.map(line -> line.debitUsd().subtract(line.creditUsd()))
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

}
