package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.ApprovalView;
import org.tafund.approvals.Submitted;
import org.tafund.shared.Summary;
import org.tafund.books.SourceType;
import org.tafund.donors.DonorManagement;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.reference.CountryCatalogue;
import org.tafund.shared.BookingDates;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConcurrentEdit;
import org.tafund.shared.Constraints;
import org.tafund.shared.Money;
import org.tafund.shared.NotFound;

/**
 * The income side of the Fund. Receipts and refunds of one agreement are serialised on the
 * agreement's row, so that the checks against what is still due hold under concurrent posting.
 */
@Service
@Transactional
public class ContributionManagement {

	private final Agreements agreements;

	/** A history names an agreement by its reference: a receipt's, refund's or allocation's {@code agreementId}. */
	@org.springframework.context.annotation.Bean
	static org.tafund.shared.RecordNames agreementNames(Agreements agreements) {
		return org.tafund.shared.RecordNames.of("agreementId", id -> agreements.findById(id).map(Agreement::getReference));
	}

	private final Receipts receipts;

	private final Refunds refunds;

	private final Amendments amendments;

	private final DonorManagement donors;

	private final ExchangeRateManagement rates;

	private final Pledges pledges;

	private final ReceivableRevaluation revaluation;

	private final CountryCatalogue countries;

	private final Clock clock;

	private final AllocatedFunds allocated;

	private final EarmarkTargets earmarkTargets;

	private final ContributionPostings postings;

	private final PositionReplay replay;

	private final MakerChecker makerChecker;

	private final OverdueInstalments overdueInstalments;

	private final ReceiptYears receiptYears;

	ContributionManagement(Agreements agreements, Receipts receipts, Refunds refunds, Amendments amendments,
			Pledges pledges, ReceivableRevaluation revaluation, DonorManagement donors, ExchangeRateManagement rates,
			CountryCatalogue countries, Clock clock, ObjectProvider<AllocatedFunds> allocated,
			ObjectProvider<EarmarkTargets> earmarkTargets, ContributionPostings postings, PositionReplay replay,
			MakerChecker makerChecker, OverdueInstalments overdueInstalments, ReceiptYears receiptYears) {
		this.overdueInstalments = overdueInstalments;
		this.receiptYears = receiptYears;
		this.postings = postings;
		this.makerChecker = makerChecker;
		this.replay = replay;
		this.earmarkTargets = earmarkTargets.getIfAvailable(() -> code -> true);
		// Without a module that allocates (a slice test, say) nothing is allocated.
		this.allocated = allocated.getIfAvailable(() -> new AllocatedFunds() {

			@Override
			public Money allocatedUsd(long agreementId) {
				return Money.zero(Money.USD);
			}

			@Override
			public java.util.Map<Long, BigDecimal> allocatedUsdByAgreement() {
				return java.util.Map.of();
			}

		});
		this.countries = countries;
		this.agreements = agreements;
		this.pledges = pledges;
		this.revaluation = revaluation;
		this.receipts = receipts;
		this.refunds = refunds;
		this.amendments = amendments;
		this.donors = donors;
		this.rates = rates;
		this.clock = clock;
	}

	public AgreementView createAgreement(AgreementTerms terms) {
		donors.current(terms.donorId());
		if (terms.reference() != null && !terms.reference().isBlank()
				&& agreements.existsByReference(terms.reference().strip())) {
			throw new BusinessRuleViolation("agreement.reference.taken", terms.reference().strip());
		}
		var agreement = agreement(direct(), terms);
		try {
			agreements.saveAndFlush(agreement);
			if (agreement.getSignedOn() != null) {
				postings.signed(agreement);
				revaluation.afterEvent(agreement, agreement.getSignedOn(), SourceType.AGREEMENT_SIGNED, agreement.getId());
			}
		}
		catch (DataIntegrityViolationException e) {
			if (Constraints.violated(e, "uk_agreement_reference")) {
				throw new BusinessRuleViolation("agreement.reference.taken", terms.reference().strip());
			}
			throw e;
		}
		return view(agreement);
	}

	/**
	 * What the database is asked while checking a new agreement or pledge: straight for one typed on a
	 * page, remembered across the rows of a spreadsheet (see {@link Checks}).
	 */
	private interface Lookups {

		org.tafund.fx.AppliedRate rateOn(String currency, LocalDate date);

		void requireOpen(LocalDate date, String field);

		boolean projectExists(String code);

	}

	private Lookups direct() {
		return new Lookups() {
			@Override
			public org.tafund.fx.AppliedRate rateOn(String currency, LocalDate date) {
				return rates.rateOn(currency, date);
			}

			@Override
			public void requireOpen(LocalDate date, String field) {
				postings.requireOpen(date, field);
			}

			@Override
			public boolean projectExists(String code) {
				return earmarkTargets.projectExists(code);
			}
		};
	}

	/** A new agreement as its terms make it, signed when they say so: every rule but the donor's existence and the reference's uniqueness. */
	private Agreement agreement(Lookups lookups, AgreementTerms terms) {
		if (terms.reference() == null || terms.reference().isBlank()) {
			throw new BusinessRuleViolation("agreement.reference.required");
		}
		if (terms.earmarkLevel() > 1 && terms.earmarkKind() != null && terms.earmarkTarget() != null) {
			var target = terms.earmarkTarget().strip();
			switch (terms.earmarkKind()) {
				case COUNTRY -> {
					if (!countries.exists(target)) {
						throw new BusinessRuleViolation("donor.country.unknown", target);
					}
				}
				case REGION -> {
					if (!countries.isRegion(target)) {
						throw new BusinessRuleViolation("agreement.earmark.region", target);
					}
				}
				case PROJECT -> {
					if (!lookups.projectExists(target)) {
						throw new BusinessRuleViolation("agreement.earmark.project", target);
					}
				}
				default -> {
				}
			}
		}
		var agreement = new Agreement(terms);
		if (terms.signedOn() != null) {
			BookingDates.require(terms.signedOn(), LocalDate.now(clock), "signedOn");
			lookups.requireOpen(terms.signedOn(), "signedOn");
			agreement.sign(terms.signedOn(), lookups.rateOn(agreement.getCurrency(), terms.signedOn()));
		}
		return agreement;
	}

