/**
 * Reference data shared by the business modules: countries and areas (ISO 3166 alpha-3, UN M49,
 * names in English, French and Spanish, regions, LDC/LLDC/SIDS flags), seeded from the UN
 * reference file.
 */
package org.tafund.reference;
