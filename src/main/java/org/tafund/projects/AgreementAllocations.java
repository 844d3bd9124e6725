package org.tafund.projects;

import org.springframework.stereotype.Component;
import org.tafund.contributions.AllocatedFunds;
import org.tafund.shared.Money;

@Component
class AgreementAllocations implements AllocatedFunds {

	private final Allocations allocations;

	AgreementAllocations(Allocations allocations) {
		this.allocations = allocations;
	}

	@Override
	public Money allocatedUsd(long agreementId) {
		return Money.rounded(allocations.totalForAgreement(agreementId), Money.USD);
	}

	@Override
	public java.util.Map<Long, java.math.BigDecimal> allocatedUsdByAgreement() {
		var totals = new java.util.HashMap<Long, java.math.BigDecimal>();
		allocations.totalsByAgreement().forEach(row -> totals.put((Long) row[0], (java.math.BigDecimal) row[1]));
		return totals;
	}

}
