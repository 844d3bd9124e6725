-- Allocations, expenditure and its reversals can be put under maker-checker too (off until an
-- administrator turns them on).
INSERT INTO approval_policy (action, required, threshold_usd, version, created_at, created_by, updated_at, updated_by)
VALUES ('ALLOCATION', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system'),
       ('EXPENDITURE', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system'),
       ('EXPENDITURE_REVERSAL', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system');
