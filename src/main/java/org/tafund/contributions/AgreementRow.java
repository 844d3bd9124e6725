package org.tafund.contributions;

import org.tafund.shared.Money;

/** One line of the Contributions list: what its table shows of an agreement, as of a day. */
record AgreementRow(long id, String reference, long donorId, FundingWindow window, Money total, Money outstanding,
		AgreementStatus status) {

	static AgreementRow of(Agreement agreement, AgreementPosition position) {
		return new AgreementRow(agreement.getId(), agreement.getReference(), agreement.getDonorId(),
				agreement.getFundingWindow(), agreement.total(), position.outstanding(), position.status());
	}

}
