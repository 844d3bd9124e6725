package org.tafund.approvals;

import org.tafund.shared.Summary;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.security.Right;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Constraints;
import org.tafund.shared.ForbiddenAction;
import org.tafund.shared.NotFound;

import tools.jackson.databind.json.JsonMapper;

/**
 * Maker-checker. A module asks {@link #required} before it books an action; when approval is
 * required it hands the record over ({@link #submit}) instead of booking it, and books it when a
 * second person approves ({@link #approve}), through its {@link ApprovalExecutor}, in the
 * approver's transaction.
 */
@Service
public class Approvals {

	/** The longest list a page or the API shows at once. */
	static final int LIST_LIMIT = 200;

	private final ApprovalPolicies policies;

	private final ApprovalRequests requests;

	private final ObjectProvider<ApprovalExecutor> executors;

	private final Clock clock;

	private final JsonMapper json;

	private final org.springframework.context.MessageSource messages;

	Approvals(ApprovalPolicies policies, ApprovalRequests requests, ObjectProvider<ApprovalExecutor> executors,
			Clock clock, JsonMapper json, org.springframework.context.MessageSource messages,
			org.tafund.security.SecondFactorConfirmation confirmation) {
		this.confirmation = confirmation;
		this.json = json;
		this.messages = messages;
		this.policies = policies;
		this.requests = requests;
		this.executors = executors;
		this.clock = clock;
	}

	/**
	 * How long a reading of the policies is used before they are read again. Every money POST asks
	 * them, and they change a few times a year: read on each POST they cost a receipt a quarter of
	 * its database time. A change made here applies at once on this instance, and within this time on
	 * the others.
	 */
	private final org.tafund.security.SecondFactorConfirmation confirmation;

	static final java.time.Duration POLICY_FRESHNESS = java.time.Duration.ofSeconds(5);

	/** The policies as last read, and when (null: to be read). */
	private volatile PolicyReading policyReading;

	private record PolicyReading(Map<ApprovalAction, ApprovalPolicy> byAction, java.time.Instant readAt) {
	}

	/** Whether a record of this action and USD amount (null: none) needs a second person. */
	@Transactional(readOnly = true)
	public boolean required(ApprovalAction action, BigDecimal amountUsd) {
		var reading = policyReading;
		var now = clock.instant();
		if (reading == null || !now.isBefore(reading.readAt().plus(POLICY_FRESHNESS))) {
			var byAction = new java.util.EnumMap<ApprovalAction, ApprovalPolicy>(ApprovalAction.class);
			policies.findAll().forEach(policy -> byAction.put(policy.action(), policy.detached()));
			reading = new PolicyReading(byAction, now);
			policyReading = reading;
		}
		var policy = reading.byAction().get(action);
		return policy != null && policy.requires(amountUsd);
	}

	/**
	 * The pending record when an action of this USD amount needs a second person ({@link #submit}
	 * of what {@code record} gives), else empty: the caller books it at once.
	 */
	@Transactional
	public java.util.Optional<ApprovalView> holdIfRequired(ApprovalAction action, BigDecimal amountUsd,
			java.util.function.Supplier<PendingRecord> record) {
		return required(action, amountUsd) ? java.util.Optional.of(submit(record.get())) : java.util.Optional.empty();
	}

	/**
	 * What books an approved record of {@code action}: {@code book} given the command kept when it
	 * was made (read back as {@code type}), returning what was booked as people read it.
	 */
	public <T> ApprovalExecutor executor(ApprovalAction action, Class<T> type, java.util.function.Function<T, String> book) {
		return new ApprovalExecutor() {

			@Override
			public ApprovalAction action() {
				return action;
			}

			@Override
			public String book(String payload) {
				return book.apply(json.readValue(payload, type));
			}

		};
	}

	/**
	 * Stores a maker's record as pending: nothing is booked. A second pending record of the same
	 * thing (the same duplicate key) is refused ({@code approval.duplicate}).
	 */
	@Transactional
	public ApprovalView submit(PendingRecord record) {
		var english = messages.getMessage(record.summary().key(), record.summary().rendered(java.util.Locale.ENGLISH),
				record.summary().key(), java.util.Locale.ENGLISH);
		var request = new ApprovalRequest(record, english, json.writeValueAsString(record.summary().args()),
				json.writeValueAsString(record.command()), currentUser(), clock.instant());
		try {
			return requests.saveAndFlush(request).view();
		}
		catch (DataIntegrityViolationException e) {
			if (Constraints.violated(e, "uk_approval_request_open")) {
				throw new BusinessRuleViolation("approval.duplicate", record.subjectLabel());
			}
			throw e;
		}
	}

	/**
	 * Approves a pending record and books it. Refused to its maker ({@code approval.ownRecord}), an
	 * administrator included, and to a user without the approver permission and the action's right
	 * ({@code approval.notApprover}); a refusal of the booking itself leaves the record pending.
	 */
	@Transactional
	public ApprovalView approve(long id, String reason) {
		var request = requests.findForUpdate(id).orElseThrow(() -> new ApprovalNotFound(id));
		var user = currentUser();
		request.requireDecidableBy(user);
		requireApprover(request.action());
		if (request.view().amountUsd() != null) {
			// Money above the threshold: the approver shows their second factor again, if they have one.
			confirmation.requireRecent();
		}
		var booked = executor(request.action()).book(request.payload());
		request.approve(user, clock.instant(), reason, booked);
		return request.view();
	}

