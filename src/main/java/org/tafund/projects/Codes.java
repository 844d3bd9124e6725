package org.tafund.projects;

/** The closed lists of the projects module. */
public final class Codes {

	private Codes() {
	}

	public enum Theme {

		EXTRADITION, MLA, BOTH, OTHER_COOPERATION;

		/**
		 * Whether an agreement earmarked to a theme ({@code EXTRADITION}, {@code MLA}, {@code BOTH} or
		 * {@code OTHER}, the agreement's earmark targets) may fund a project of this theme.
		 */
		public boolean fundableUnder(String earmarkedTheme) {
			return switch (earmarkedTheme) {
				case "EXTRADITION" -> this == EXTRADITION || this == BOTH;
				case "MLA" -> this == MLA || this == BOTH;
				case "BOTH" -> this != OTHER_COOPERATION;
				default -> this == OTHER_COOPERATION;
			};
		}

	}

	public enum Instrument {

		UNTOC, TRAFFICKING_IN_PERSONS_PROTOCOL, SMUGGLING_OF_MIGRANTS_PROTOCOL, FIREARMS_PROTOCOL

	}

	public enum Channel {

		NOTE_VERBALE, LETTER, EMAIL, MEETING

	}

	public enum Subject {

		EXTRADITION, MUTUAL_LEGAL_ASSISTANCE, TRANSFER_OF_SENTENCED_PERSONS, CONFISCATION, JOINT_INVESTIGATIONS, OTHER

	}

	public enum RequestStatus {

		RECEIVED, UNDER_ASSESSMENT, ACCEPTED, DECLINED, WITHDRAWN

	}

	public enum BudgetCategory {

		STAFF, CONSULTANTS, TRAVEL, CONTRACTUAL_SERVICES, WORKSHOPS_AND_TRAINING, EQUIPMENT, GRANTS, GENERAL_OPERATING

	}

	/** IATI ActivityStatus. */
	public enum ProjectStatus {

		PIPELINE(1), IMPLEMENTATION(2), FINALISATION(3), CLOSED(4), CANCELLED(5), SUSPENDED(6);

		private final int code;

		ProjectStatus(int code) {
			this.code = code;
		}

		public int code() {
			return code;
		}

		public static ProjectStatus of(int code) {
			for (var status : values()) {
				if (status.code == code) {
					return status;
				}
			}
			throw new org.tafund.shared.BusinessRuleViolation("project.status.unknown", code);
		}

		public boolean acceptsFunds() {
			return this != CLOSED && this != CANCELLED;
		}

	}

}