	/**
	 * The checks of {@link #createAgreement} and {@link #recordPledge} for many rows at once, storing
	 * nothing: rates, closed periods and projects are asked once per distinct value, so that a
	 * spreadsheet of twenty thousand rows is checked in seconds. The donor and the uniqueness of
	 * references are the caller's to check (its donors may not be stored yet).
	 */
	public Checks checks() {
		return new Checks();
	}

	/** See {@link #checks()}; one per spreadsheet, used by one thread. */
	public final class Checks {

		private final java.util.Map<String, Optional<org.tafund.fx.AppliedRate>> rateCache = new java.util.HashMap<>();

		private final java.util.Map<LocalDate, Optional<BusinessRuleViolation>> closedCache = new java.util.HashMap<>();

		private final java.util.Map<String, Boolean> projectCache = new java.util.HashMap<>();

		private final Lookups remembered = new Lookups() {
			@Override
			public org.tafund.fx.AppliedRate rateOn(String currency, LocalDate date) {
				var code = currency.strip().toUpperCase(java.util.Locale.ROOT);
				return rateCache.computeIfAbsent(code + '|' + date, k -> rates.findRateOn(code, date))
					// Not found: the lookup that refuses, so that the message is the one a page shows.
					.orElseGet(() -> rates.rateOn(code, date));
			}

			@Override
			public void requireOpen(LocalDate date, String field) {
				var refusal = closedCache.computeIfAbsent(date, d -> {
					try {
						postings.requireOpen(d, field);
						return Optional.empty();
					}
					catch (BusinessRuleViolation e) {
						return Optional.of(e);
					}
				});
				if (refusal.isPresent()) {
					postings.requireOpen(date, field);
				}
			}

			@Override
			public boolean projectExists(String code) {
				return projectCache.computeIfAbsent(code, earmarkTargets::projectExists);
			}
		};

		private Checks() {
		}

		/** Refuses terms that {@link #createAgreement} would refuse (but for the donor and the reference's uniqueness). */
		public void agreement(AgreementTerms terms) {
			ContributionManagement.this.agreement(remembered, terms);
		}

		/** Refuses a pledge that {@link #recordPledge} would refuse (but for the donor). */
		public void pledge(LocalDate pledgedOn, BigDecimal amount, String currency, FundingWindow window, String note) {
			ContributionManagement.this.pledge(remembered, 0L, pledgedOn, amount, currency, window, note);
		}

	}

	/** The agreement a pledge became; the pledge then shows as such. */
	public AgreementView createAgreementFromPledge(long pledgeId, AgreementTerms terms) {
		var pledge = pledges.findById(pledgeId).orElseThrow(() -> new PledgeNotFound(pledgeId));
		if (pledge.getDonorId() != terms.donorId()) {
			throw new BusinessRuleViolation("pledge.otherDonor");
		}
		var agreement = createAgreement(terms);
		pledge.turnedInto(agreement.id());
		return agreement;
	}

	/** Cancels a pledge, dated today, with the reason (a pledge is a promise, not a receivable: nothing is posted). */
	public Pledge.PledgeView cancelPledge(long pledgeId, long expectedVersion, String reason) {
		var pledge = pledges.findById(pledgeId).orElseThrow(() -> new PledgeNotFound(pledgeId));
		if (pledge.getVersion() != expectedVersion) {
			throw new ConcurrentEdit("pledge", pledgeId);
		}
		var user = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		pledge.cancel(LocalDate.now(clock), user == null ? "system" : user.getName(), reason);
		try {
			pledges.flush();
		}
		catch (org.springframework.dao.OptimisticLockingFailureException e) {
			throw new ConcurrentEdit("pledge", pledgeId);
		}
		return pledge.view();
	}

	public Pledge.PledgeView recordPledge(long donorId, LocalDate pledgedOn, BigDecimal amount, String currency,
			FundingWindow window, String note) {
		donors.current(donorId);
		return pledges.save(pledge(direct(), donorId, pledgedOn, amount, currency, window, note)).view();
	}

	private Pledge pledge(Lookups lookups, long donorId, LocalDate pledgedOn, BigDecimal amount, String currency,
			FundingWindow window, String note) {
		if (pledgedOn == null) {
			throw new BusinessRuleViolation("pledge.date.required");
		}
		BookingDates.require(pledgedOn, LocalDate.now(clock), "pledgedOn");
		var money = new Money(amount, currency);
		return new Pledge(donorId, pledgedOn, money, lookups.rateOn(money.currency(), pledgedOn), window, note);
	}

	/** The references and donors of the agreements {@code ids}, by id, in one query: what a list names them by. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, AgreementLabel> labelsOf(java.util.Collection<Long> ids) {
		var labels = new java.util.HashMap<Long, AgreementLabel>();
		if (!ids.isEmpty()) {
			agreements.findAllById(ids)
				.forEach(a -> labels.put(a.getId(), new AgreementLabel(a.getId(), a.getReference(), a.getDonorId())));
		}
		return labels;
	}

	/** What names an agreement in another module's list: its reference and its donor. */
	public record AgreementLabel(long id, String reference, long donorId) {
	}

