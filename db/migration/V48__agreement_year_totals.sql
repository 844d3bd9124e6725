-- What the journal and the receipts hold per agreement and calendar year, kept as they are written,
-- so that a report of a year reads one row per agreement and account instead of every line and
-- receipt since (the status of contributions of 2025 summed 1.3 million journal lines and a
-- million receipts on the volume data: 8 s under load). A period that is not whole years adds the
-- lines and receipts of its part-years to the rows of its whole ones (reporting.StatusOfContributions).
--
-- journal_agreement_year: every line that names an agreement, summed per year of its accounting
-- date, agreement, account and kind of event; books.JournalWriter adds each entry's lines in the
-- same statement as the lines themselves, under the chain head's lock, as for journal_agreement_total.
-- receipt_agreement_year: every receipt and reversal (a negative receipt), in the agreement's
-- currency, per year received; contributions adds each one in the transaction that stores it.
-- Both only ever grow: the journal is append-only and receipts are never changed or deleted.
-- Portable: MySQL 8.4, MariaDB 10.11, H2 (MySQL mode).

CREATE TABLE journal_agreement_year (
    book_year    INT           NOT NULL,
    agreement_id BIGINT        NOT NULL,
    account_code VARCHAR(40)   NOT NULL,
    source_type  VARCHAR(40)   NOT NULL,
    debit_usd    DECIMAL(19,2) NOT NULL,
    credit_usd   DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_journal_agreement_year PRIMARY KEY (book_year, agreement_id, account_code, source_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO journal_agreement_year (book_year, agreement_id, account_code, source_type, debit_usd, credit_usd)
SELECT YEAR(accounting_date), agreement_id, account_code, source_type, SUM(debit_usd), SUM(credit_usd)
  FROM journal_line
 WHERE agreement_id IS NOT NULL
 GROUP BY YEAR(accounting_date), agreement_id, account_code, source_type;

CREATE TABLE receipt_agreement_year (
    book_year        INT           NOT NULL,
    agreement_id     BIGINT        NOT NULL,
    agreement_amount DECIMAL(19,4) NOT NULL,
    CONSTRAINT pk_receipt_agreement_year PRIMARY KEY (book_year, agreement_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO receipt_agreement_year (book_year, agreement_id, agreement_amount)
SELECT YEAR(received_on), agreement_id, SUM(agreement_amount)
  FROM receipt
 GROUP BY YEAR(received_on), agreement_id;
