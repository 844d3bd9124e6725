/**
 * The books: one append-only, hash-chained journal that every money event posts to, the chart of
 * accounts and fund segments, manual journal entries, the trial balance and balance queries the
 * reports are built on, the tamper-evidence check, and period closes with their stored report
 * snapshots. Other modules post through {@link org.tafund.books.Journal} in their own
 * transaction; books depends on {@code shared} only, so that every module may call it.
 */
package org.tafund.books;
