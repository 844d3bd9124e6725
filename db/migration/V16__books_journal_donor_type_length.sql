-- A journal line's donor type holds what donor.donor_type holds (VARCHAR(50)): the longest type,
-- REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION, has 42 characters, and with 40 every money event of
-- such a donor (the European Union) was refused by the journal.
ALTER TABLE journal_line MODIFY donor_type VARCHAR(50);
