package org.tafund.contributions;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tafund.donors.DonorsMerged;

/**
 * When two records of one donor are merged, the duplicate's agreements and pledges (open,
 * cancelled or closed) become the kept donor's, in the merge's own transaction. Journal lines
 * already posted keep the donor they were posted under: the journal is append-only, and the
 * ledger's donor filter reads a merged donor's lines with the donor it was merged into.
 */
@Component
class DonorMerges {

	private final JdbcClient jdbc;

	DonorMerges(javax.sql.DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@EventListener
	void moveContributions(DonorsMerged merged) {
		for (var table : new String[] { "agreement", "pledge" }) {
			jdbc.sql("UPDATE " + table + " SET donor_id = :kept WHERE donor_id = :duplicate")
				.param("kept", merged.kept())
				.param("duplicate", merged.duplicate())
				.update();
		}
	}

}
