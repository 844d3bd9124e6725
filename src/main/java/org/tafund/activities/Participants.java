package org.tafund.activities;

import org.tafund.shared.BusinessRuleViolation;

/**
 * Who took part, counted twice: by sex and by institution. Both counts are of the same people,
 * so they must add up to the same total.
 */
public record Participants(int women, int men, int sexNotRecorded, int centralAuthority, int prosecution,
		int judiciary, int lawEnforcement, int ministry, int otherInstitution) {

	public static final Participants NONE = new Participants(0, 0, 0, 0, 0, 0, 0, 0, 0);

	public Participants {
		if (women < 0 || men < 0 || sexNotRecorded < 0 || centralAuthority < 0 || prosecution < 0 || judiciary < 0
				|| lawEnforcement < 0 || ministry < 0 || otherInstitution < 0) {
			throw new BusinessRuleViolation("participants.negative");
		}
	}

	public int total() {
		return Math.addExact(Math.addExact(women, men), sexNotRecorded);
	}

	public int byInstitution() {
		return Math.addExact(Math.addExact(Math.addExact(centralAuthority, prosecution), Math.addExact(judiciary,
				lawEnforcement)), Math.addExact(ministry, otherInstitution));
	}

	/** More people than this in one count of one activity is a typing error, not an event. */
	static final int MAX_PER_COUNT = 100_000;

	void checkBreakdowns() {
		for (int count : new int[] { women, men, sexNotRecorded, centralAuthority, prosecution, judiciary,
				lawEnforcement, ministry, otherInstitution }) {
			if (count > MAX_PER_COUNT) {
				throw new BusinessRuleViolation("participants.tooMany", MAX_PER_COUNT);
			}
		}
		if (total() != byInstitution()) {
			throw new BusinessRuleViolation("participants.mismatch", total(), byInstitution());
		}
	}

	public Participants plus(Participants other) {
		// Totals over many activities fail loudly rather than wrap round.
		return new Participants(Math.addExact(women, other.women), Math.addExact(men, other.men),
				Math.addExact(sexNotRecorded, other.sexNotRecorded),
				Math.addExact(centralAuthority, other.centralAuthority), Math.addExact(prosecution, other.prosecution),
				Math.addExact(judiciary, other.judiciary), Math.addExact(lawEnforcement, other.lawEnforcement),
				Math.addExact(ministry, other.ministry), Math.addExact(otherInstitution, other.otherInstitution));
	}

}
