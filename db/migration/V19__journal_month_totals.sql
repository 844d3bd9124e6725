-- Per-month totals of the journal's lines, so that a report over years of history (the fund
-- statement's opening balance, the receivables at a date) adds up a few hundred rows per month
-- instead of every line since the first. One row per month (the entry's period, 'YYYY-MM'),
-- account, segment, kind of event and funding window ('' for lines without one), with the sums
-- of debits and credits and the number of lines. JournalWriter adds every entry it posts to its
-- row in the same transaction, under the chain head's lock; the journal is append-only, so the
-- totals only ever grow with it. Portable: MySQL 8.4, MariaDB 10.11, H2 (MySQL mode).

CREATE TABLE journal_month_total (
    period         CHAR(7)       NOT NULL,
    account_code   VARCHAR(40)   NOT NULL,
    segment_code   VARCHAR(20)   NOT NULL,
    source_type    VARCHAR(40)   NOT NULL,
    funding_window VARCHAR(40)   NOT NULL,
    debit_usd      DECIMAL(19,2) NOT NULL,
    credit_usd     DECIMAL(19,2) NOT NULL,
    line_count     BIGINT        NOT NULL,
    CONSTRAINT pk_journal_month_total PRIMARY KEY (period, account_code, segment_code, source_type, funding_window)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The entries posted so far.
INSERT INTO journal_month_total (period, account_code, segment_code, source_type, funding_window, debit_usd,
                                 credit_usd, line_count)
SELECT e.period, l.account_code, l.segment_code, e.source_type, COALESCE(l.funding_window, ''), SUM(l.debit_usd),
       SUM(l.credit_usd), COUNT(*)
  FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
 GROUP BY e.period, l.account_code, l.segment_code, e.source_type, COALESCE(l.funding_window, '');
