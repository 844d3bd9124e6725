-- A bank that sends CSV instead of camt.053: which column holds what, per account (one line per
-- setting, key=value: date, amount, currency, reference, debtor, remittance by their header; the
-- date's pattern, the delimiter, a decimal comma). NULL: the account's statements come as camt.053.
ALTER TABLE bank_account ADD COLUMN csv_layout VARCHAR(1000);
