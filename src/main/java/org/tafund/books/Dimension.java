package org.tafund.books;

/** A dimension of journal lines that balance queries may filter or group on. */
public enum Dimension {

	DONOR_ID("donor_id"),
	DONOR_TYPE("donor_type"),
	AGREEMENT_ID("agreement_id"),
	FUNDING_WINDOW("funding_window"),
	EARMARK("earmark"),
	PROJECT_ID("project_id"),
	ACTIVITY_ID("activity_id"),
	BUDGET_CATEGORY("budget_category");

	private final String column;

	Dimension(String column) {
		this.column = column;
	}

	String column() {
		return column;
	}

}
