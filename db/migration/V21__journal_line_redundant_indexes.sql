-- Every journal line is written to each index of journal_line, and a receipt writes three or four
-- lines: two indexes that others already cover go. (accounting_date, id) is the head of
-- ix_journal_line_ledger; (agreement_id, accounting_date) queries are served by
-- ix_journal_line_agreement_balance, which starts with agreement_id.
DROP INDEX ix_journal_line_date ON journal_line;
DROP INDEX ix_journal_line_agreement ON journal_line;
