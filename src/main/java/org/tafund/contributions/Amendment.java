package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.Text;

/** A dated change of a signed agreement's total or schedule, with its reason. */
@Entity
@Table(name = "amendment")
@Audited
class Amendment extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agreement_id", nullable = false, updatable = false)
	private Long agreementId;

	@Column(name = "amended_on", nullable = false, updatable = false)
	private LocalDate amendedOn;

	@Column(nullable = false, updatable = false, length = 500)
	private String reason;

	@Column(name = "previous_total", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal previousTotal;

	@Column(name = "new_total", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal newTotal;

	@Column(name = "schedule_number", nullable = false, updatable = false)
	private int scheduleNumber;

	protected Amendment() {
	}

	Amendment(Long agreementId, LocalDate amendedOn, String reason, BigDecimal previousTotal, BigDecimal newTotal,
			int scheduleNumber) {
		this.agreementId = agreementId;
		this.amendedOn = amendedOn;
		this.reason = Text.bounded(reason, 500, "reason");
		this.previousTotal = previousTotal;
		this.newTotal = newTotal;
		this.scheduleNumber = scheduleNumber;
	}

	Long getId() {
		return id;
	}

	LocalDate getAmendedOn() {
		return amendedOn;
	}

	BigDecimal getNewTotal() {
		return newTotal;
	}

	/**
	 * Amendments take effect in the order of their dates: one dated before an amendment already
	 * recorded would make the total of the days between depend on the order they were typed in.
	 */
	static void requireNotBefore(java.util.List<Amendment> amendments, LocalDate on) {
		amendments.stream()
			.map(Amendment::getAmendedOn)
			.filter(on::isBefore)
			.max(LocalDate::compareTo)
			.ifPresent(latest -> {
				throw org.tafund.shared.BusinessRuleViolation.ofField("amendedOn", "amendment.beforeLatest",
						latest.toString());
			});
	}

	String getReason() {
		return reason;
	}

	Long getAgreementId() {
		return agreementId;
	}

	/**
	 * The total of an agreement on a date, from its amendments (all of them, in any order): the
	 * new total of the latest one dated on or before it, else the total before the first one
	 * recorded. Empty when there are none: the agreement's total has never changed.
	 */
	static java.util.Optional<BigDecimal> totalOn(java.util.List<Amendment> amendments, LocalDate date) {
		Amendment first = null;
		Amendment latest = null;
		for (var amendment : amendments) {
			if (first == null || amendment.id < first.id) {
				first = amendment;
			}
			if (!amendment.amendedOn.isAfter(date) && (latest == null || amendment.amendedOn.isAfter(latest.amendedOn)
					|| (amendment.amendedOn.equals(latest.amendedOn) && amendment.id > latest.id))) {
				latest = amendment;
			}
		}
		return first == null ? java.util.Optional.empty()
				: java.util.Optional.of(latest != null ? latest.newTotal : first.previousTotal);
	}

	AgreementView.AmendmentLine line(String currency) {
		return new AgreementView.AmendmentLine(amendedOn, reason, previousTotal.setScale(digits(currency)),
				newTotal.setScale(digits(currency)), scheduleNumber, getCreatedBy());
	}

	private static int digits(String currency) {
		return org.tafund.shared.Money.digits(currency);
	}

}
