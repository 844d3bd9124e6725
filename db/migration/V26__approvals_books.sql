-- Manual journal entries, period closes and reopenings can be put under maker-checker too (off
-- until an administrator turns them on). A reopening's approver is another administrator.
INSERT INTO approval_policy (action, required, threshold_usd, version, created_at, created_by, updated_at, updated_by)
VALUES ('MANUAL_ENTRY', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system'),
       ('PERIOD_CLOSE', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system'),
       ('PERIOD_REOPEN', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system');
