/**
 * The volume data generator: fills an empty database with a realistic, valid and reproducible
 * load (donors, agreements, receipts, projects, activities, expenditure, exchange rates) through
 * plain JDBC batches, for benchmarks of the reports. It writes the tables directly, following the
 * rules the domain modules enforce and calling them where they are written as functions (what an
 * agreement funds, earmarks), and posts every money record's journal entry by the posting rules
 * of the modules that own the events ({@code contributions.ContributionRules},
 * {@code projects.ExpenditureRules}) through {@code books.JournalWriter.postAll}.
 *
 * <p>It is no part of the product: its source set is {@code src/volume/java}, compiled with the
 * tests (which use it) and packaged on its own as {@code target/volume/tafund-<version>-volume.jar},
 * which {@code bench/} runs on the product jar's class path. Nothing in the product depends on it.
 */
package org.tafund.volume;
