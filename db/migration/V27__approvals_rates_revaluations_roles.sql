-- New exchange rates (typed or imported) can be put under maker-checker too (off until an
-- administrator turns it on). Corrections of a stored rate do not exist yet; they will come under it.
INSERT INTO approval_policy (action, required, threshold_usd, version, created_at, created_by, updated_at, updated_by)
VALUES ('RATE_IMPORT', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system');

-- Revaluation runs of the receivables as well.
INSERT INTO approval_policy (action, required, threshold_usd, version, created_at, created_by, updated_at, updated_by)
VALUES ('REVALUATION_RUN', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system');

-- And changes of a user's roles, approved by another administrator.
INSERT INTO approval_policy (action, required, threshold_usd, version, created_at, created_by, updated_at, updated_by)
VALUES ('USER_ROLES', FALSE, NULL, 0, CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, 'system');
