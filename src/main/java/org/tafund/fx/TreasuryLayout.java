package org.tafund.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVRecord;
import org.tafund.shared.BusinessRuleViolation;

/**
 * The UN Treasury's list of operational rates as it publishes it: one row per country or territory,
 * with the currency's name and code, the rate (units per US dollar) and its effective date written
 * like {@code 01 Dec 2016}. The columns are found by their headings, whatever their order and case.
 */
record TreasuryLayout(int code, int rate, int date) {

	/** The layout of this header, or null when it is not the Treasury's. */
	static TreasuryLayout of(List<String> header) {
		int code = -1;
		int rate = -1;
		int date = -1;
		for (int i = 0; i < header.size(); i++) {
			var name = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
			if (name.contains("code")) {
				code = i;
			}
			else if (name.contains("date") || name.contains("effective")) {
				date = i;
			}
			else if (name.contains("rate")) {
				rate = i;
			}
		}
		return code < 0 || rate < 0 || date < 0 ? null : new TreasuryLayout(code, rate, date);
	}

	/** A row's currency, rate and date; null for a row without a currency code (a note, a blank line). */
	Row read(CSVRecord row, long line) {
		var currency = row.size() > code ? row.get(code).strip().toUpperCase(Locale.ROOT) : "";
		if (currency.isEmpty()) {
			return null;
		}
		if (row.size() <= Math.max(rate, date)) {
			throw new BusinessRuleViolation("fx.import.columns", row.size());
		}
		return new Row(currency, ExchangeRateManagement.parseRate(row.get(rate).strip().replace(",", "")),
				ExchangeRateManagement.parseDate(row.get(date)), line);
	}

	/** One row of the Treasury's list. */
	record Row(String currency, BigDecimal rate, LocalDate date, long line) {
	}

}
