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
		return women + men + sexNotRecorded;
	}

	public int byInstitution() {
		return centralAuthority + prosecution + judiciary + lawEnforcement + ministry + otherInstitution;
	}

	void checkBreakdowns() {
		if (total() != byInstitution()) {
			throw new BusinessRuleViolation("participants.mismatch", total(), byInstitution());
		}
	}

	public Participants plus(Participants other) {
		return new Participants(women + other.women, men + other.men, sexNotRecorded + other.sexNotRecorded,
				centralAuthority + other.centralAuthority, prosecution + other.prosecution, judiciary + other.judiciary,
				lawEnforcement + other.lawEnforcement, ministry + other.ministry, otherInstitution + other.otherInstitution);
	}

}