	/** The references of the agreements {@code ids}, by id, in one query: what a page names them by. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> referencesOf(java.util.Collection<Long> ids) {
		var references = new java.util.HashMap<Long, String>();
		agreements.findAllById(ids).forEach(a -> references.put(a.getId(), a.getReference()));
		return references;
	}

	/**
	 * Of these agreement references, those already taken (as the database compares them: without
	 * regard to case or accents), each as recorded, with its donor.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, Long> donorsOfReferences(java.util.Collection<String> references) {
		var taken = new java.util.HashMap<String, Long>();
		var all = List.copyOf(references);
		for (int from = 0; from < all.size(); from += 1000) {
			for (var row : agreements.donorsOfReferences(all.subList(from, Math.min(all.size(), from + 1000)))) {
				taken.put((String) row[0], (Long) row[1]);
			}
		}
		return taken;
	}

	/** The pledges of these donors, each as donor, date, amount and currency: what tells one pledge from another. */
	@Transactional(readOnly = true)
	public java.util.Set<String> pledgeKeys(java.util.Collection<Long> donorIds) {
		var keys = new java.util.HashSet<String>();
		var all = List.copyOf(donorIds);
		for (int from = 0; from < all.size(); from += 1000) {
			for (var pledge : pledges.findByDonorIdIn(all.subList(from, Math.min(all.size(), from + 1000)))) {
				var view = pledge.view();
				keys.add(pledgeKey(view.donorId(), view.pledgedOn(), view.amount()));
			}
		}
		return keys;
	}

	/** How {@link #pledgeKeys} writes a pledge. */
	public static String pledgeKey(long donorId, LocalDate pledgedOn, Money amount) {
		return donorId + "|" + pledgedOn + "|" + amount.amount().stripTrailingZeros().toPlainString() + "|" + amount.currency();
	}

	@Transactional(readOnly = true)
	public List<Pledge.PledgeView> pledgesOf(Long donorId) {
		var list = donorId == null ? pledges.findAllByOrderByPledgedOnDescIdDesc()
				: pledges.findByDonorIdOrderByPledgedOnDescIdDesc(donorId);
		return list.stream().map(Pledge::view).toList();
	}

	/**
	 * Revalues every open receivable in a currency other than USD at the rate in effect on the
	 * period end and stores the run (see {@link ReceivableRevaluation}).
	 */
	public RevaluationView revalue(LocalDate periodEnd) {
		return revaluation.revalue(periodEnd);
	}

	/**
	 * A revaluation run as a user asks for it: run, or pending a second person's approval when an
	 * administrator has put runs under maker-checker (the date is checked first; the rest when it runs).
	 */
	public Submitted<RevaluationView> submitRevaluation(LocalDate periodEnd) {
		if (periodEnd == null) {
			throw BusinessRuleViolation.ofField("periodEnd", "revaluation.date.required");
		}
		BookingDates.require(periodEnd, LocalDate.now(clock), "periodEnd");
		// The run's locks first, before anything is read (see ReceivableRevaluation#revalue): reading the
		// approval policy would otherwise fix this transaction's snapshot before an event committed meanwhile.
		agreements.lockInOtherCurrencies();
		var held = makerChecker.holdRevaluationIfRequired(periodEnd);
		return held.isPresent() ? Submitted.pendingAs(held.get()) : Submitted.bookedAs(revalue(periodEnd));
	}

	/** The funding windows of some agreements (each once): what decides the segment of a project they fund. */
	@Transactional(readOnly = true)
	public List<FundingWindow> windowsOf(java.util.Collection<Long> agreementIds) {
		return agreementIds.isEmpty() ? List.of() : agreements.windowsOf(agreementIds);
	}

	@Transactional(readOnly = true)
	public List<RevaluationView> revaluations() {
		return revaluation.runs();
	}

	public AgreementView sign(long agreementId, long expectedVersion, LocalDate signedOn) {
		var agreement = loadForUpdate(agreementId, expectedVersion);
		if (signedOn == null) {
			throw BusinessRuleViolation.ofField("signedOn", "agreement.signedOn.required");
		}
		BookingDates.require(signedOn, LocalDate.now(clock), "signedOn");
		postings.requireOpen(signedOn, "signedOn");
		agreement.sign(signedOn, rates.rateOn(agreement.getCurrency(), signedOn));
		var view = saved(agreement);
		postings.signed(agreement);
		revaluation.afterEvent(agreement, signedOn, SourceType.AGREEMENT_SIGNED, agreement.getId());
		return view;
	}

	/** A new total or schedule for a signed agreement, dated and reasoned; the old schedule stays. */
	public AgreementView amend(long agreementId, long expectedVersion, LocalDate amendedOn, String reason,
			BigDecimal newTotal, List<ScheduleLine> schedule) {
		var agreement = loadForUpdate(agreementId, expectedVersion);
		if (amendedOn == null) {
			throw BusinessRuleViolation.ofField("amendedOn", "amendment.date.required");
		}
		BookingDates.require(amendedOn, LocalDate.now(clock), "amendedOn");
		if (agreement.getSignedOn() != null && amendedOn.isBefore(agreement.getSignedOn())) {
			throw BusinessRuleViolation.ofField("amendedOn", "amendment.beforeSignature",
					agreement.getSignedOn());
		}
		postings.requireOpen(amendedOn, "amendedOn");
		Amendment.requireNotBefore(amendments.findByAgreementIdOrderByIdAsc(agreementId), amendedOn);
		var received = received(agreement);
		// Receipts dated after it were posted under the old total: it is posted from its own day's position.
		var then = replay.laterEventsThan(agreement, amendedOn) ? replay.at(agreement, amendedOn) : null;
		var amendment = agreement.amend(amendedOn, reason, newTotal, schedule, received);
		amendments.save(amendment);
		requireAllocationsCovered(agreement);
		var view = saved(agreement);
		if (then == null) {
			postings.amended(agreement, amendment, received);
		}
		else {
			postings.amended(agreement, amendment, then);
			replay.replayAfter(agreement, amendedOn, SourceType.AMENDMENT, amendment.getId());
		}
		revaluation.afterEvent(agreement, amendedOn, SourceType.AMENDMENT, amendment.getId());
		return view;
	}

