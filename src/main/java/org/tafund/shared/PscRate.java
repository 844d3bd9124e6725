package org.tafund.shared;

import java.math.BigDecimal;

/**
 * A programme support cost rate, as a fraction (0.13 is 13%), the rule agreements and projects
 * share: at least zero, below one, and at most four decimals. The UN's standard rate is 13%; an
 * agreement at another rate needs an approval reference, which the agreement checks.
 */
public record PscRate(BigDecimal value) {

	public static final PscRate STANDARD = new PscRate(new BigDecimal("0.13"));

	/** Refuses a rate out of range ({@code agreement.psc.range}). */
	public PscRate {
		if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) >= 0
				|| value.stripTrailingZeros().scale() > 4) {
			throw new BusinessRuleViolation("agreement.psc.range");
		}
	}

	/** The rate given, or the standard one when none is. */
	public static PscRate orStandard(BigDecimal value) {
		return value == null ? STANDARD : new PscRate(value);
	}

	public boolean isStandard() {
		return value.compareTo(STANDARD.value) == 0;
	}

}
