package org.tafund.books;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The sum of the lines of one account and segment (and, when the query groups, one value of the
 * dimension, as text; null for lines without it) over a {@link BalanceQuery}.
 */
public record Balance(Account account, Segment segment, String group,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal debits, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal credits) {

	/** Debits minus credits: positive for a debit balance. */
	public BigDecimal net() {
		return debits.subtract(credits);
	}

	/** The group as an id (donor, agreement, project, activity), or null. */
	public Long groupId() {
		return group == null ? null : Long.valueOf(group);
	}

}
