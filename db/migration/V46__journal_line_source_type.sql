-- Each line carries its entry's kind of event (RECEIPT, REFUND, ...), copied from the entry when it
-- is posted, so that the reports that ask "cash received from donors in a period" (status of
-- contributions, report on implementation) read one index instead of looking up the entry of every
-- cash line: a year of the volume data's receipt lines took 10 s through the entries and reads in
-- well under a second from the index below. The entry keeps the kind of event in the chain's hash;
-- the line's copy is not part of the hash. Portable: MySQL 8.4, MariaDB 10.11, H2 (MySQL mode).

ALTER TABLE journal_line ADD COLUMN source_type VARCHAR(40) NULL;

UPDATE journal_line SET source_type = (SELECT e.source_type FROM journal_entry e WHERE e.id = journal_line.entry_id);

ALTER TABLE journal_line MODIFY COLUMN source_type VARCHAR(40) NOT NULL;

CREATE INDEX ix_journal_line_source ON journal_line (account_code, source_type, accounting_date, agreement_id,
    debit_usd, credit_usd);
