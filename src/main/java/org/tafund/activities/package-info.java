/**
 * What projects deliver: workshops, legislative drafting, trainings of central authorities and
 * the rest, with where, when, which instruments, and who took part by sex and by institution.
 */
package org.tafund.activities;
