/**
 * Publishing to the world: the Fund's projects as an IATI 2.03 activity file, built from the
 * projects, their funding chain and their spending, coded from the IATI code lists, with what a
 * finance officer withholds (and why) left out and listed.
 */
package org.tafund.publishing;