	public AgreementView cancel(long agreementId, long expectedVersion) {
		var agreement = loadForUpdate(agreementId, expectedVersion);
		if (received(agreement).isPositive()) {
			throw new BusinessRuleViolation("agreement.cancel.received");
		}
		var today = LocalDate.now(clock);
		postings.requireOpen(today, "cancelledOn");
		agreement.cancel(today);
		requireAllocationsCovered(agreement);
		var view = saved(agreement);
		postings.cancelled(agreement);
		revaluation.afterEvent(agreement, today, SourceType.AGREEMENT_CANCELLED, agreement.getId());
		return view;
	}

	public AgreementView close(long agreementId, long expectedVersion) {
		var agreement = loadForUpdate(agreementId, expectedVersion);
		agreement.close(LocalDate.now(clock), received(agreement));
		return saved(agreement);
	}

	/**
	 * Books cash received. More than is still due is refused unless recorded explicitly as an
	 * overpayment; a currency without a UN rate on the date is refused naming both.
	 */
	public ReceiptView recordReceipt(long agreementId, ReceiptCommand command) {
		return receipt(agreementId, command, false).booked();
	}

	/**
	 * A receipt as a user asks for it: booked as {@link #recordReceipt} does, or, when an
	 * administrator has put receipts of its USD value under a second person's approval, kept pending
	 * (checked as if booked, posting nothing) until approved.
	 */
	public Submitted<ReceiptView> submitReceipt(long agreementId, ReceiptCommand command) {
		return receipt(agreementId, command, true);
	}

	private Submitted<ReceiptView> receipt(long agreementId, ReceiptCommand command, boolean asked) {
		var agreement = agreements.findForUpdate(agreementId).orElseThrow(() -> new AgreementNotFound(agreementId));
		agreement.requireAcceptsMoney();
		if (command.receivedOn() == null) {
			throw BusinessRuleViolation.ofField("receivedOn", "receipt.date.required");
		}
		BookingDates.require(command.receivedOn(), LocalDate.now(clock), "receivedOn");
		postings.requireOpen(command.receivedOn(), "receivedOn");
		if (command.receivedOn().isBefore(agreement.getSignedOn())) {
			throw BusinessRuleViolation.ofField("receivedOn", "receipt.beforeSignature",
					agreement.getSignedOn());
		}
		var amount = new Money(command.amount(), command.currency());
		var rate = rates.rateOn(amount.currency(), command.receivedOn());
		var agreementRate = amount.currency().equals(agreement.getCurrency()) ? rate
				: rates.rateOn(agreement.getCurrency(), command.receivedOn());
		var receipt = new Receipt(agreement.getId(), command.receivedOn(), amount, rate, agreement.getCurrency(),
				agreementRate, blankToNull(command.bankReference()), blankToNull(command.note()), command.overpayment());
		if (receipt.usd().isZero()) {
			// Worth less than half a US cent: nothing the books in USD could record.
			throw BusinessRuleViolation.ofField("amount", "receipt.belowOneCent", amount.toString());
		}
		// Read after the agreement's lock: a revaluation run locks the agreement first, so one committed
		// meanwhile is counted here, and one still to come counts this receipt.
		var sums = receipts.netReceivedAndRunsOnOrAfter(agreement.getId(), command.receivedOn()).get(0);
		var receivedBefore = Money.rounded((BigDecimal) sums[0], agreement.getCurrency());
		boolean revaluedOnOrAfter = ((Number) sums[1]).longValue() > 0;
		// Amendments are looked for only on an agreement that has some: most have none.
		boolean eventsLater = agreement.carriesReceivable() && (((Number) sums[2]).longValue() > 0 || agreement.amended()
				&& amendments.existsByAgreementIdAndAmendedOnAfter(agreement.getId(), command.receivedOn()));
		var outstanding = agreement.total().minus(receivedBefore.min(agreement.total()));
		var value = receipt.inAgreementCurrency(agreement.getCurrency());
		if (value.isGreaterThan(outstanding) && !command.overpayment()) {
			throw new BusinessRuleViolation("receipt.exceedsOutstanding", value.toString(), outstanding.toString());
		}
		var held = asked ? makerChecker.holdIfRequired(ApprovalAction.RECEIPT, agreement, receipt.usd(),
				Summary.of("approval.summary.receipt", amount, command.receivedOn(),
						command.bankReference() == null || command.bankReference().isBlank() ? ""
								: " (" + command.bankReference().strip() + ")"),
				String.join("|", agreement.getId().toString(), amount.amount().toPlainString(), amount.currency(),
						command.receivedOn().toString(), String.valueOf(blankToNull(command.bankReference()))),
				new MakerChecker.ReceiptAsked(agreementId, command)) : Optional.<ApprovalView>empty();
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		// Dated before receipts or amendments already booked: posted from its own day's position.
		var then = eventsLater ? replay.at(agreement, command.receivedOn()) : null;
		var view = receipts.save(receipt).view(agreement.getCurrency(), false);
		if (then == null) {
			postings.received(agreement, view, receivedBefore);
		}
		else {
			postings.received(agreement, view, then);
			replay.replayAfter(agreement, view.receivedOn(), SourceType.RECEIPT, view.id());
		}
		// After the journal's head lock, which the posting took: receipts booked together in one
		// transaction (a bank statement's matches) then meet other receipts in the same order.
		receiptYears.add(agreement.getId(), view.receivedOn(), receipt.storedAgreementAmount());
		if (revaluedOnOrAfter) {
			revaluation.afterEvent(agreement, view.receivedOn(), SourceType.RECEIPT, view.id());
		}
		return Submitted.bookedAs(view);
	}

