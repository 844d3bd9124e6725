/**
 * Donors of the Fund: Member States, the European Union and other organisations, foundations,
 * the private sector and individuals, with their contact persons and optional IATI codes.
 */
package org.tafund.donors;
