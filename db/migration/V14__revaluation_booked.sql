-- A revaluation line keeps its gain or loss against the USD value at recognition (cumulative), and
-- now also what the run books: the change since the agreement's previous run. The fund statement
-- and the ledger add up the booked amounts, so that a loss revalued twice is counted once. Lines
-- stored before this change are taken as first runs.
ALTER TABLE revaluation_line ADD COLUMN booked_usd DECIMAL(19,4);
UPDATE revaluation_line SET booked_usd = gain_loss_usd;
