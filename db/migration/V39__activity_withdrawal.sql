-- An activity that did not take place is withdrawn, with the day, who and why, rather than
-- deleted: its history stays, and reports and participant totals leave it out.
ALTER TABLE activity ADD COLUMN withdrawn_on DATE;
ALTER TABLE activity ADD COLUMN withdrawn_by VARCHAR(60);
ALTER TABLE activity ADD COLUMN withdrawal_reason VARCHAR(500);
ALTER TABLE activity_aud ADD COLUMN withdrawn_on DATE;
ALTER TABLE activity_aud ADD COLUMN withdrawn_by VARCHAR(60);
ALTER TABLE activity_aud ADD COLUMN withdrawal_reason VARCHAR(500);
