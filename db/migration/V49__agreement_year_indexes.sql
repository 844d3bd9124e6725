-- One agreement's or one donor's rows of the journal's year totals (V48): a donor statement reads
-- them by agreement. The primary key starts with the year, so without this index a donor's statement
-- read every agreement's rows of the years it covers (1.3 s under load on the volume data, 0.5 s
-- before V48). The amounts are left out: they change with every posting, and an index holding them
-- would be rewritten each time. receipt_agreement_year has no such index on purpose: with one, the
-- overdue list summed each agreement's receipts once per instalment (0.8 s instead of 0.23 s), and a
-- donor statement reads the receipts of the years it covers in 0.1 s without it.
-- Portable: MySQL 8.4, MariaDB 10.11, H2 (MySQL mode).

CREATE INDEX ix_journal_agreement_year_agreement ON journal_agreement_year (agreement_id, book_year);
