-- Each agreement's balance per account, so that an event of the agreement reads what the books
-- carry for it (the receivable a receipt relieves, an amendment moves, a cancellation takes out)
-- with one primary-key lookup instead of summing every line of its history. JournalWriter adds
-- every line that names an agreement to its row in the same transaction, under the chain head's
-- lock; the journal is append-only, so the totals only ever grow with it. Portable: MySQL 8.4,
-- MariaDB 10.11, H2 (MySQL mode).

CREATE TABLE journal_agreement_total (
    agreement_id BIGINT        NOT NULL,
    account_code VARCHAR(40)   NOT NULL,
    debit_usd    DECIMAL(19,2) NOT NULL,
    credit_usd   DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_journal_agreement_total PRIMARY KEY (agreement_id, account_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The lines posted so far.
INSERT INTO journal_agreement_total (agreement_id, account_code, debit_usd, credit_usd)
SELECT agreement_id, account_code, SUM(debit_usd), SUM(credit_usd)
  FROM journal_line
 WHERE agreement_id IS NOT NULL
 GROUP BY agreement_id, account_code;
