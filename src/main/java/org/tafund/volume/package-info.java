/**
 * The volume data generator: fills an empty database with a realistic, valid and reproducible
 * load (donors, agreements, receipts, projects, activities, expenditure, exchange rates) through
 * plain JDBC batches, for benchmarks of the reports. It depends on no other module: it writes the
 * tables directly, following the rules the domain modules enforce.
 */
package org.tafund.volume;
