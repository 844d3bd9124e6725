-- Two records for one donor are merged by an administrator: the duplicate's agreements and pledges
-- move to the donor kept, and the duplicate stays, inactive, naming the donor it was merged into and
-- why, so that journal lines posted under it (append-only) still name a donor.
ALTER TABLE donor ADD COLUMN merged_into BIGINT;
ALTER TABLE donor ADD COLUMN merge_reason VARCHAR(500);
ALTER TABLE donor ADD CONSTRAINT fk_donor_merged_into FOREIGN KEY (merged_into) REFERENCES donor (id);
ALTER TABLE donor_aud ADD COLUMN merged_into BIGINT;
ALTER TABLE donor_aud ADD COLUMN merge_reason VARCHAR(500);
