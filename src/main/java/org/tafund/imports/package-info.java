/**
 * Spreadsheet import of donors, pledges and agreements with their instalments (XLSX or CSV): a file
 * is checked in full first (a dry run that names every refused cell, in the reader's language) and
 * stored only when it is clean and a donor relations officer confirms, all of it or nothing, through
 * the same rules as the pages. Rows already recorded (donor by name and type, agreement by reference,
 * pledge by donor, date and amount) are recognised, so that importing a file again creates nothing.
 */
package org.tafund.imports;
