/**
 * The Fund's income (resolution 2004/23, paragraph 6): contribution agreements with their
 * instalment schedules and amendments, receipts applied oldest instalment first, reversals,
 * refunds, what is outstanding and what is overdue.
 */
package org.tafund.contributions;
