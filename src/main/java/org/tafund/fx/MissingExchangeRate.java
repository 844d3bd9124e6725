package org.tafund.fx;

import java.time.LocalDate;

import org.tafund.shared.BusinessRuleViolation;

/** No UN rate for a currency takes effect on or before a transaction's date. */
public class MissingExchangeRate extends BusinessRuleViolation {

	MissingExchangeRate(String currency, LocalDate date) {
		super("fx.missing", currency, date);
	}

}
