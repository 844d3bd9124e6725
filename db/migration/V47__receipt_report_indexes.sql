-- The status of contributions sums each agreement's receipts in the period and to date in its own
-- currency. Both sums now read an index that holds the amount: ix_receipt_agreement (agreement,
-- date) made the optimizer look up every receipt's row for its amount (18,500 agreements, a million
-- receipts: 6 s of the report's 8 s on the volume data), and ix_receipt_received (date) the same for
-- a period's receipts. Each dropped index is the prefix of one that stays or is created here, so no
-- query loses its index. Portable: MySQL 8.4, MariaDB 10.11, H2 (MySQL mode).

CREATE INDEX ix_receipt_received_amount ON receipt (received_on, agreement_id, agreement_amount);

DROP INDEX ix_receipt_agreement ON receipt;

DROP INDEX ix_receipt_received ON receipt;
