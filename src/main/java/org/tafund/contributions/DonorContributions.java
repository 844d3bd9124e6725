package org.tafund.contributions;

import java.util.List;

import org.tafund.shared.Money;

/**
 * What one donor has pledged (not yet turned into agreements), agreed, received, still owes and is late with: per currency, and in USD
 * from the stored equivalents (agreed at the signature rate, received at each receipt's rate,
 * outstanding and overdue at the signature rate). Nothing is recomputed at today's rates.
 */
public record DonorContributions(List<AgreementView> agreements, List<Totals> byCurrency, Totals usd,
		List<Pledge.PledgeView> pledges, List<Money> pledgedByCurrency, Money pledgedUsd) {

	public record Totals(Money agreed, Money received, Money outstanding, Money overdue, Money refunded) {

		static Totals zero(String currency) {
			var zero = Money.zero(currency);
			return new Totals(zero, zero, zero, zero, zero);
		}

		Totals plus(Totals other) {
			return new Totals(agreed.plus(other.agreed), received.plus(other.received),
					outstanding.plus(other.outstanding), overdue.plus(other.overdue), refunded.plus(other.refunded));
		}

		public String currency() {
			return agreed.currency();
		}

	}

}
