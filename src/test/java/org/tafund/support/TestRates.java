package org.tafund.support;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.tafund.fx.ExchangeRateManagement;
import org.tafund.fx.MissingExchangeRate;

/**
 * Exchange rates are reference data shared by the whole database. A test class owns the
 * currencies it uses (no two classes book the same currency on the shared database), and enters
 * their rates through {@link #ensure}: a rerun finds its own rates, and a rate another test entered
 * with another value fails at once instead of moving this test's figures.
 */
public final class TestRates {

	private TestRates() {
	}

	public static void ensure(ExchangeRateManagement rates, String currency, String date, String unitsPerUsd) {
		var day = LocalDate.parse(date);
		var wanted = new BigDecimal(unitsPerUsd);
		try {
			var stored = rates.rateOn(currency, day);
			if (stored.effectiveDate().equals(day)) {
				if (stored.unitsPerUsd().compareTo(wanted) != 0) {
					throw new IllegalStateException("The test database has " + currency + " " + date + " at "
							+ stored.unitsPerUsd() + ", not " + unitsPerUsd + ": another test uses this currency.");
				}
				return;
			}
		}
		catch (MissingExchangeRate e) {
			// not entered yet
		}
		rates.record(currency, day, wanted);
	}

}
