package org.tafund.contributions;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tafund.donors.DonorsMerged;

/**
 * When two records of one donor are merged, the duplicate's agreements and pledges (open,
 * cancelled or closed) become the kept donor's, in the merge's own transaction and through the
 * records themselves, so that each one's history says who moved it and when. Journal lines
 * already posted keep the donor they were posted under: the journal is append-only, and the
 * ledger's donor filter reads a merged donor's lines with the donor it was merged into.
 */
@Component
class DonorMerges {

	private final Agreements agreements;

	private final Pledges pledges;

	DonorMerges(Agreements agreements, Pledges pledges) {
		this.agreements = agreements;
		this.pledges = pledges;
	}

	@EventListener
	void moveContributions(DonorsMerged merged) {
		agreements.findByDonorIdOrderBySignedOnDescIdDesc(merged.duplicate()).forEach(a -> a.transferTo(merged.kept()));
		pledges.findByDonorIdOrderByPledgedOnDescIdDesc(merged.duplicate()).forEach(p -> p.transferTo(merged.kept()));
		agreements.flush();
	}

}
