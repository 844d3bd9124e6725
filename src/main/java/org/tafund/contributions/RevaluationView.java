package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tafund.shared.Money;

/** A stored revaluation run and its lines; a positive gain/loss is a gain. */
public record RevaluationView(Long id, LocalDate periodEnd, Money gainLossUsd, List<Line> lines, String runBy,
		Instant runAt) {

	/** What the run books: the change since each agreement's previous run. */
	public Money bookedUsd() {
		return lines.stream().map(Line::bookedUsd).reduce(Money.zero(Money.USD), Money::plus);
	}

	public record Line(Long agreementId, Money outstanding, BigDecimal recognitionRate, Money usdAtRecognition,
			BigDecimal periodEndRate, LocalDate rateDate, Money revaluedUsd, Money gainLossUsd, Money bookedUsd) {
	}

}
