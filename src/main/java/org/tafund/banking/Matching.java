package org.tafund.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Matches a bank credit to the instalment it pays, from what a finance officer would look at: the
 * amount and currency (short by a bank charge within the account's tolerance), the agreement
 * reference or the donor's name in the remittance information, and the due date (an instalment due
 * more than {@value #DAYS_EARLY} days after the credit is not expected yet). Indexed once per
 * statement, so that each entry costs a few map lookups whatever the number of agreements.
 */
final class Matching {

	static final int DAYS_EARLY = 120;

	public enum Status {

		MATCHED, SUGGESTED, UNMATCHED, BOOKED, PENDING

	}

	/** An instalment still owed, with its donor's name. */
	record Expected(long agreementId, String reference, String donorName, String currency, LocalDate dueOn,
			BigDecimal outstanding) {
	}

	/** The outcome for one credit: the agreement it pays, how sure (0 to 100) and why (a message key, its detail). */
	record Result(Status status, Long agreementId, int score, String reason, String detail) {

		static Result unmatched() {
			return new Result(Status.UNMATCHED, null, 0, "bank.reason.none", null);
		}

	}

	private static final Pattern TOKENS = Pattern.compile("[\\s,;:()\\[\\]\"']+");

	private final Map<String, TreeMap<BigDecimal, List<Expected>>> byAmount = new HashMap<>();

	private final Map<String, List<Expected>> byReference = new HashMap<>();

	private final Map<String, List<Expected>> byDonor = new HashMap<>();

	private final Set<Expected> taken = new HashSet<>();

	private final BigDecimal tolerance;

	Matching(Collection<Expected> expected, BigDecimal tolerance) {
		this.tolerance = tolerance;
		for (var line : expected) {
			byAmount.computeIfAbsent(line.currency(), c -> new TreeMap<>())
				.computeIfAbsent(line.outstanding().stripTrailingZeros(), a -> new ArrayList<>())
				.add(line);
			byReference.computeIfAbsent(normal(line.reference()), r -> new ArrayList<>()).add(line);
			if (line.donorName() != null) {
				byDonor.computeIfAbsent(normal(line.donorName()), d -> new ArrayList<>()).add(line);
			}
		}
		var earliestFirst = Comparator.comparing(Expected::dueOn).thenComparing(Expected::agreementId);
		byAmount.values().forEach(amounts -> amounts.values().forEach(list -> list.sort(earliestFirst)));
		byReference.values().forEach(list -> list.sort(earliestFirst));
		byDonor.values().forEach(list -> list.sort(earliestFirst));
	}

	/** Matches one credit; a matched instalment is not offered to a later credit of the same statement. */
	Result match(LocalDate bookedOn, BigDecimal amount, String currency, String debtor, String remittance) {
		var latestDue = bookedOn.plusDays(DAYS_EARLY);
		var named = named(remittance, latestDue);
		var byName = debtor == null ? List.<Expected>of()
				: open(byDonor.getOrDefault(normal(debtor), List.of()), latestDue);
		var amounts = byAmount.getOrDefault(currency, new TreeMap<>());
		var exact = open(amounts.getOrDefault(amount.stripTrailingZeros(), List.of()), latestDue);
		// When the remittance names an agreement, only that agreement's instalments are candidates:
		// the same amount owed under another agreement is a coincidence, not a match.
		if (!named.isEmpty()) {
			var chosen = exact.stream().filter(named::contains).findFirst().orElse(null);
			if (chosen != null) {
				return take(chosen, Status.MATCHED, 100, "bank.reason.exactAndReference", chosen.reference());
			}
			var charged = charged(amounts, amount, latestDue).stream().filter(named::contains).findFirst().orElse(null);
			if (charged != null) {
				return take(charged, Status.MATCHED, 85, "bank.reason.charge",
						charge(charged, amount, currency));
			}
			var first = named.get(0);
			return new Result(Status.SUGGESTED, first.agreementId(), 60, "bank.reason.referenceOtherAmount",
					first.reference());
		}
		if (!exact.isEmpty()) {
			var chosen = narrow(exact, byName);
			if (chosen != null) {
				return take(chosen, Status.MATCHED, 95, "bank.reason.exact", chosen.reference());
			}
			return new Result(Status.SUGGESTED, exact.get(0).agreementId(), 50, "bank.reason.sameAmountMany",
					String.valueOf(exact.size()));
		}
		// Short by a bank charge: the instalment is above the credit by no more than the tolerance.
		var chosen = narrow(charged(amounts, amount, latestDue), byName);
		if (chosen != null) {
			return take(chosen, Status.MATCHED, 85, "bank.reason.charge",
					charge(chosen, amount, currency));
		}
		if (!byName.isEmpty()) {
			var first = byName.get(0);
			return new Result(Status.SUGGESTED, first.agreementId(), 40, "bank.reason.donorOtherAmount", first.donorName());
		}
		return Result.unmatched();
	}

	/** The bank charge, at the currency's digits: {@code 20.00 NOK}. */
	private static String charge(Expected line, BigDecimal amount, String currency) {
		return org.tafund.shared.Money.rounded(line.outstanding().subtract(amount), currency).display();
	}

	private List<Expected> charged(TreeMap<BigDecimal, List<Expected>> amounts, BigDecimal amount, LocalDate latestDue) {
		if (tolerance.signum() <= 0) {
			return List.of();
		}
		var charged = new ArrayList<Expected>();
		amounts.subMap(amount.stripTrailingZeros(), false, amount.add(tolerance).stripTrailingZeros(), true)
			.values()
			.forEach(list -> charged.addAll(open(list, latestDue)));
		return charged;
	}

	/** The one candidate: alone, or the only one of the debtor's agreements. */
	private static Expected narrow(List<Expected> candidates, List<Expected> byName) {
		if (candidates.isEmpty()) {
			return null;
		}
		if (candidates.stream().map(Expected::agreementId).distinct().count() == 1) {
			return candidates.get(0);
		}
		var ofDonor = candidates.stream().filter(byName::contains).toList();
		if (!ofDonor.isEmpty() && ofDonor.stream().map(Expected::agreementId).distinct().count() == 1) {
			return ofDonor.get(0);
		}
		return null;
	}

	private Result take(Expected line, Status status, int score, String reason, String detail) {
		taken.add(line);
		return new Result(status, line.agreementId(), score, reason, detail);
	}

	private List<Expected> named(String remittance, LocalDate latestDue) {
		if (remittance == null || remittance.isBlank()) {
			return List.of();
		}
		var found = new ArrayList<Expected>();
		for (var token : TOKENS.split(remittance)) {
			var lines = byReference.get(normal(token));
			if (lines != null) {
				found.addAll(open(lines, latestDue));
			}
		}
		return found;
	}

	private List<Expected> open(List<Expected> lines, LocalDate latestDue) {
		return lines.stream().filter(line -> !taken.contains(line) && !line.dueOn().isAfter(latestDue)).toList();
	}

	private static String normal(String text) {
		return text.strip().toUpperCase(Locale.ROOT).replaceAll("[.\\-/]+$", "");
	}

}
