package org.tafund.contributions;

import org.tafund.shared.Money;

/**
 * How much of an agreement has been allocated to projects, told by the module that allocates.
 * Contributions asks it before a refund, reversal, amendment or cancellation, so that no change
 * on the income side can leave money allocated that the agreement no longer provides.
 */
public interface AllocatedFunds {

	Money allocatedUsd(long agreementId);

	/** USD allocated from each agreement that has allocations, by agreement id. */
	java.util.Map<Long, java.math.BigDecimal> allocatedUsdByAgreement();

}
