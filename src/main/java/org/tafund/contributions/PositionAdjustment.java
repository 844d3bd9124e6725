package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.tafund.books.SourceType;
import org.tafund.shared.AuditableEntity;

/**
 * What an event dated before a later event of the same agreement changes in that later event's
 * posting: the later event ({@code target}) was posted from the position of its day as it stood
 * then; its rule now gives something else, and the difference is booked on its date. The later
 * event's own entry stays as it was posted.
 */
@Entity
@Table(name = "position_adjustment")
class PositionAdjustment extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agreement_id", nullable = false, updatable = false)
	private Long agreementId;

	@Column(nullable = false, updatable = false, length = 40)
	private String target;

	@Column(name = "target_id", nullable = false, updatable = false)
	private Long targetId;

	@Column(nullable = false, updatable = false, length = 40)
	private String cause;

	@Column(name = "cause_id", nullable = false, updatable = false)
	private Long causeId;

	@Column(name = "adjusted_on", nullable = false, updatable = false)
	private LocalDate adjustedOn;

	@Column(name = "receivable_usd", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal receivableUsd;

	protected PositionAdjustment() {
	}

	/** {@code receivableUsd}: what the adjustment moves the receivable at the signature rate by. */
	PositionAdjustment(long agreementId, SourceType target, long targetId, SourceType cause, long causeId,
			LocalDate adjustedOn, BigDecimal receivableUsd) {
		this.agreementId = agreementId;
		this.target = target.name();
		this.targetId = targetId;
		this.cause = cause.name();
		this.causeId = causeId;
		this.adjustedOn = adjustedOn;
		this.receivableUsd = receivableUsd;
	}

	Long getId() {
		return id;
	}

	/** The later event adjusted, as its journal source ({@code RECEIPT#12}). */
	String target() {
		return target + "#" + targetId;
	}

	/** The earlier-dated event that made the adjustment necessary ({@code RECEIPT 14}). */
	String cause() {
		return cause + " " + causeId;
	}

}
