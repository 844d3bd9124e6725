/**
 * Read-only reports and their exports (CSV, XLSX, PDF). Queries go straight to the tables with
 * JDBC and stream rows to the response; nothing here writes, and no other module depends on it.
 */
package org.tafund.reporting;
