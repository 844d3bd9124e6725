-- The status of contributions and the fund statement's receivables sum each agreement's receipts
-- (in the agreement's currency) up to a date: an index that carries the amount answers that from
-- the index alone. Portable: MySQL 8.4, MariaDB 10.11, H2.
CREATE INDEX ix_receipt_agreement_amount ON receipt (agreement_id, received_on, agreement_amount);
