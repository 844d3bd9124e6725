package org.tafund.volume;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One UN operational rate per currency and month, effective on the first of the month, from
 * January 1990 to the current month: a transaction on any date then finds its rate (the latest
 * effective on or before its date) in the same month. Rates wander around a plausible level.
 */
final class Rates {

	static final LocalDate FIRST = LocalDate.of(1990, 1, 1);

	/** Units per USD around which each currency wanders. */
	static final Map<String, Double> LEVELS = levels();

	/** The euro exists from January 1999; nothing is booked in it before. */
	static final LocalDate EURO = LocalDate.of(1999, 1, 1);

	private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

	record Rate(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd) {
	}

	private final Map<String, BigDecimal[]> byMonth = new LinkedHashMap<>();

	private final int months;

	Rates(LocalDate today, SplittableRandom random) {
		this.months = month(today) + 1;
		for (var level : LEVELS.entrySet()) {
			var series = new BigDecimal[months];
			double mean = Math.log(level.getValue());
			double x = mean;
			for (int m = 0; m < months; m++) {
				x += 0.05 * (mean - x) + 0.02 * random.nextGaussian();
				var rate = new BigDecimal(Math.exp(x)).round(SIX_DIGITS);
				series[m] = rate.scale() < 0 ? rate.setScale(0) : rate;
			}
			byMonth.put(level.getKey(), series);
		}
	}

	private static Map<String, Double> levels() {
		var levels = new LinkedHashMap<String, Double>();
		levels.put("EUR", 0.90);
		levels.put("GBP", 0.75);
		levels.put("JPY", 125.0);
		levels.put("NOK", 9.0);
		levels.put("SEK", 9.2);
		levels.put("DKK", 6.7);
		levels.put("CHF", 1.05);
		levels.put("CAD", 1.30);
		levels.put("AUD", 1.40);
		levels.put("KWD", 0.30);
		return levels;
	}

	static int month(LocalDate date) {
		return (date.getYear() - FIRST.getYear()) * 12 + date.getMonthValue() - 1;
	}

	static boolean available(String currency, LocalDate date) {
		return currency.equals("USD") || !currency.equals("EUR") || !date.isBefore(EURO);
	}

	/** Units of {@code currency} per USD on {@code date}; USD is 1. */
	BigDecimal on(String currency, LocalDate date) {
		if (currency.equals("USD")) {
			return BigDecimal.ONE;
		}
		return byMonth.get(currency)[month(date)];
	}

	/** The effective date of the rate used on {@code date}: USD needs none and takes the date itself. */
	static LocalDate effective(String currency, LocalDate date) {
		return currency.equals("USD") ? date : date.withDayOfMonth(1);
	}

	List<Rate> all() {
		var rates = new java.util.ArrayList<Rate>();
		for (var series : byMonth.entrySet()) {
			for (int m = 0; m < months; m++) {
				var date = FIRST.plusMonths(m);
				if (available(series.getKey(), date)) {
					rates.add(new Rate(series.getKey(), date, series.getValue()[m]));
				}
			}
		}
		return rates;
	}

	static List<String> currencies() {
		return List.copyOf(LEVELS.keySet());
	}

}
