/**
 * UN operational rates of exchange (units of currency per 1 USD, effective from a date), entered
 * one by one or imported from CSV, and the rule that a transaction uses the rate with the latest
 * effective date on or before its own date.
 */
package org.tafund.fx;
