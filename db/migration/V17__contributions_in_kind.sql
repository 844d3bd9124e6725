-- In-kind contributions: goods or services a donor provides at fair value instead of cash. The
-- agreement's total is that fair value; each delivery is recorded like a receipt (what "received"
-- means for such an agreement) and posts revenue and an equal expense on its date.
ALTER TABLE agreement ADD COLUMN in_kind BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE agreement_aud ADD COLUMN in_kind BOOLEAN;
