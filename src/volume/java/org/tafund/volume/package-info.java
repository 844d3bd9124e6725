/**
 * The volume data generator: fills an empty database with a realistic, valid and reproducible
 * load (donors, agreements, receipts, projects, activities, expenditure, exchange rates) through
 * plain JDBC batches, for benchmarks of the reports. It writes the tables directly, following the
 * rules the domain modules enforce, and posts every money record's journal entry by the posting
 * rules of the modules that own the events ({@code contributions.ContributionRules},
 * {@code projects.ExpenditureRules}) through {@code books.JournalWriter.postAll}. Nothing depends
 * on it.
 */
package org.tafund.volume;