	/** Rejects a pending record with a reason: nothing is booked. Refused as {@link #approve}. */
	@Transactional
	public ApprovalView reject(long id, String reason) {
		var request = requests.findForUpdate(id).orElseThrow(() -> new ApprovalNotFound(id));
		var user = currentUser();
		request.requireDecidableBy(user);
		requireApprover(request.action());
		request.reject(user, clock.instant(), reason);
		return request.view();
	}

	/** Takes a pending record back: only its maker may. */
	@Transactional
	public ApprovalView withdraw(long id) {
		var request = requests.findForUpdate(id).orElseThrow(() -> new ApprovalNotFound(id));
		request.withdraw(currentUser(), clock.instant());
		return request.view();
	}

	@Transactional(readOnly = true)
	public ApprovalView get(long id) {
		return requests.findById(id).orElseThrow(() -> new ApprovalNotFound(id)).view();
	}

	/** The pending records the signed-in user may decide: not their own, of actions whose right they hold. */
	@Transactional(readOnly = true)
	public List<ApprovalView> awaitingMe() {
		var actions = decidable();
		if (actions.isEmpty()) {
			return List.of();
		}
		return requests.awaiting(actions, currentUser(), PageRequest.of(0, LIST_LIMIT))
			.stream()
			.map(ApprovalRequest::view)
			.toList();
	}

	/** How many records await the signed-in user's decision (the menu's count). */
	@Transactional(readOnly = true)
	public long countAwaitingMe() {
		var actions = decidable();
		return actions.isEmpty() ? 0 : requests.countAwaiting(actions, currentUser());
	}

	/** The signed-in user's own records, latest first. */
	@Transactional(readOnly = true)
	public List<ApprovalView> mine() {
		return requests.madeBy(currentUser(), PageRequest.of(0, LIST_LIMIT)).stream().map(ApprovalRequest::view).toList();
	}

	/** The latest decided records of everyone (approved, rejected, withdrawn). */
	@Transactional(readOnly = true)
	public List<ApprovalView> decided() {
		return requests.decided(PageRequest.of(0, 50)).stream().map(ApprovalRequest::view).toList();
	}

	/** The pending records about one record (an agreement's pending receipts). */
	@Transactional(readOnly = true)
	public List<ApprovalView> pendingOf(String subjectType, long subjectId) {
		return requests.pendingOf(subjectType, subjectId).stream().map(ApprovalRequest::view).toList();
	}

	/** The USD total of the pending records of an action: the "pending" figure beside the booked ones. */
	@Transactional(readOnly = true)
	public BigDecimal pendingUsd(ApprovalAction action) {
		return requests.pendingUsd(action);
	}

	/** Every action's policy, in the order of {@link ApprovalAction}. */
	@Transactional(readOnly = true)
	public List<PolicyView> policies() {
		Map<ApprovalAction, ApprovalPolicy> stored = new TreeMap<>();
		policies.findAll().forEach(policy -> stored.put(policy.action(), policy));
		return Arrays.stream(ApprovalAction.values()).map(action -> {
			var policy = stored.get(action);
			return policy == null ? new PolicyView(action, false, null, 0)
					: new PolicyView(action, policy.required(), policy.thresholdUsd(), policy.getVersion());
		}).toList();
	}

	/** Puts an action under approval (above a USD threshold; none: always) or takes it out. */
	@Transactional
	public PolicyView setPolicy(ApprovalAction action, boolean required, BigDecimal thresholdUsd) {
		var policy = policies.findById(action).orElseGet(() -> new ApprovalPolicy(action));
		policy.set(required, thresholdUsd);
		var saved = policies.saveAndFlush(policy);
		// Read again at the next request on this instance (the others within POLICY_FRESHNESS), and once
		// more after the commit: a request between the two would have read the policy as it was.
		policyReading = null;
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {

					@Override
					public void afterCommit() {
						policyReading = null;
					}

				});
		}
		return new PolicyView(action, saved.required(), saved.thresholdUsd(), saved.getVersion());
	}

	/** A pending record's summary in the reader's language (the English text kept when there is none). */
	public String summaryOf(ApprovalView view) {
		if (view.summaryKey() == null || view.summaryArgs() == null) {
			return view.summary();
		}
		var args = new Summary(view.summaryKey(), java.util.Arrays.asList(json.readValue(view.summaryArgs(), String[].class)));
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return args.in(messages, locale, view.summary());
	}

	/** An action's policy as the admin page and the API show it. */
	public record PolicyView(ApprovalAction action, boolean required, BigDecimal thresholdUsd, long version) {
	}

	private ApprovalExecutor executor(ApprovalAction action) {
		return executors.orderedStream()
			.filter(executor -> executor.action() == action)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No module books approved " + action + " records"));
	}

	private List<ApprovalAction> decidable() {
		var user = authentication();
		if (!Right.APPROVE.heldBy(user)) {
			return List.of();
		}
		return Arrays.stream(ApprovalAction.values()).filter(action -> action.right().heldBy(user)).toList();
	}

	private void requireApprover(ApprovalAction action) {
		var user = authentication();
		if (!Right.APPROVE.heldBy(user) || !action.right().heldBy(user)) {
			throw new ForbiddenAction("approval.notApprover");
		}
	}

	private static Authentication authentication() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

	/** The signed-in user's name (refused when nobody is signed in). */
	static String signedIn() {
		return currentUser();
	}

	private static String currentUser() {
		var auth = authentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			// Maker-checker is about people: a record nobody signed in for has no maker to tell apart.
			throw new ForbiddenAction("approval.signedInOnly");
		}
		return auth.getName();
	}

	static final class ApprovalNotFound extends NotFound {

		ApprovalNotFound(long id) {
			super("No approval request " + id + ".");
		}

	}

}
