package org.tafund.projects;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.tafund.shared.Money;

/** Cumulative spending plus PSC by month, for the project page's chart. */
record BurnRate(List<String> months, List<String> cumulativeUsd) {

	/** From what was spent (with PSC) in each month, in month order. */
	static BurnRate ofMonths(java.util.SortedMap<YearMonth, Money> byMonth) {
		var months = new ArrayList<String>();
		var cumulative = new ArrayList<String>();
		var total = Money.zero(Money.USD);
		for (var entry : byMonth.entrySet()) {
			total = total.plus(entry.getValue());
			months.add(entry.getKey().toString());
			cumulative.add(total.amount().toPlainString());
		}
		return new BurnRate(months, cumulative);
	}

	public String monthsCsv() {
		return String.join(",", months);
	}

	public String valuesCsv() {
		return String.join(",", cumulativeUsd);
	}

}
