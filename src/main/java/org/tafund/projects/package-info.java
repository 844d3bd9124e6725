/**
 * Capacity-building on request of States (resolution 2004/23, paragraph 8): requests for
 * assistance, projects with their budgets and managers, allocations from contribution agreements
 * within their earmarks, and expenditure with programme support costs.
 */
package org.tafund.projects;
