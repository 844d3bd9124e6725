-- The ledger reads the lines of a period in its own order (accounting date, then line id). This
-- index holds, in that order, every column of the line the ledger shows, so that the ledger of
-- every line streams from one sequential read of the index: no sort before the first row, and no
-- lookup of each line's row (the lines of the volume data are stored in the order they were
-- generated, agreement by agreement, so that lookup is a random read per line once the table
-- outgrows the buffer pool). Only the entry of each line is still looked up, once per entry.
-- Portable: MySQL 8.4, MariaDB 10.11, H2 (MySQL mode).

CREATE INDEX ix_journal_line_ledger ON journal_line (accounting_date, id, entry_id, account_code, segment_code,
    debit_usd, credit_usd, original_amount, currency, rate, rate_date, donor_id, agreement_id, project_id,
    funding_window);

-- What the books carry for one agreement (the receivable a receipt settles, asked on every receipt
-- posted): the agreement's lines of some accounts up to a date, summed from this index alone instead
-- of a row lookup for each of its lines.
CREATE INDEX ix_journal_line_agreement_balance ON journal_line (agreement_id, account_code, accounting_date,
    segment_code, debit_usd, credit_usd);
