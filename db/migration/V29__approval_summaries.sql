-- A pending record's summary in each reader's language: a message key and its arguments (JSON),
-- beside the English text kept for the audit trail.
ALTER TABLE approval_request ADD COLUMN summary_key VARCHAR(100);
ALTER TABLE approval_request ADD COLUMN summary_args VARCHAR(2000);
