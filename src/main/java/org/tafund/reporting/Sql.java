package org.tafund.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tafund.shared.Money;

/**
 * What the report queries share: conditions added only when a filter is set, with their named
 * parameters, and sums read back as money by the one rounding rule.
 */
final class Sql {

	private Sql() {
	}

	static Where where() {
		return new Where();
	}

	/** A stored USD sum (null when nothing was summed) at cents, by the one rounding rule. */
	static BigDecimal usd(BigDecimal stored) {
		return money(stored, Money.USD).amount();
	}

	/** The USD sum in a column of the current row, at cents. */
	static BigDecimal usd(ResultSet rs, String column) throws SQLException {
		return usd(rs.getBigDecimal(column));
	}

	/** The USD sum in a column of the current row, at cents. */
	static BigDecimal usd(ResultSet rs, int column) throws SQLException {
		return usd(rs.getBigDecimal(column));
	}

	/** A stored amount or sum (null when nothing was summed) at the currency's digits. */
	static Money money(BigDecimal stored, String currency) {
		return Money.rounded(stored == null ? BigDecimal.ZERO : stored, currency);
	}

	/** The amount in a column of the current row, at the currency's digits. */
	static Money money(ResultSet rs, String column, String currency) throws SQLException {
		return money(rs.getBigDecimal(column), currency);
	}

	/** The amount in a column of the current row, at the currency's digits. */
	static Money money(ResultSet rs, int column, String currency) throws SQLException {
		return money(rs.getBigDecimal(column), currency);
	}

	/**
	 * Conditions that follow a {@code where} clause, each present only when its filter is set, and
	 * the values of the named parameters ({@code :donorId}) they use. A name used by two
	 * conditions stands for the same value.
	 */
	static final class Where {

		private final StringBuilder text = new StringBuilder();

		private final Map<String, Object> params = new LinkedHashMap<>();

		/** {@code condition} when {@code applies}, with {@code :name} bound to {@code value}. */
		Where and(boolean applies, String condition, String name, Object value) {
			if (applies) {
				text.append(" and ").append(condition);
				params.put(name, value);
			}
			return this;
		}

		Where and(String condition, String name, Object value) {
			return and(true, condition, name, value);
		}

		/** The conditions, each starting with {@code and}, to follow a {@code where} clause. */
		String text() {
			return text.toString();
		}

		Map<String, Object> params() {
			return params;
		}

	}

}
