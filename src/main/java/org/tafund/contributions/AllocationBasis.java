package org.tafund.contributions;

import org.tafund.shared.Money;

/**
 * What an agreement offers for allocation to projects: its earmark and the USD it funds (cash
 * received for a conditional agreement, the recognised amount otherwise, less refunds).
 */
public record AllocationBasis(long agreementId, String reference, long donorId, FundingWindow window,
		int earmarkLevel, EarmarkKind earmarkKind, String earmarkTarget, Money fundingUsd) {
}
