package org.tafund.contributions;

import java.time.LocalDate;
import java.util.List;

import org.tafund.shared.Money;

/** Where an agreement stands on a day, in its own currency. */
public record AgreementPosition(AgreementStatus status, Money total, Money received, Money outstanding,
		Money overpaid, Money refunded, List<Line> instalments) {

	/** One instalment of the current schedule with what has been applied to it. */
	public record Line(Long instalmentId, LocalDate dueOn, Money due, Money received, Money outstanding,
			long daysOverdue) {
	}

	public Money overdue() {
		return instalments.stream()
			.filter(l -> l.daysOverdue() > 0)
			.map(Line::outstanding)
			.reduce(Money.zero(total.currency()), Money::plus);
	}

}
