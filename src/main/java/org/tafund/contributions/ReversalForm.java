package org.tafund.contributions;

/** The reversal form on a receipt's line of the agreement page: the receipt (from the address) and why. */
record ReversalForm(Long receiptId, String reason) implements java.io.Serializable {
}
