package org.tafund.books;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which journal lines to sum: dated from {@code from} (null: since the beginning) to {@code to}
 * inclusive, of some accounts and segments (empty: all), whose dimensions equal the given values
 * (a null value matches lines without that dimension), optionally grouped by one dimension.
 *
 * <pre>{@code
 * queries.sums(BalanceQuery.between(from, to)
 *     .accounts(Account.REV_GENERAL, Account.REV_SPECIAL)
 *     .where(Dimension.DONOR_ID, donorId)
 *     .groupedBy(Dimension.AGREEMENT_ID))
 * }</pre>
 */
public record BalanceQuery(LocalDate from, LocalDate to, Set<Account> accounts, Set<Segment> segments,
		Map<Dimension, Object> where, Dimension groupBy) {

	public BalanceQuery {
		Objects.requireNonNull(to, "to");
		accounts = accounts == null || accounts.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(accounts));
		segments = segments == null || segments.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(segments));
		where = where == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(where));
	}

	public static BalanceQuery between(LocalDate from, LocalDate to) {
		return new BalanceQuery(from, to, Set.of(), Set.of(), Map.of(), null);
	}

	/** Everything dated on or before {@code to}: balances at that date. */
	public static BalanceQuery upTo(LocalDate to) {
		return between(null, to);
	}

	public BalanceQuery accounts(Account... accounts) {
		return new BalanceQuery(from, to, Set.copyOf(Arrays.asList(accounts)), segments, where, groupBy);
	}

	public BalanceQuery segments(Segment... segments) {
		return new BalanceQuery(from, to, accounts, Set.copyOf(Arrays.asList(segments)), where, groupBy);
	}

	public BalanceQuery where(Dimension dimension, Object value) {
		var map = new LinkedHashMap<>(where);
		map.put(dimension, value);
		return new BalanceQuery(from, to, accounts, segments, map, groupBy);
	}

	public BalanceQuery groupedBy(Dimension dimension) {
		return new BalanceQuery(from, to, accounts, segments, where, dimension);
	}

	@Override
	public String toString() {
		return "BalanceQuery[" + from + ".." + to + ", accounts=" + Arrays.toString(accounts.toArray()) + ", segments="
				+ segments + ", where=" + where + ", groupBy=" + groupBy + "]";
	}

}
