/**
 * Maker-checker: the actions an administrator puts under a second person's approval (above a USD
 * amount or always), the pending records that wait for it, and their approval, rejection or
 * withdrawal. A pending record posts nothing: what the maker asked is kept as the command's JSON
 * and booked on approval by the module that owns the action ({@link org.tafund.approvals.ApprovalExecutor}),
 * in the approver's transaction. Nobody approves their own record.
 */
package org.tafund.approvals;
