/**
 * Bank statements: ISO 20022 camt.053 files read as the bank sends them, each credit matched to
 * the instalments donors owe, a reconciliation page where finance confirms matches and suggestions
 * or assigns an entry by hand, and receipts booked from them (through maker-checker when it is on).
 */
package org.tafund.banking;