	/** Undoes a receipt with an opposite entry and a reason; the receipt itself is never touched. */
	public ReceiptView reverseReceipt(long receiptId, String reason) {
		return reverseReceipt(receiptId, reason, false).booked();
	}

	/**
	 * A reversal as a user asks for it: booked, or pending a second person's approval (see
	 * {@link #submitReceipt}); an approved reversal is dated the day it is approved.
	 */
	public Submitted<ReceiptView> submitReversal(long receiptId, String reason) {
		return reverseReceipt(receiptId, reason, true);
	}

	private Submitted<ReceiptView> reverseReceipt(long receiptId, String reason, boolean asked) {
		// A locking read first: what is read after it includes a revaluation run committed meanwhile.
		var original = receipts.findLocked(receiptId).orElseThrow(() -> new ReceiptNotFound(receiptId));
		var agreement = agreements.findForUpdate(original.getAgreementId()).orElseThrow();
		if (receipts.existsByReversalOf(receiptId)) {
			throw new BusinessRuleViolation("receipt.alreadyReversed", receiptId);
		}
		var today = LocalDate.now(clock);
		postings.requireOpen(today, "reversedOn");
		var reversal = original.reversal(today, reason);
		var originalView = original.view(agreement.getCurrency(), false);
		var held = asked ? makerChecker.holdIfRequired(ApprovalAction.RECEIPT_REVERSAL, agreement, originalView.usd(),
				Summary.of("approval.summary.receiptReversal", originalView.amount(), originalView.receivedOn(), reason),
				String.valueOf(receiptId), new MakerChecker.ReversalAsked(receiptId, reason))
				: Optional.<ApprovalView>empty();
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		try {
			receipts.saveAndFlush(reversal);
		}
		catch (DataIntegrityViolationException e) {
			if (Constraints.violated(e, "uk_receipt_reversal")) {
				throw new BusinessRuleViolation("receipt.alreadyReversed", receiptId);
			}
			throw e;
		}
		// Money already returned to the donor cannot be un-received.
		var refunded = refunded(agreement);
		if (refunded.isGreaterThan(received(agreement))) {
			throw new BusinessRuleViolation("receipt.reversal.belowRefunded", refunded.toString());
		}
		requireAllocationsCovered(agreement);
		var view = reversal.view(agreement.getCurrency(), false);
		postings.reversed(agreement, original.view(agreement.getCurrency(), true), view, received(agreement),
				replay.adjustmentLines(agreement.getId(), SourceType.RECEIPT, receiptId));
		receiptYears.add(agreement.getId(), view.receivedOn(), reversal.storedAgreementAmount());
		revaluation.afterEvent(agreement, today, SourceType.RECEIPT_REVERSAL, view.id());
		return Submitted.bookedAs(view);
	}

	/** Money returned to the donor: at most what was received and not yet refunded. */
	public Refund.RefundView refund(long agreementId, LocalDate refundedOn, BigDecimal amount, String reason) {
		return refund(agreementId, refundedOn, amount, reason, false).booked();
	}

	/** A refund as a user asks for it: booked, or pending a second person's approval (see {@link #submitReceipt}). */
	public Submitted<Refund.RefundView> submitRefund(long agreementId, LocalDate refundedOn, BigDecimal amount,
			String reason) {
		return refund(agreementId, refundedOn, amount, reason, true);
	}

	private Submitted<Refund.RefundView> refund(long agreementId, LocalDate refundedOn, BigDecimal amount,
			String reason, boolean asked) {
		var agreement = agreements.findForUpdate(agreementId).orElseThrow(() -> new AgreementNotFound(agreementId));
		agreement.requireAcceptsMoney();
		if (refundedOn == null) {
			throw BusinessRuleViolation.ofField("refundedOn", "refund.date.required");
		}
		if (agreement.isInKind()) {
			// Goods and services already used cannot be handed back as money: a wrong delivery is reversed.
			throw new BusinessRuleViolation("agreement.inKind.noRefund", agreement.getReference());
		}
		BookingDates.require(refundedOn, LocalDate.now(clock), "refundedOn");
		postings.requireOpen(refundedOn, "refundedOn");
		if (refundedOn.isBefore(agreement.getSignedOn())) {
			throw BusinessRuleViolation.ofField("refundedOn", "refund.beforeSignature",
					agreement.getSignedOn());
		}
		var money = new Money(amount, agreement.getCurrency());
		var refundable = received(agreement).minus(refunded(agreement));
		if (money.isGreaterThan(refundable)) {
			throw new BusinessRuleViolation("refund.exceedsReceived", money.toString(), refundable.toString());
		}
		var refund = new Refund(agreement.getId(), refundedOn, money, rates.rateOn(agreement.getCurrency(), refundedOn),
				reason);
		var held = asked ? makerChecker.holdIfRequired(ApprovalAction.REFUND, agreement, refund.view().usd(),
				Summary.of("approval.summary.refund", money, refundedOn, reason),
				String.join("|", agreement.getId().toString(), money.amount().toPlainString(), refundedOn.toString()),
				new MakerChecker.RefundAsked(agreementId, refundedOn, amount, reason)) : Optional.<ApprovalView>empty();
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		refunds.saveAndFlush(refund);
		requireAllocationsCovered(agreement);
		postings.refunded(agreement, refund.view());
		return Submitted.bookedAs(refund.view());
	}

