package org.tafund.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The trial balance of a period, per account and segment: the opening balance (every line dated
 * before {@code from}), the period's debits and credits, and the closing balance. Balances are
 * signed, debit positive: {@code closing = opening + debits - credits}. Because every entry
 * balances, the totals of the opening and closing balances are zero and total debits equal total
 * credits.
 */
public record TrialBalance(LocalDate from, LocalDate to, List<Row> rows, Totals totals) {

	public record Row(Account account, Account.Kind kind, Segment segment, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal opening,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal debits, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal credits,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal closing) {
	}

	public record Totals(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal opening, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal debits,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal credits, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal closing) {
	}

	static TrialBalance of(LocalDate from, LocalDate to, List<Row> rows) {
		var zero = BigDecimal.ZERO.setScale(2);
		var opening = rows.stream().map(Row::opening).reduce(zero, BigDecimal::add);
		var debits = rows.stream().map(Row::debits).reduce(zero, BigDecimal::add);
		var credits = rows.stream().map(Row::credits).reduce(zero, BigDecimal::add);
		var closing = rows.stream().map(Row::closing).reduce(zero, BigDecimal::add);
		return new TrialBalance(from, to, List.copyOf(rows), new Totals(opening, debits, credits, closing));
	}

	/** Debits equal credits, and the balances add up to zero before and after. */
	public boolean balances() {
		return totals.debits().compareTo(totals.credits()) == 0 && totals.opening().signum() == 0
				&& totals.closing().signum() == 0;
	}

}
