package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.shared.AuditableEntity;

/** One due date of one schedule of an agreement. Schedules are never edited, only superseded. */
@Entity
@Table(name = "instalment")
@Audited
class Instalment extends AuditableEntity implements org.tafund.shared.Described {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "agreement_id", nullable = false, updatable = false)
	private Agreement agreement;

	@Column(name = "schedule_number", nullable = false, updatable = false)
	private int scheduleNumber;

	@Column(name = "due_on", nullable = false, updatable = false)
	private LocalDate dueOn;

	@Column(nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal amount;

	protected Instalment() {
	}

	Instalment(Agreement agreement, int scheduleNumber, LocalDate dueOn, BigDecimal amount) {
		this.agreement = agreement;
		this.scheduleNumber = scheduleNumber;
		this.dueOn = dueOn;
		this.amount = amount;
	}

	Long getId() {
		return id;
	}

	int getScheduleNumber() {
		return scheduleNumber;
	}

	LocalDate getDueOn() {
		return dueOn;
	}

	BigDecimal getAmount() {
		return amount;
	}

	/** In an agreement's history: "2026-09-30: 1000000.00". */
	@Override
	public String describe() {
		var plain = amount.stripTrailingZeros();
		return dueOn + ": " + (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
	}

	@Override
	public String describe(java.util.Locale locale) {
		return org.tafund.shared.Dates.day(dueOn, locale) + ": " + org.tafund.shared.Described.grouped(amount, locale);
	}

}
