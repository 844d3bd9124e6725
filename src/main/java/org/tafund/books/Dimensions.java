package org.tafund.books;

import org.tafund.shared.BusinessRuleViolation;

/**
 * What a journal line is about, for the reports to filter and group on: donor (and its type),
 * agreement (with its funding window and earmark), project, activity and budget category. Any of
 * them may be absent. Texts are codes (enum names such as {@code FOUNDATION}, {@code
 * CPCJF_SPECIAL_PURPOSE}, {@code TRAVEL}), stored as given.
 */
public record Dimensions(Long donorId, String donorType, Long agreementId, String fundingWindow, String earmark,
		Long projectId, Long activityId, String budgetCategory) {

	/** No dimension at all (a manual reclassification between accounts, interest). */
	public static final Dimensions NONE = new Dimensions(null, null, null, null, null, null, null, null);

	public Dimensions {
		donorType = checked(donorType, 50, "donorType");
		fundingWindow = checked(fundingWindow, 40, "fundingWindow");
		earmark = checked(earmark, 200, "earmark");
		budgetCategory = checked(budgetCategory, 40, "budgetCategory");
	}

	public static Dimensions donor(long donorId, String donorType) {
		return NONE.withDonor(donorId, donorType);
	}

	public static Dimensions project(long projectId) {
		return NONE.withProject(projectId);
	}

	public Dimensions withDonor(Long donorId, String donorType) {
		return new Dimensions(donorId, donorType, agreementId, fundingWindow, earmark, projectId, activityId,
				budgetCategory);
	}

	/** The agreement, its funding window and its earmark (e.g. {@code THEME:EXTRADITION}), or null. */
	public Dimensions withAgreement(Long agreementId, String fundingWindow, String earmark) {
		return new Dimensions(donorId, donorType, agreementId, fundingWindow, earmark, projectId, activityId,
				budgetCategory);
	}

	public Dimensions withProject(Long projectId) {
		return new Dimensions(donorId, donorType, agreementId, fundingWindow, earmark, projectId, activityId,
				budgetCategory);
	}

	public Dimensions withActivity(Long activityId) {
		return new Dimensions(donorId, donorType, agreementId, fundingWindow, earmark, projectId, activityId,
				budgetCategory);
	}

	public Dimensions withBudgetCategory(String budgetCategory) {
		return new Dimensions(donorId, donorType, agreementId, fundingWindow, earmark, projectId, activityId,
				budgetCategory);
	}

	private static String checked(String value, int max, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > max) {
			throw new BusinessRuleViolation("journal.dimension.tooLong", name, max);
		}
		return value;
	}

}
