-- A claim whose request never finished (its server died) can be taken over after a stated time
-- (IdempotentRequests.CLAIM_EXPIRY). Each claim carries a token: the work commits only if its
-- claim is still the row's, so a request that was merely slow and a retry that took over never
-- both book. claimed_at is when the current claim was made (created_at: the first).
ALTER TABLE idempotency_record ADD COLUMN claim_token VARCHAR(36);
ALTER TABLE idempotency_record ADD COLUMN claimed_at DATETIME(6);
