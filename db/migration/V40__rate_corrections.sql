-- A rate corrected after it was published: the value it replaced and why. Transactions booked
-- before keep the rate they stored; the history (exchange_rate_aud) keeps every version.
ALTER TABLE exchange_rate ADD COLUMN previous_units_per_usd DECIMAL(19,8);
ALTER TABLE exchange_rate ADD COLUMN correction_reason VARCHAR(500);
ALTER TABLE exchange_rate_aud ADD COLUMN previous_units_per_usd DECIMAL(19,8);
ALTER TABLE exchange_rate_aud ADD COLUMN correction_reason VARCHAR(500);