	/**
	 * Locks the agreement for the caller's transaction and says what it can fund: allocations from
	 * one agreement then queue up, and the unallocated balance they check stays true.
	 */
	public AllocationBasis allocationBasis(long agreementId) {
		var agreement = agreements.findForUpdate(agreementId).orElseThrow(() -> new AgreementNotFound(agreementId));
		if (agreement.getSignedOn() == null) {
			throw new BusinessRuleViolation("agreement.notSigned", agreement.getReference());
		}
		if (agreement.getCancelledOn() != null) {
			throw new BusinessRuleViolation("agreement.cancelled", agreement.getReference());
		}
		if (agreement.isInKind()) {
			// Goods and services are used as they come: there is no money to allocate.
			throw new BusinessRuleViolation("agreement.inKind.notAllocatable", agreement.getReference());
		}
		return new AllocationBasis(agreementId, agreement.getReference(), agreement.getDonorId(),
				agreement.getFundingWindow(), agreement.getEarmarkLevel(), agreement.getEarmarkKind(),
				agreement.getEarmarkTarget(), fundingUsd(agreement));
	}

	/**
	 * The USD an agreement provides to projects. A conditional agreement provides the cash it
	 * brought, less every refund. An unconditional one provides its recognised value; a refund
	 * reduces that only beyond an overpayment, since overpaid cash was never part of it. The rules
	 * are {@link ContributionRules#fundingFromCash} and {@link ContributionRules#fundingFromRecognition}.
	 */
	private Money fundingUsd(Agreement agreement) {
		if (agreement.getSignedOn() == null || agreement.getCancelledOn() != null || agreement.isInKind()) {
			return Money.zero(Money.USD);
		}
		var id = agreement.getId();
		return funding(agreement, receipts.netReceived(id), receipts.netReceivedUsd(id), refunds.total(id),
				refunds.totalUsd(id));
	}

	/**
	 * The USD an open agreement in money provides, from what it received and refunded (net, in its
	 * currency and in USD): one rule for one agreement and for the sums of many read at once.
	 */
	private static Money funding(Agreement agreement, BigDecimal received, BigDecimal receivedUsd, BigDecimal refunded,
			BigDecimal refundedUsd) {
		if (agreement.isConditional()) {
			return ContributionRules.fundingFromCash(receivedUsd, refundedUsd);
		}
		return ContributionRules.fundingFromRecognition(agreement.recognisedUsd(), agreement.getRecognitionRate(),
				agreement.total(), Money.rounded(received, agreement.getCurrency()),
				Money.rounded(refunded, agreement.getCurrency()));
	}

	/** Refuses a change on the income side that would leave allocations without the money behind them. */
	private void requireAllocationsCovered(Agreement agreement) {
		var allocatedUsd = allocated.allocatedUsd(agreement.getId());
		if (!allocatedUsd.isPositive()) {
			return;
		}
		var funding = fundingUsd(agreement);
		if (allocatedUsd.isGreaterThan(funding)) {
			throw new BusinessRuleViolation("agreement.allocationsUncovered", agreement.getReference(),
					allocatedUsd.display(), funding.display());
		}
	}

	@Transactional(readOnly = true)
	public AgreementView agreement(long agreementId) {
		return view(agreements.findById(agreementId).orElseThrow(() -> new AgreementNotFound(agreementId)));
	}

