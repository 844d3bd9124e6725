package org.tafund.books;

import java.util.Locale;

import org.tafund.shared.BusinessRuleViolation;

/** The fund segments (IPSAS 18), mirroring table {@code fund_segment}. */
public enum Segment {

	/** CPCJF general-purpose (unearmarked) funds. */
	GENERAL,
	/** Special-purpose (earmarked) funds, including direct and PNI contributions. */
	SPECIAL,
	/** Programme support costs, a segment of its own as UNODC has reported since 2008. */
	PSC;

	public String code() {
		return name();
	}

	public static Segment of(String code) {
		try {
			return valueOf(code.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new BusinessRuleViolation("journal.segment.unknown", String.valueOf(code));
		}
	}

}
