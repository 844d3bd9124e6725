package org.tafund.contributions;

/** Derived from the agreement and its receipts, never stored. */
public enum AgreementStatus {

	DRAFT, SIGNED, PARTIALLY_RECEIVED, FULLY_RECEIVED, OVERDUE, CLOSED, CANCELLED

}
