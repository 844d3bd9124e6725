package org.tafund.security;

/**
 * The five kinds of user. Spring Security sees each as authority {@code ROLE_<name>}.
 */
public enum Role {

	/** Donors, pledges, agreements and amendments. */
	DONOR_RELATIONS,
	/** Requests, the projects they manage, activities and expenditure on them. */
	PROJECT_MANAGER,
	/** Exchange rates, receipts, refunds, allocations, reports; reads everything. */
	FINANCE,
	/** Everything, including users. */
	ADMIN,
	/** Reads everything, changes nothing. */
	AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
