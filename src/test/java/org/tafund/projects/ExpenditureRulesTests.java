package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tafund.books.EntryDraft;
import org.tafund.books.Segment;
import org.tafund.books.SourceType;
import org.tafund.contributions.FundingWindow;
import org.tafund.projects.Codes.BudgetCategory;
import org.tafund.projects.ExpenditureRules.ExpenditureFacts;
import org.tafund.shared.Money;

/**
 * The spending side's posting rules as pure functions, with the figures written out: no Spring,
 * no database. Lines read "ACCOUNT SEGMENT debit credit".
 */
class ExpenditureRulesTests {

	static final LocalDate SPENT = LocalDate.parse("2015-03-01");

	@Test
	void expenditureIsChargedToItsProjectsSegmentAndItsPscMovesToThePscSegment() {
		// EUR 1,000.00 at 0.9 = 1,111.11 USD, PSC 13% = 144.44, in the special-purpose segment
		var entry = ExpenditureRules.spent(line(50, "1000.00", "EUR", "0.9", "1111.11", "144.44", Segment.SPECIAL));
		assertThat(entry.accountingDate()).isEqualTo(SPENT);
		assertThat(entry.sourceType()).isEqualTo(SourceType.EXPENDITURE);
		assertThat(entry.sourceId()).isEqualTo(50);
		assertThat(entry.description()).isEqualTo("Expenditure on CPCJF-2015-7 (INV-50)");
		assertThat(lines(entry)).containsExactly("EXP_TRAVEL SPECIAL 1111.11 0.00", "CASH SPECIAL 0.00 1111.11",
				"PSC_EXPENSE SPECIAL 144.44 0.00", "CASH SPECIAL 0.00 144.44", "CASH PSC 144.44 0.00",
				"PSC_INCOME PSC 0.00 144.44");
		assertThat(entry.lines().get(0).original()).isEqualTo(Money.of("1000.00", "EUR"));
		assertThat(entry.lines().get(0).rate()).isEqualByComparingTo("0.9");
		assertThat(entry.lines()).allSatisfy(l -> {
			assertThat(l.dimensions().projectId()).isEqualTo(7L);
			assertThat(l.dimensions().activityId()).isEqualTo(70L);
			assertThat(l.dimensions().budgetCategory()).isEqualTo("TRAVEL");
		});
		// Each segment balances on its own: the special-purpose fund pays 1,255.55, the PSC fund earns 144.44.
		assertThat(bySegment(entry)).containsExactly(Map.entry(Segment.SPECIAL, "1255.55 1255.55"),
				Map.entry(Segment.PSC, "144.44 144.44"));
	}

	@Test
	void generalPurposeFundingKeepsTheExpenditureInTheGeneralSegment() {
		// 1,000.00 USD, PSC 13% = 130.00
		var entry = ExpenditureRules.spent(line(51, "1000.00", "USD", "1", "1000.00", "130.00", Segment.GENERAL));
		assertThat(lines(entry)).containsExactly("EXP_TRAVEL GENERAL 1000.00 0.00", "CASH GENERAL 0.00 1000.00",
				"PSC_EXPENSE GENERAL 130.00 0.00", "CASH GENERAL 0.00 130.00", "CASH PSC 130.00 0.00",
				"PSC_INCOME PSC 0.00 130.00");
		// Without PSC (a rate of zero) the PSC lines are left out.
		assertThat(lines(ExpenditureRules.spent(line(52, "1000.00", "USD", "1", "1000.00", "0.00", Segment.GENERAL))))
			.containsExactly("EXP_TRAVEL GENERAL 1000.00 0.00", "CASH GENERAL 0.00 1000.00");
	}

	@Test
	void theSegmentIsGeneralOnlyWhenEveryAllocationComesFromGeneralPurposeFunds() {
		assertThat(ExpenditureRules.segment(List.of(FundingWindow.CPCJF_GENERAL_PURPOSE))).isEqualTo(Segment.GENERAL);
		assertThat(ExpenditureRules.segment(List.of(FundingWindow.CPCJF_GENERAL_PURPOSE,
				FundingWindow.CPCJF_GENERAL_PURPOSE))).isEqualTo(Segment.GENERAL);
		assertThat(ExpenditureRules.segment(List.of(FundingWindow.CPCJF_GENERAL_PURPOSE,
				FundingWindow.CPCJF_SPECIAL_PURPOSE))).isEqualTo(Segment.SPECIAL);
		assertThat(ExpenditureRules.segment(List.of(FundingWindow.PNI_INSTITUTE))).isEqualTo(Segment.SPECIAL);
		assertThat(ExpenditureRules.segment(List.of())).isEqualTo(Segment.SPECIAL);
	}

	@Test
	void aReversalMirrorsTheExpenditureOnTheDayItIsRecorded() {
		var original = ExpenditureRules.spent(line(50, "1000.00", "EUR", "0.9", "1111.11", "144.44", Segment.SPECIAL));
		var on = LocalDate.parse("2015-04-10");
		var reversal = ExpenditureRules.reversed("CPCJF-2015-7", 53, on, "Charged to the wrong project",
				original.lines());
		assertThat(reversal.accountingDate()).isEqualTo(on);
		assertThat(reversal.sourceType()).isEqualTo(SourceType.EXPENDITURE_REVERSAL);
		assertThat(reversal.description()).isEqualTo("Reversal of expenditure on CPCJF-2015-7: Charged to the wrong project");
		assertThat(lines(reversal)).containsExactly("EXP_TRAVEL SPECIAL 0.00 1111.11", "CASH SPECIAL 1111.11 0.00",
				"PSC_EXPENSE SPECIAL 0.00 144.44", "CASH SPECIAL 144.44 0.00", "CASH PSC 0.00 144.44",
				"PSC_INCOME PSC 144.44 0.00");
	}

	static ExpenditureFacts line(long id, String amount, String currency, String rate, String usd, String psc,
			Segment segment) {
		return new ExpenditureFacts(id, 7, "CPCJF-2015-7", 70L, SPENT, BudgetCategory.TRAVEL, Money.of(amount, currency),
				new BigDecimal(rate), SPENT, Money.usd(usd), Money.usd(psc), "INV-" + id, segment);
	}

	static List<String> lines(EntryDraft entry) {
		return entry.lines()
			.stream()
			.map(l -> l.account() + " " + l.segment() + " " + l.debitUsd() + " " + l.creditUsd())
			.toList();
	}

	static Map<Segment, String> bySegment(EntryDraft entry) {
		var debits = new TreeMap<Segment, BigDecimal>();
		var credits = new TreeMap<Segment, BigDecimal>();
		for (var l : entry.lines()) {
			debits.merge(l.segment(), l.debitUsd(), BigDecimal::add);
			credits.merge(l.segment(), l.creditUsd(), BigDecimal::add);
		}
		var result = new TreeMap<Segment, String>();
		debits.forEach((segment, debit) -> result.put(segment, debit + " " + credits.get(segment)));
		return result;
	}

}
