package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.books.Account;
import org.tafund.books.EntryDraft;
import org.tafund.books.JournalQueries.AgreementLine;
import org.tafund.books.Posting;
import org.tafund.books.SourceType;
import org.tafund.contributions.ContributionRules.AgreementFacts;
import org.tafund.contributions.ContributionRules.AmendmentFacts;
import org.tafund.shared.Money;

/**
 * Keeps an agreement's books true at every date when an event is recorded with a date before
 * events of the same agreement already posted (a bank's value date a week back, after a
 * reversal recorded today; an amendment dated before a receipt already booked).
 *
 * <p>The event itself is posted from the agreement's position at the end of its own day
 * ({@link #at}). Each later event was posted from a position that did not include it: what was
 * outstanding when a receipt came decides what it relieved, what it realised in exchange and
 * what was an overpayment. {@link #replayAfter} walks the later events in the order they took
 * effect, computes what each one's rule gives from the position as it now stands, and books the
 * difference to what was posted for it on its own date ({@link SourceType#POSITION_ADJUSTMENT}).
 * Nothing already posted is changed, and every month end between the events carries what was
 * then outstanding.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class PositionReplay {

	/** What an agreement stood at at the end of a day: its total then, what it had received, the receivable carried. */
	record Position(Money total, Money received, BigDecimal carried) {

		/** What remains owed once {@code more} has been received too (a reversal: negative), never below zero. */
		Money outstandingAfter(Money more) {
			var after = received.plus(more);
			return total.minus(after.min(total));
		}

		/** What remains owed under another total (an amendment's) for what was received, never below zero. */
		Money owedUnder(BigDecimal newTotal) {
			var under = new Money(newTotal, total.currency());
			return under.minus(received.min(under));
		}

	}

	private final Receipts receipts;

	private final Amendments amendments;

	private final PositionAdjustments adjustments;

	private final ContributionPostings postings;

	PositionReplay(Receipts receipts, Amendments amendments, PositionAdjustments adjustments,
			ContributionPostings postings) {
		this.receipts = receipts;
		this.amendments = amendments;
		this.adjustments = adjustments;
		this.postings = postings;
	}

	/** Whether an event of the agreement that moves its receivable is dated after the day. */
	boolean laterEventsThan(Agreement agreement, LocalDate date) {
		return agreement.carriesReceivable() && receipts.countLaterThan(agreement.getId(), date) > 0;
	}

	/** The agreement's position at the end of a day, from the events dated up to it. */
	Position at(Agreement agreement, LocalDate date) {
		var total = agreement.totalOn(amendments.findByAgreementIdOrderByIdAsc(agreement.getId()), date);
		var received = Money.rounded(receipts.netReceivedOnOrBefore(agreement.getId(), date), agreement.getCurrency());
		return new Position(total, received, postings.receivableOn(agreement.getId(), date)[0]);
	}

	/**
	 * What adjustments of later events have booked for one event so far, line by line: a reversal
	 * mirrors its receipt as it now stands, its entry and these.
	 */
	List<Posting> adjustmentLines(long agreementId, SourceType type, long id) {
		var target = type + "#" + id;
		var lines = new ArrayList<Posting>();
		for (var adjustment : adjustments.findByAgreementId(agreementId)) {
			if (adjustment.target().equals(target)) {
				postings.posted(SourceType.POSITION_ADJUSTMENT, adjustment.getId()).ifPresent(lines::addAll);
			}
		}
		return lines;
	}

	/**
	 * After an event of the agreement dated {@code dated} has been posted from its own day's
	 * position: each event dated after it is posted again in thought, in the order they took
	 * effect, and the difference is booked on its date. The caller holds the agreement's row lock.
	 */
	void replayAfter(Agreement agreement, LocalDate dated, SourceType cause, long causeId) {
		if (!agreement.carriesReceivable() || agreement.getSignedOn() == null) {
			return;
		}
		var currency = agreement.getCurrency();
		var history = amendments.findByAgreementIdOrderByIdAsc(agreement.getId());
		var later = new ArrayList<Step>();
		var received = Money.zero(currency);
		for (var receipt : receipts.findByAgreementIdOrderByReceivedOnAscIdAsc(agreement.getId())) {
			var view = receipt.view(currency, false);
			if (view.receivedOn().isAfter(dated)) {
				later.add(new Step(view.receivedOn(), receipt.getCreatedAt(),
						view.reversalOf() == null ? SourceType.RECEIPT : SourceType.RECEIPT_REVERSAL, view.id(), view,
						null, null));
			}
			else {
				received = received.plus(view.inAgreementCurrency());
			}
		}
		for (var amendment : history) {
			if (amendment.getAmendedOn().isAfter(dated)) {
				later.add(new Step(amendment.getAmendedOn(), amendment.getCreatedAt(), SourceType.AMENDMENT,
						amendment.getId(), null, amendment, null));
			}
		}
		if (later.isEmpty()) {
			return;
		}
		var laterKeys = new HashSet<String>();
		later.forEach(step -> laterKeys.add(step.key()));
		// What was posted for each event, its own entry and the adjustments of it so far, per account.
		var targets = new HashMap<Long, String>();
		adjustments.findByAgreementId(agreement.getId()).forEach(a -> targets.put(a.getId(), a.target()));
		var posted = new HashMap<String, Map<Account, BigDecimal>>();
		var carried = BigDecimal.ZERO;
		for (var line : postings.lines(agreement.getId())) {
			var key = line.sourceType() == SourceType.POSITION_ADJUSTMENT ? targets.get(line.sourceId())
					: line.sourceType() + "#" + line.sourceId();
			posted.computeIfAbsent(key, k -> new EnumMap<>(Account.class)).merge(line.account(), line.net(),
					BigDecimal::add);
			if (line.account() != Account.RECEIVABLE) {
				continue;
			}
			if (!line.accountingDate().isAfter(dated)) {
				carried = carried.add(line.net());
			}
			else if (!laterKeys.contains(key)) {
				// A manual correction of the receivable: it stays where it is, between the events.
				later.add(new Step(line.accountingDate(), line.postedAt(), SourceType.MANUAL, line.entryId(), null,
						null, line));
			}
		}
		later.sort(Comparator.comparing(Step::on).thenComparing(Step::at).thenComparing(Step::id));
		var facts = postings.facts(agreement);
		var position = new Position(agreement.totalOn(history, dated), received, carried);
		var replayed = new HashMap<String, List<Posting>>();
		for (var step : later) {
			if (step.line() != null) {
				position = new Position(position.total(), position.received(),
						position.carried().add(step.line().net()));
				continue;
			}
			var lines = step.ruleGives(facts, position, replayed, posted);
			replayed.put(step.key(), lines);
			var should = ContributionRules.netByAccount(lines);
			var differences = new EnumMap<Account, BigDecimal>(Account.class);
			var before = posted.getOrDefault(step.key(), Map.of());
			for (var account : union(should.keySet(), before.keySet())) {
				var difference = should.getOrDefault(account, BigDecimal.ZERO)
					.subtract(before.getOrDefault(account, BigDecimal.ZERO));
				if (difference.signum() != 0) {
					differences.put(account, difference);
				}
			}
			if (!differences.isEmpty()) {
				var adjustment = adjustments.save(new PositionAdjustment(agreement.getId(), step.type(), step.id(), cause,
						causeId, step.on(), differences.getOrDefault(Account.RECEIVABLE, BigDecimal.ZERO)));
				postings.positionAdjusted(adjustment, step.on(), facts, step.key(), differences);
			}
			position = step.after(position, should.getOrDefault(Account.RECEIVABLE, BigDecimal.ZERO));
		}
	}

	private static EnumSet<Account> union(java.util.Set<Account> a, java.util.Set<Account> b) {
		var all = EnumSet.noneOf(Account.class);
		all.addAll(a);
		all.addAll(b);
		return all;
	}

	/** A later event (a receipt, a reversal, an amendment) or a manual line on the receivable, in the order of effect. */
	private record Step(LocalDate on, Instant at, SourceType type, long id, ReceiptView receipt, Amendment amendment,
			AgreementLine line) {

		String key() {
			return type + "#" + id;
		}

		/** The lines the event's rule gives from the position before it. */
		List<Posting> ruleGives(AgreementFacts facts, Position position, Map<String, List<Posting>> replayed,
				Map<String, Map<Account, BigDecimal>> posted) {
			if (amendment != null) {
				var outstanding = position.owedUnder(amendment.getNewTotal());
				return ContributionRules
					.amended(facts, new AmendmentFacts(amendment.getId(), on, amendment.getReason(), outstanding,
							position.carried()))
					.map(EntryDraft::lines)
					.orElse(List.of());
			}
			if (type == SourceType.RECEIPT) {
				return ContributionRules.received(facts, ContributionPostings.receiptFacts(receipt, position)).lines();
			}
			// A reversal mirrors its receipt as it now stands: replayed here, or as posted and adjusted.
			var originalKey = SourceType.RECEIPT + "#" + receipt.reversalOf();
			var original = replayed.containsKey(originalKey) ? replayed.get(originalKey)
					: asLines(facts, posted.getOrDefault(originalKey, Map.of()));
			return ContributionRules
				.reversed(facts, id, on, receipt.reason() == null ? "" : receipt.reason(), original,
						position.outstandingAfter(receipt.inAgreementCurrency()), position.carried())
				.lines();
		}

		/** The position once the event is in: the receivable it carries, what was received, the total. */
		Position after(Position position, BigDecimal receivableChange) {
			var carried = position.carried().add(receivableChange);
			if (amendment != null) {
				return new Position(new Money(amendment.getNewTotal(), position.total().currency()), position.received(),
						carried);
			}
			return new Position(position.total(), position.received().plus(receipt.inAgreementCurrency()), carried);
		}

		private static List<Posting> asLines(AgreementFacts facts, Map<Account, BigDecimal> net) {
			var lines = new ArrayList<Posting>();
			net.forEach((account, amount) -> {
				if (amount.signum() > 0) {
					lines.add(Posting.debit(account, facts.segment(), amount, facts.dimensions()));
				}
				else if (amount.signum() < 0) {
					lines.add(Posting.credit(account, facts.segment(), amount.negate(), facts.dimensions()));
				}
			});
			return lines;
		}

	}

}
