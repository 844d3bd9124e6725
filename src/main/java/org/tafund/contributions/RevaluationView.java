package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tafund.shared.Money;

/** A stored revaluation run and its lines; a positive gain/loss is a gain. */
public record RevaluationView(Long id, LocalDate periodEnd, Money gainLossUsd, List<Line> lines, String runBy,
		Instant runAt, List<Adjustment> adjustments) {

	/**
	 * What the run books at its period end: the change since each agreement's previous run, and
	 * the adjustments that events dated on or before it brought later.
	 */
	public Money bookedUsd() {
		return lines.stream()
			.map(Line::bookedUsd)
			.reduce(adjustments.stream().map(Adjustment::bookedUsd).reduce(Money.zero(Money.USD), Money::plus),
					Money::plus);
	}

	/**
	 * An event recorded after the run and dated on or before its period end ({@code cause}: the
	 * journal's source type of the event, with its id) revalued its agreement again at the run's
	 * rate; {@code bookedUsd} is what that added at the period end.
	 */
	public record Adjustment(Long id, Long agreementId, String cause, Long causeId, Money outstanding,
			BigDecimal periodEndRate, LocalDate rateDate, Money revaluedUsd, Money bookedUsd, String recordedBy,
			Instant recordedAt) {
	}

	public record Line(Long agreementId, Money outstanding, BigDecimal recognitionRate, Money usdAtRecognition,
			BigDecimal periodEndRate, LocalDate rateDate, Money revaluedUsd, Money gainLossUsd, Money bookedUsd) {
	}

}
