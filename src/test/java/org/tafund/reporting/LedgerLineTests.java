package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ledger reads the journal's older descriptions in words, and leaves other text as it is. */
class LedgerLineTests {

	@Test
	void namesAnEventByItsKindInWordsInsteadOfItsJournalSource() {
		assertThat(LedgerLine.readable("RECEIPT_REVERSAL#18 on T-1 adjusted for RECEIPT 14, dated before it"))
			.isEqualTo("Receipt reversal 18 on T-1 adjusted for RECEIPT 14, dated before it");
		assertThat(LedgerLine.readable("Revaluation of EU-2020-3 adjusted for POSITION_ADJUSTMENT#7"))
			.isEqualTo("Revaluation of EU-2020-3 adjusted for position adjustment 7");
		assertThat(LedgerLine.readable("Receipt BANK#REF-1 of NOR-2025-01")).as("a hash sign before text is no source")
			.isEqualTo("Receipt BANK#REF-1 of NOR-2025-01");
		assertThat(LedgerLine.readable("Payment PO#123 to the venue")).as("typed text keeps its hash signs")
			.isEqualTo("Payment PO#123 to the venue");
		assertThat(LedgerLine.readable(null)).isNull();
	}

}
