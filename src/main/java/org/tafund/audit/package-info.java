/**
 * The audit trail: who created and changed every row (JPA auditing), the full history of audited
 * records (Hibernate Envers revisions with the username), and the audit pages that show it.
 * Nothing depends on this module.
 */
package org.tafund.audit;
