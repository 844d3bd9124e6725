package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.books.SourceType;
import org.tafund.fx.AppliedRate;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.shared.BookingDates;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Constraints;
import org.tafund.shared.Money;

/**
 * Period-end revaluation of receivables in other currencies (IPSAS 4.27: a monetary item is
 * carried at the closing rate): the runs, and the adjustments that keep a run true when an event
 * dated on or before its period end is recorded after it.
 *
 * <p>Invariant kept: at the period end of every run, what the books carry for an agreement's
 * receivable ({@code RECEIVABLE} at the signature rate plus {@code RECEIVABLE_FX}) is what was
 * outstanding that day at the run's rate.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class ReceivableRevaluation {

	private final Agreements agreements;

	private final Receipts receipts;

	private final Amendments amendments;

	private final RevaluationRuns runs;

	private final RevaluationAdjustments adjustments;

	private final ExchangeRateManagement rates;

	private final ContributionPostings postings;

	private final Clock clock;

	ReceivableRevaluation(Agreements agreements, Receipts receipts, Amendments amendments, RevaluationRuns runs,
			RevaluationAdjustments adjustments, ExchangeRateManagement rates, ContributionPostings postings,
			Clock clock) {
		this.agreements = agreements;
		this.receipts = receipts;
		this.amendments = amendments;
		this.runs = runs;
		this.adjustments = adjustments;
		this.rates = rates;
		this.postings = postings;
		this.clock = clock;
	}

	/**
	 * Revalues every open receivable (unconditional agreements: a conditional one is no receivable
	 * until cash arrives) in a currency other than USD at the rate in effect on the period end,
	 * against its USD value at recognition, and stores the run. One run per period end: figures
	 * once reported are never recomputed silently.
	 */
	RevaluationView revalue(LocalDate periodEnd) {
		if (periodEnd == null) {
			throw BusinessRuleViolation.ofField("periodEnd", "revaluation.date.required");
		}
		// First, before anything is read: events of these agreements wait for the run, or the run for them.
		agreements.lockInOtherCurrencies();
		BookingDates.require(periodEnd, LocalDate.now(clock), "periodEnd");
		if (runs.existsByPeriodEnd(periodEnd)) {
			throw BusinessRuleViolation.ofField("periodEnd", "revaluation.exists", periodEnd.toString());
		}
		postings.requireOpen(periodEnd, "periodEnd");
		// What the books carry for each receivable at the period end: at the signature rate, and revalued.
		var book = postings.receivablesOn(periodEnd);
		var zero = new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO };
		var lines = new ArrayList<RevaluationLine>();
		var revalued = new HashMap<Long, Agreement>();
		// An amendment dated after the period end is not part of it: the total is the one of that day.
		var amendedLater = amendments.ofAgreementsAmendedAfter(periodEnd)
			.stream()
			.collect(Collectors.groupingBy(Amendment::getAgreementId));
		for (var agreement : agreements.openInOtherCurrenciesSignedBy(periodEnd)) {
			var outstanding = outstandingOn(agreement, periodEnd, amendedLater.getOrDefault(agreement.getId(), List.of()));
			if (outstanding.isPositive()) {
				var carried = book.getOrDefault(agreement.getId(), zero);
				lines.add(new RevaluationLine(agreement.getId(), outstanding, agreement.getRecognitionRate(),
						rates.rateOn(agreement.getCurrency(), periodEnd), carried[0], carried[1]));
				revalued.put(agreement.getId(), agreement);
			}
		}
		// A receivable revalued before and settled or cancelled since: its difference leaves the books with it.
		for (var entry : book.entrySet()) {
			var carried = entry.getValue();
			if (revalued.containsKey(entry.getKey()) || carried[1].signum() == 0) {
				continue;
			}
			var settled = agreements.findById(entry.getKey()).orElseThrow();
			lines.add(new RevaluationLine(settled.getId(), Money.zero(settled.getCurrency()),
					settled.getRecognitionRate(), rates.rateOn(settled.getCurrency(), periodEnd), carried[0],
					carried[1]));
			revalued.put(settled.getId(), settled);
		}
		try {
			var run = runs.saveAndFlush(new RevaluationRun(periodEnd, lines, ratesOn(periodEnd)));
			postings.revalued(run, revalued);
			// A run at a later period end, already made, now carries this run's difference too: each is
			// adjusted back to the receivable at its own rate, as after any event dated before it.
			for (var line : run.lines()) {
				if (!line.booked().isZero()) {
					afterEvent(revalued.get(line.agreementId()), periodEnd.plusDays(1), SourceType.REVALUATION_RUN,
							run.getId());
				}
			}
			return run.view(List.of());
		}
		catch (DataIntegrityViolationException e) {
			if (Constraints.violated(e, "uk_revaluation_run_period")) {
				throw BusinessRuleViolation.ofField("periodEnd", "revaluation.exists", periodEnd.toString());
			}
			throw e;
		}
	}

	/**
	 * After an event of the agreement dated {@code dated} has been posted: every run at a period
	 * end on or after that date revalues the agreement again at its own rate, oldest first, and
	 * books the difference to what the books now carry there. Each run's adjustment sees those of
	 * the runs before it, so that they add up to the change at the latest. The caller holds the
	 * agreement's row lock.
	 */
	void afterEvent(Agreement agreement, LocalDate dated, SourceType cause, long causeId) {
		if (!agreement.carriesReceivable() || Money.USD.equals(agreement.getCurrency())) {
			return;
		}
		var later = runs.onOrAfter(dated);
		if (later.isEmpty()) {
			return;
		}
		var history = amendments.findByAgreementIdOrderByIdAsc(agreement.getId());
		for (var run : later) {
			var periodEnd = run.getPeriodEnd();
			var carried = postings.receivableOn(agreement.getId(), periodEnd);
			var outstanding = outstandingOn(agreement, periodEnd, history);
			if (!outstanding.isPositive() && carried[0].add(carried[1]).signum() == 0) {
				continue;
			}
			var adjustment = new RevaluationAdjustment(run.getId(), agreement.getId(), cause, causeId,
					outstanding.isPositive() ? outstanding : Money.zero(agreement.getCurrency()),
					rateOf(run, agreement.getCurrency()), carried[0].add(carried[1]));
			if (adjustment.booked().isZero()) {
				continue;
			}
			postings.revaluationAdjusted(adjustments.saveAndFlush(adjustment), periodEnd, agreement);
		}
	}

	/**
	 * The rate a run used for a currency, so that its adjustments revalue at the rate of the run
	 * even when a rate dated on or before its period end was entered since; the rate of the period
	 * end when the run had no line in that currency.
	 */
	private AppliedRate rateOf(RevaluationRun run, String currency) {
		return run.rateOf(currency).orElseGet(() -> rates.rateOn(currency, run.getPeriodEnd()));
	}

	/** The rate on the day of each currency agreements are in; a currency with no rate yet then is left out. */
	private List<AppliedRate> ratesOn(LocalDate periodEnd) {
		var taken = new ArrayList<AppliedRate>();
		for (var currency : agreements.otherCurrencies()) {
			rates.findRateOn(currency, periodEnd).ifPresent(taken::add);
		}
		return taken;
	}

	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	List<RevaluationView> runs() {
		var all = runs.findAllByOrderByPeriodEndDesc();
		var byRun = all.isEmpty() ? Map.<Long, List<RevaluationAdjustment>>of()
				: adjustments.findByRunIdInOrderByIdAsc(all.stream().map(RevaluationRun::getId).toList())
					.stream()
					.collect(Collectors.groupingBy(RevaluationAdjustment::getRunId));
		return all.stream().map(run -> run.view(byRun.getOrDefault(run.getId(), List.of()))).toList();
	}

	/**
	 * What was outstanding on the agreement at the end of a day: its total that day (from its
	 * amendments, any of which may be given) less what it had received by then, never below zero;
	 * nothing before its signature or from its cancellation.
	 */
	private Money outstandingOn(Agreement agreement, LocalDate date, List<Amendment> amendmentsOfAgreement) {
		var none = Money.zero(agreement.getCurrency());
		if (agreement.getSignedOn() == null || agreement.getSignedOn().isAfter(date)
				|| (agreement.getCancelledOn() != null && !agreement.getCancelledOn().isAfter(date))) {
			return none;
		}
		var received = Money.rounded(receipts.netReceivedOnOrBefore(agreement.getId(), date), agreement.getCurrency());
		var total = agreement.totalOn(amendmentsOfAgreement, date);
		return total.minus(received.min(total));
	}

}