	@Transactional(readOnly = true)
	public List<AgreementView> agreementsOf(long donorId) {
		return agreements.findByDonorIdOrderBySignedOnDescIdDesc(donorId).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public org.springframework.data.domain.Page<AgreementView> list(org.springframework.data.domain.Pageable pageable) {
		return agreements.findAll(pageable).map(this::view);
	}

	/**
	 * The agreements a search finds, a page at a time, filtered and ordered in the database: the text
	 * in the reference or in the donor's name, the window, the currency, the year of signature. A page
	 * costs the same few statements whatever its size: the page and its count, the schedules of its
	 * agreements (batch-fetched) and what was received and refunded on them, each summed in one query.
	 */
	@Transactional(readOnly = true)
	org.springframework.data.domain.Page<AgreementRow> search(AgreementSearch search, int page, int size) {
		var sort = switch (search.order()) {
			case REFERENCE -> org.springframework.data.domain.Sort.by("reference");
			case SIGNED -> org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
					"signedOn", "id");
			case TOTAL -> org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
					"totalAmount", "id");
			case NEWEST -> org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "id");
		};
		var text = search.text();
		var donorIds = text == null ? List.<Long>of() : donors.idsNamed(text);
		org.springframework.data.jpa.domain.Specification<Agreement> where = (root, query, cb) -> {
			var predicates = new ArrayList<jakarta.persistence.criteria.Predicate>();
			if (text != null) {
				var like = cb.like(cb.lower(root.get("reference")), org.tafund.shared.Text.containing(text));
				predicates.add(donorIds.isEmpty() ? like : cb.or(like, root.get("donorId").in(donorIds)));
			}
			if (search.window() != null) {
				predicates.add(cb.equal(root.get("fundingWindow"), search.window()));
			}
			if (search.currencyCode() != null) {
				predicates.add(cb.equal(root.get("currency"), search.currencyCode()));
			}
			if (search.year() != null) {
				predicates.add(cb.between(root.get("signedOn"), LocalDate.of(search.year(), 1, 1),
						LocalDate.of(search.year(), 12, 31)));
			}
			return cb.and(predicates.toArray(jakarta.persistence.criteria.Predicate[]::new));
		};
		var found = agreements.findAll(where, org.tafund.shared.Paging.page(page, size, sort));
		if (found.isEmpty()) {
			return new org.springframework.data.domain.PageImpl<>(List.of(), found.getPageable(), found.getTotalElements());
		}
		var ids = found.map(Agreement::getId).getContent();
		var received = new java.util.HashMap<Long, BigDecimal>();
		receipts.netReceivedOf(ids).forEach(row -> received.put((Long) row[0], (BigDecimal) row[1]));
		var refunded = new java.util.HashMap<Long, BigDecimal>();
		refunds.totalsOf(ids).forEach(row -> refunded.put((Long) row[0], (BigDecimal) row[1]));
		var today = LocalDate.now(clock);
		return found.map(a -> AgreementRow.of(a, a.position(
				Money.rounded(received.getOrDefault(a.getId(), BigDecimal.ZERO), a.getCurrency()),
				Money.rounded(refunded.getOrDefault(a.getId(), BigDecimal.ZERO), a.getCurrency()), today)));
	}

	/**
	 * Agreements that can fund projects (signed, not cancelled, money rather than goods) whose
	 * reference or donor's name holds {@code text}, newest signature first, at most {@code limit},
	 * each with the USD it provides. Read without locks: the allocation itself locks and checks again.
	 */
	/**
	 * What an agreement can be earmarked to, for a kind, as code and name in the reader's language:
	 * the themes, the M49 regions (by their English names, as stored), the countries, the projects.
	 */
	@Transactional(readOnly = true)
	public List<String[]> earmarkChoices(EarmarkKind kind, java.util.Locale locale,
			java.util.function.Function<String, String> themeName) {
		if (kind == null) {
			return List.of();
		}
		return switch (kind) {
			case THEME -> Agreement.THEMES.stream().sorted().map(t -> new String[] { t, themeName.apply(t) }).toList();
			case REGION -> countries.all(java.util.Locale.ENGLISH)
				.stream()
				.flatMap(c -> java.util.stream.Stream.of(c.region(), c.subRegion(), c.intermediateRegion()))
				.filter(name -> name != null && !name.isBlank())
				.distinct()
				.sorted()
				.map(name -> new String[] { name, name })
				.toList();
			case COUNTRY -> countries.all(locale).stream().map(c -> new String[] { c.code(), c.name() }).toList();
			case PROJECT -> earmarkTargets.projectCodes().stream().map(code -> new String[] { code, code }).toList();
		};
	}

	/** One agreement as {@link #fundingAgreements} gives it, if it can fund projects at all. */
	@Transactional(readOnly = true)
	public java.util.Optional<AllocationBasis> fundingAgreement(long id) {
		return agreements.findById(id)
			.filter(a -> a.getSignedOn() != null && a.getCancelledOn() == null && !a.isInKind())
			.map(a -> new AllocationBasis(a.getId(), a.getReference(), a.getDonorId(), a.getFundingWindow(),
					a.getEarmarkLevel(), a.getEarmarkKind(), a.getEarmarkTarget(), fundingUsd(a)));
	}

	@Transactional(readOnly = true)
	public List<AllocationBasis> fundingAgreements(String text, int limit) {
		var wanted = text == null || text.isBlank() ? null : text.strip();
		var donorIds = wanted == null ? List.<Long>of() : donors.idsNamed(wanted);
		org.springframework.data.jpa.domain.Specification<Agreement> where = (root, query, cb) -> {
			var predicates = new ArrayList<jakarta.persistence.criteria.Predicate>();
			predicates.add(cb.isNotNull(root.get("signedOn")));
			predicates.add(cb.isNull(root.get("cancelledOn")));
			predicates.add(cb.isFalse(root.get("inKind")));
			if (wanted != null) {
				var like = cb.like(cb.lower(root.get("reference")), org.tafund.shared.Text.containing(wanted));
				predicates.add(donorIds.isEmpty() ? like : cb.or(like, root.get("donorId").in(donorIds)));
			}
			return cb.and(predicates.toArray(jakarta.persistence.criteria.Predicate[]::new));
		};
		var sort = org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "signedOn",
				"id");
		return agreements.findAll(where, org.springframework.data.domain.PageRequest.of(0, limit, sort))
			.stream()
			.map(a -> new AllocationBasis(a.getId(), a.getReference(), a.getDonorId(), a.getFundingWindow(),
					a.getEarmarkLevel(), a.getEarmarkKind(), a.getEarmarkTarget(), fundingUsd(a)))
			.toList();
	}

	/**
	 * What the signed agreements still hold for projects, by funding window: what each provides
	 * ({@link #fundingUsd}) less what is allocated from it, in a few grouped queries whatever the
	 * number of agreements.
	 */
	@Transactional(readOnly = true)
	public java.util.SortedMap<FundingWindow, Money> unallocatedByWindow() {
		var received = new java.util.HashMap<Long, Object[]>();
		receipts.netReceivedByAgreement().forEach(row -> received.put((Long) row[0], row));
		var refunded = new java.util.HashMap<Long, Object[]>();
		refunds.totalsByAgreement().forEach(row -> refunded.put((Long) row[0], row));
		var allocated = this.allocated.allocatedUsdByAgreement();
		var byWindow = new java.util.TreeMap<FundingWindow, Money>();
		org.springframework.data.jpa.domain.Specification<Agreement> open = (root, query, cb) -> cb.and(
				cb.isNotNull(root.get("signedOn")), cb.isNull(root.get("cancelledOn")), cb.isFalse(root.get("inKind")));
		for (var agreement : agreements.findAll(open)) {
			var id = agreement.getId();
			var cash = received.get(id);
			var back = refunded.get(id);
			var funding = funding(agreement, cash == null ? BigDecimal.ZERO : (BigDecimal) cash[1],
					cash == null ? BigDecimal.ZERO : (BigDecimal) cash[2], back == null ? BigDecimal.ZERO : (BigDecimal) back[1],
					back == null ? BigDecimal.ZERO : (BigDecimal) back[2]);
			var left = funding.minus(Money.rounded(allocated.getOrDefault(id, BigDecimal.ZERO), Money.USD));
			byWindow.merge(agreement.getFundingWindow(), left, Money::plus);
		}
		return byWindow;
	}

	/** One donor's agreements with totals per currency and in USD (stored USD equivalents only). */
	@Transactional(readOnly = true)
	public DonorContributions ofDonor(long donorId) {
		var list = agreementsOf(donorId);
		var totals = new java.util.TreeMap<String, DonorContributions.Totals>();
		var usd = DonorContributions.Totals.zero(Money.USD);
		for (var a : list) {
			if (a.signedOn() == null || a.status() == AgreementStatus.CANCELLED) {
				continue;
			}
			var p = a.position();
			totals.merge(a.currency(), new DonorContributions.Totals(p.total(), p.received(), p.outstanding(),
					p.overdue(), p.refunded()), DonorContributions.Totals::plus);
			var rate = a.recognitionRate();
			// Refunds add their stored USD: they were converted at the rate of their own date.
			var refundedUsd = a.refunds().stream().map(Refund.RefundView::usd).reduce(Money.zero(Money.USD), Money::plus);
			usd = usd.plus(new DonorContributions.Totals(a.recognisedUsd(), a.receivedUsd(),
					p.outstanding().toUsd(rate), p.overdue().toUsd(rate), refundedUsd));
		}
		var donorPledges = pledgesOf(donorId);
		var pledged = new java.util.TreeMap<String, Money>();
		var pledgedUsd = Money.zero(Money.USD);
		for (var pledge : donorPledges) {
			if (pledge.open()) {
				pledged.merge(pledge.amount().currency(), pledge.amount(), Money::plus);
				pledgedUsd = pledgedUsd.plus(pledge.usd());
			}
		}
		return new DonorContributions(list, List.copyOf(totals.values()), usd, donorPledges,
				List.copyOf(pledged.values()), pledgedUsd);
	}

	/** Instalments past due and not fully received, most overdue first. */
	@Transactional(readOnly = true)
	public List<OverdueInstalment> overdue() {
		return overdueInstalments.asOf(LocalDate.now(clock));
	}

	// The row lock makes a second editor wait, then find the version moved: a conflict, not a deadlock.
	private Agreement loadForUpdate(long agreementId, long expectedVersion) {
		var agreement = agreements.findForUpdate(agreementId).orElseThrow(() -> new AgreementNotFound(agreementId));
		if (agreement.getVersion() != expectedVersion) {
			throw new ConcurrentEdit("agreement", agreement.getReference());
		}
		return agreement;
	}

	private AgreementView saved(Agreement agreement) {
		try {
			agreements.flush();
		}
		catch (OptimisticLockingFailureException e) {
			throw new ConcurrentEdit("agreement", agreement.getReference());
		}
		return view(agreement);
	}

	private Money received(Agreement agreement) {
		return agreement.getId() == null ? Money.zero(agreement.getCurrency())
				: Money.rounded(receipts.netReceived(agreement.getId()), agreement.getCurrency());
	}

	private Money refunded(Agreement agreement) {
		return agreement.getId() == null ? Money.zero(agreement.getCurrency())
				: Money.rounded(refunds.total(agreement.getId()), agreement.getCurrency());
	}

	private AgreementView view(Agreement agreement) {
		var today = LocalDate.now(clock);
		var currency = agreement.getCurrency();
		var receiptRows = agreement.getId() == null ? List.<Receipt>of()
				: receipts.findByAgreementIdOrderByReceivedOnAscIdAsc(agreement.getId());
		var reversed = new HashSet<Long>();
		receiptRows.forEach(r -> {
			if (r.getReversalOf() != null) {
				reversed.add(r.getReversalOf());
			}
		});
		var receiptViews = receiptRows.stream().map(r -> r.view(currency, reversed.contains(r.getId()))).toList();
		var receivedUsd = receiptRows.stream().map(Receipt::usd).reduce(Money.zero(Money.USD), Money::plus);
		var refundViews = agreement.getId() == null ? List.<Refund.RefundView>of()
				: refunds.findByAgreementIdOrderByRefundedOnAscIdAsc(agreement.getId()).stream().map(Refund::view).toList();
		var amendmentLines = agreement.getId() == null ? List.<AgreementView.AmendmentLine>of()
				: amendments.findByAgreementIdOrderByIdAsc(agreement.getId()).stream().map(a -> a.line(currency)).toList();
		var earlier = agreement.earlierSchedules()
			.stream()
			.map(i -> new AgreementView.EarlierInstalment(i.getScheduleNumber(), i.getDueOn(),
					new Money(i.getAmount(), currency)))
			.toList();
		return new AgreementView(agreement.getId(), agreement.getReference(), agreement.getDonorId(), currency,
				agreement.total(), agreement.getFundingWindow(), agreement.getPniInstitute(), agreement.getEarmarkLevel(),
				agreement.getEarmarkKind(), agreement.getEarmarkTarget(), agreement.getPscRate(),
				agreement.getPscApprovalReference(), agreement.isConditional(), agreement.getPeriodStart(),
				agreement.getPeriodEnd(), agreement.getSignedOn(), agreement.recognisedUsd(),
				agreement.getRecognitionRate(), agreement.getRecognitionRateDate(),
				agreement.position(received(agreement), refunded(agreement), today), receivedUsd, receiptViews,
				refundViews, amendmentLines, earlier, agreement.getReportDueDates(), agreement.getVersion(),
				agreement.isInKind());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** An instalment past due and not fully received. */
	public record OverdueInstalment(Long agreementId, String reference, Long donorId, LocalDate dueOn,
			long daysOverdue, Money outstanding, Money outstandingUsd) {
	}

	static class AgreementNotFound extends NotFound {

		AgreementNotFound(long id) {
			super("No agreement " + id);
		}

	}

	static class PledgeNotFound extends NotFound {

		PledgeNotFound(long id) {
			super("No pledge " + id);
		}

	}

	static class ReceiptNotFound extends NotFound {

		ReceiptNotFound(long id) {
			super("No receipt " + id);
		}

	}

}
