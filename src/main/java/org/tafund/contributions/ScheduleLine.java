package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One instalment of a schedule as entered: due date and amount in the agreement's currency. */
public record ScheduleLine(LocalDate dueOn, BigDecimal amount) {
}
