package org.tafund.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the report queries share: conditions added only when a filter is set, with their bound
 * parameters in order, and USD sums read back at cents.
 */
final class Sql {

	private Sql() {
	}

	static Where where() {
		return new Where();
	}

	/** A stored USD sum (null when nothing was summed) at cents, by the one rounding rule. */
	static java.math.BigDecimal usd(java.math.BigDecimal stored) {
		return org.tafund.shared.Money.rounded(stored == null ? java.math.BigDecimal.ZERO : stored,
				org.tafund.shared.Money.USD).amount();
	}

	static final class Where {

		private final StringBuilder text = new StringBuilder();

		private final List<Object> params = new ArrayList<>();

		Where and(boolean applies, String condition, Object... values) {
			if (applies) {
				text.append(" and ").append(condition);
				Collections.addAll(params, values);
			}
			return this;
		}

		Where and(String condition, Object... values) {
			return and(true, condition, values);
		}

		/** The conditions, each starting with {@code and}, to follow a {@code where} clause. */
		String text() {
			return text.toString();
		}

		List<Object> params() {
			return params;
		}

	}

}
