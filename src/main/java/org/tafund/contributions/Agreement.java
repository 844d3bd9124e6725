package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.fx.AppliedRate;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.shared.PlanningDates;
import org.tafund.shared.PscRate;

/**
 * A contribution agreement: binding once signed, with an instalment schedule that adds up to
 * its total exactly. Its schedules are kept forever; an amendment starts a new one.
 */
@Entity
@Table(name = "agreement")
@Audited
class Agreement extends AuditableEntity implements org.tafund.shared.Described {

	static final BigDecimal STANDARD_PSC = PscRate.STANDARD.value();

	/** The themes of paragraph 8 an agreement can be earmarked to. */
	static final Set<String> THEMES = Set.of("EXTRADITION", "MLA", "BOTH", "OTHER");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false, length = 60)
	private String reference;

	// Changes only when the donor is merged into another (transferTo), in the agreement's history.
	@Column(name = "donor_id", nullable = false)
	private Long donorId;

	@Column(nullable = false, updatable = false, length = 3)
	private String currency;

	@Column(name = "total_amount", nullable = false, precision = 19, scale = 4)
	private BigDecimal totalAmount;

	@Enumerated(EnumType.STRING)
	@Column(name = "funding_window", nullable = false, length = 40)
	private FundingWindow fundingWindow;

	@Column(name = "pni_institute", length = 100)
	private String pniInstitute;

	@Column(name = "earmark_level", nullable = false)
	private int earmarkLevel;

	@Enumerated(EnumType.STRING)
	@Column(name = "earmark_kind", length = 20)
	private EarmarkKind earmarkKind;

	@Column(name = "earmark_target", length = 100)
	private String earmarkTarget;

	@Column(name = "psc_rate", nullable = false, precision = 5, scale = 4)
	private BigDecimal pscRate;

	@Column(name = "psc_approval_ref", length = 100)
	private String pscApprovalReference;

	@Column(name = "conditional_terms", nullable = false)
	private boolean conditional;

	/** Goods or services at fair value: recognised as each delivery is recorded, never cash, never receivable. */
	@Column(name = "in_kind", nullable = false)
	private boolean inKind;

	@Column(name = "period_start")
	private LocalDate periodStart;

	@Column(name = "period_end")
	private LocalDate periodEnd;

	@Column(name = "signed_on")
	private LocalDate signedOn;

	@Column(name = "recognised_usd", precision = 19, scale = 4)
	private BigDecimal recognisedUsd;

	@Column(name = "recognition_rate", precision = 19, scale = 8)
	private BigDecimal recognitionRate;

	@Column(name = "recognition_rate_date")
	private LocalDate recognitionRateDate;

	@Column(name = "cancelled_on")
	private LocalDate cancelledOn;

	@Column(name = "closed_on")
	private LocalDate closedOn;

	@Column(name = "schedule_number", nullable = false)
	private int scheduleNumber;

	@OneToMany(mappedBy = "agreement", cascade = CascadeType.PERSIST)
	private List<Instalment> instalments = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "agreement_report_due", joinColumns = @JoinColumn(name = "agreement_id"))
	@Column(name = "due_on")
	private Set<LocalDate> reportDueDates = new TreeSet<>();

	protected Agreement() {
	}

	Agreement(AgreementTerms terms) {
		this.reference = terms.reference().strip();
		this.donorId = terms.donorId();
		var total = new Money(terms.amount(), terms.currency());
		if (!total.isPositive()) {
			throw new BusinessRuleViolation("agreement.amount.positive");
		}
		this.currency = total.currency();
		this.totalAmount = total.amount();
		this.fundingWindow = terms.window();
		if (terms.window() == FundingWindow.PNI_INSTITUTE && blank(terms.pniInstitute())) {
			throw new BusinessRuleViolation("agreement.pni.required");
		}
		this.pniInstitute = terms.window() == FundingWindow.PNI_INSTITUTE ? terms.pniInstitute().strip() : null;
		if (terms.earmarkLevel() < 1 || terms.earmarkLevel() > 4) {
			throw new BusinessRuleViolation("agreement.earmark.level");
		}
		this.earmarkLevel = terms.earmarkLevel();
		if (terms.earmarkLevel() > 1 && (terms.earmarkKind() == null || blank(terms.earmarkTarget()))) {
			throw new BusinessRuleViolation("agreement.earmark.target");
		}
		this.earmarkKind = terms.earmarkLevel() > 1 ? terms.earmarkKind() : null;
		this.earmarkTarget = terms.earmarkLevel() > 1 ? terms.earmarkTarget().strip().toUpperCase(Locale.ROOT) : null;
		if (earmarkKind == EarmarkKind.THEME && !THEMES.contains(earmarkTarget)) {
			throw new BusinessRuleViolation("agreement.earmark.theme", earmarkTarget);
		}
		var psc = PscRate.orStandard(terms.pscRate());
		if (!psc.isStandard() && blank(terms.pscApprovalReference())) {
			throw new BusinessRuleViolation("agreement.psc.approval");
		}
		this.pscRate = psc.value();
		this.pscApprovalReference = blank(terms.pscApprovalReference()) ? null : terms.pscApprovalReference().strip();
		this.conditional = terms.conditional();
		this.inKind = terms.inKind();
		if (inKind && conditional) {
			// An in-kind contribution is recognised as it is delivered already: conditions add nothing.
			throw new BusinessRuleViolation("agreement.inKind.conditional");
		}
		PlanningDates.require(terms.periodStart(), "periodStart");
		PlanningDates.require(terms.periodEnd(), "periodEnd");
		if (terms.periodStart() != null && terms.periodEnd() != null && terms.periodEnd().isBefore(terms.periodStart())) {
			throw new BusinessRuleViolation("agreement.period.order");
		}
		this.periodStart = terms.periodStart();
		this.periodEnd = terms.periodEnd();
		addSchedule(1, terms.instalments(), total);
		this.scheduleNumber = 1;
		if (terms.reportDueDates() != null) {
			terms.reportDueDates().stream().filter(java.util.Objects::nonNull).forEach(reportDueDates::add);
		}
	}

	/** Signing makes the agreement binding: its USD value is recognised at the rate of that day. */
	void sign(LocalDate on, AppliedRate rate) {
		if (signedOn != null) {
			throw new BusinessRuleViolation("agreement.alreadySigned", reference);
		}
		this.signedOn = on;
		this.recognitionRate = rate.unitsPerUsd();
		this.recognitionRateDate = rate.effectiveDate();
		this.recognisedUsd = rate.toUsd(total()).amount();
	}

	/** Changes the total or the schedule of a signed agreement; the earlier schedule stays. */
	Amendment amend(LocalDate on, String reason, BigDecimal newTotal, List<ScheduleLine> schedule, Money received) {
		requireOpen();
		if (signedOn == null) {
			throw new BusinessRuleViolation("agreement.amend.draft");
		}
		if (blank(reason)) {
			throw new BusinessRuleViolation("agreement.amend.reason");
		}
		var total = new Money(newTotal, currency);
		if (!total.isPositive()) {
			throw new BusinessRuleViolation("agreement.amount.positive");
		}
		if (received.isGreaterThan(total)) {
			throw new BusinessRuleViolation("agreement.amend.belowReceived", received.toString());
		}
		// The schedule is checked against the new total before anything changes: a refusal leaves the agreement as it was.
		addSchedule(scheduleNumber + 1, schedule, total);
		var previous = totalAmount;
		this.totalAmount = total.amount();
		this.scheduleNumber++;
		// The USD value recognised follows the new total at the signature rate: history keeps the old one.
		this.recognisedUsd = total().toUsd(recognitionRate).amount();
		return new Amendment(id, on, reason.strip(), previous, total.amount(), scheduleNumber);
	}

	void cancel(LocalDate on) {
		requireOpen();
		this.cancelledOn = on;
	}

	/**
	 * Closing ends the agreement. An unconditional agreement in cash still owed money would leave a
	 * receivable in the books that nothing relieves or revalues any more: the shortfall is settled
	 * first, by an amendment (dated, with its reason) to what was received, or by cancelling.
	 */
	void close(LocalDate on, Money received) {
		requireOpen();
		if (carriesReceivable() && signedOn != null && total().isGreaterThan(received)) {
			throw new BusinessRuleViolation("agreement.close.outstanding", reference,
					total().minus(received).toString());
		}
		this.closedOn = on;
	}

	/** A receipt or refund may be booked only on a signed agreement that is neither closed nor cancelled. */
	void requireAcceptsMoney() {
		if (signedOn == null) {
			throw new BusinessRuleViolation("agreement.notSigned", reference);
		}
		requireOpen();
	}

	private void requireOpen() {
		if (cancelledOn != null) {
			throw new BusinessRuleViolation("agreement.cancelled", reference);
		}
		if (closedOn != null) {
			throw new BusinessRuleViolation("agreement.closed", reference);
		}
	}

	private void addSchedule(int number, List<ScheduleLine> lines, Money total) {
		if (lines == null || lines.isEmpty()) {
			throw new BusinessRuleViolation("agreement.schedule.required");
		}
		var sum = Money.zero(currency);
		for (var line : lines) {
			if (line == null || line.dueOn() == null || line.amount() == null) {
				throw new BusinessRuleViolation("agreement.schedule.incomplete");
			}
			PlanningDates.require(line.dueOn(), "dueOn");
			var amount = new Money(line.amount(), currency);
			if (!amount.isPositive()) {
				throw new BusinessRuleViolation("agreement.schedule.positive");
			}
			if ((periodStart != null && line.dueOn().isBefore(periodStart))
					|| (periodEnd != null && line.dueOn().isAfter(periodEnd))) {
				throw new BusinessRuleViolation("agreement.schedule.outsidePeriod", line.dueOn());
			}
			sum = sum.plus(amount);
		}
		if (!sum.equals(total)) {
			throw new BusinessRuleViolation("agreement.schedule.sum", sum.toString(), total.toString());
		}
		lines.stream()
			.sorted(Comparator.comparing(ScheduleLine::dueOn))
			.forEach(line -> instalments.add(new Instalment(this, number, line.dueOn(), line.amount())));
	}

	Money total() {
		return new Money(totalAmount, currency);
	}

	List<Instalment> currentSchedule() {
		return instalments.stream()
			.filter(i -> i.getScheduleNumber() == scheduleNumber)
			.sorted(Comparator.comparing(Instalment::getDueOn).thenComparing(Instalment::getId,
					Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	List<Instalment> earlierSchedules() {
		return instalments.stream()
			.filter(i -> i.getScheduleNumber() != scheduleNumber)
			.sorted(Comparator.comparing(Instalment::getScheduleNumber).thenComparing(Instalment::getDueOn))
			.toList();
	}

	/**
	 * What is due, received and outstanding per instalment, with received money applied to the
	 * oldest instalments first, and the status that follows.
	 */
	AgreementPosition position(Money received, Money refunded, LocalDate today) {
		var schedule = currentSchedule();
		var applied = applied(received, schedule.stream().map(i -> new Money(i.getAmount(), currency)).toList());
		var lines = new ArrayList<AgreementPosition.Line>();
		boolean overdue = false;
		for (int n = 0; n < schedule.size(); n++) {
			var instalment = schedule.get(n);
			var due = new Money(instalment.getAmount(), currency);
			var outstanding = due.minus(applied.get(n));
			long daysOverdue = daysOverdue(instalment.getDueOn(), outstanding, today);
			overdue |= daysOverdue > 0;
			lines.add(new AgreementPosition.Line(instalment.getId(), instalment.getDueOn(), due, applied.get(n), outstanding,
					daysOverdue));
		}
		var outstanding = total().minus(received.min(total()));
		var overpaid = received.isGreaterThan(total()) ? received.minus(total()) : Money.zero(currency);
		return new AgreementPosition(status(received, overdue), total(), received, outstanding, overpaid, refunded,
				lines);
	}

	/**
	 * What the money received settles of a schedule, instalment by instalment: each, in the order they
	 * fall due, takes what is left of it up to its own amount. The one place this rule is written; the
	 * overdue list applies it to the instalments already due, which come first in that order.
	 */
	static List<Money> applied(Money received, List<Money> dues) {
		var remaining = received;
		var applied = new ArrayList<Money>(dues.size());
		for (var due : dues) {
			var part = remaining.isPositive() ? remaining.min(due) : Money.zero(due.currency());
			remaining = remaining.minus(part);
			applied.add(part);
		}
		return applied;
	}

	/** Days an instalment is late: from its due day, while something of it is still owed. */
	static long daysOverdue(LocalDate dueOn, Money outstanding, LocalDate today) {
		return outstanding.isPositive() && dueOn.isBefore(today) ? ChronoUnit.DAYS.between(dueOn, today) : 0;
	}

	private AgreementStatus status(Money received, boolean overdue) {
		if (cancelledOn != null) {
			return AgreementStatus.CANCELLED;
		}
		if (closedOn != null) {
			return AgreementStatus.CLOSED;
		}
		if (signedOn == null) {
			return AgreementStatus.DRAFT;
		}
		if (!received.minus(total()).isNegative()) {
			return AgreementStatus.FULLY_RECEIVED;
		}
		if (overdue) {
			return AgreementStatus.OVERDUE;
		}
		return received.isPositive() ? AgreementStatus.PARTIALLY_RECEIVED : AgreementStatus.SIGNED;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** The donor was registered twice and merged: the agreement belongs to the donor kept. */
	void transferTo(long keptDonorId) {
		this.donorId = keptDonorId;
	}

	Long getId() {
		return id;
	}

	String getReference() {
		return reference;
	}

	Long getDonorId() {
		return donorId;
	}

	String getCurrency() {
		return currency;
	}

	FundingWindow getFundingWindow() {
		return fundingWindow;
	}

	String getPniInstitute() {
		return pniInstitute;
	}

	int getEarmarkLevel() {
		return earmarkLevel;
	}

	EarmarkKind getEarmarkKind() {
		return earmarkKind;
	}

	String getEarmarkTarget() {
		return earmarkTarget;
	}

	BigDecimal getPscRate() {
		return pscRate;
	}

	String getPscApprovalReference() {
		return pscApprovalReference;
	}

	boolean isConditional() {
		return conditional;
	}

	boolean isInKind() {
		return inKind;
	}

	/** Recognised at signature and carried as a receivable: neither conditional (cash is revenue) nor in kind. */
	/** Its total at the end of a day, from its amendments (any of which may be given). */
	Money totalOn(java.util.List<Amendment> amendments, LocalDate date) {
		return Amendment.totalOn(amendments, date).map(amount -> new Money(amount, currency)).orElse(total());
	}

	/** Whether it has been amended at least once (each amendment makes a new schedule). */
	boolean amended() {
		return scheduleNumber > 1;
	}

	boolean carriesReceivable() {
		return !conditional && !inKind;
	}

	/** What is still owed under the current total, never below zero. */
	Money outstanding(Money received) {
		var total = total();
		return total.minus(received.min(total));
	}

	LocalDate getPeriodStart() {
		return periodStart;
	}

	LocalDate getPeriodEnd() {
		return periodEnd;
	}

	LocalDate getSignedOn() {
		return signedOn;
	}

	Money recognisedUsd() {
		return recognisedUsd == null ? null : new Money(recognisedUsd, Money.USD);
	}

	BigDecimal getRecognitionRate() {
		return recognitionRate;
	}

	LocalDate getRecognitionRateDate() {
		return recognitionRateDate;
	}

	List<LocalDate> getReportDueDates() {
		return reportDueDates.stream().sorted().toList();
	}

	LocalDate getCancelledOn() {
		return cancelledOn;
	}

	LocalDate getClosedOn() {
		return closedOn;
	}

	/** How the audit trail names the agreement where another record refers to it: by its reference. */
	@Override
	public String describe() {
		return reference;
	}

}
