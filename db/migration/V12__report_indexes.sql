-- The fund statement and the ledger sum amounts over date ranges (the opening balance over all
-- history). Indexes that carry the summed amounts answer those sums from the index alone, instead
-- of a scan of the table or a row lookup per index entry. Portable: MySQL 8.4, MariaDB 10.11, H2.
CREATE INDEX ix_receipt_received_usd ON receipt (received_on, usd_amount);
CREATE INDEX ix_receipt_agreement_usd ON receipt (agreement_id, received_on, usd_amount);
CREATE INDEX ix_expenditure_spent ON expenditure (spent_on, usd_amount, psc_usd);
CREATE INDEX ix_allocation_allocated ON allocation (allocated_on, amount_usd);
CREATE INDEX ix_refund_refunded ON refund (refunded_on);
CREATE INDEX ix_agreement_signed ON agreement (signed_on);
