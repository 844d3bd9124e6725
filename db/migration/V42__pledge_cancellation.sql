-- A pledge the donor withdrew (or recorded by mistake) is cancelled with the day, who and why:
-- it stays in the donor's history and leaves the open pledges.
ALTER TABLE pledge ADD COLUMN cancelled_on DATE;
ALTER TABLE pledge ADD COLUMN cancelled_by VARCHAR(60);
ALTER TABLE pledge ADD COLUMN cancellation_reason VARCHAR(500);
ALTER TABLE pledge_aud ADD COLUMN cancelled_on DATE;
ALTER TABLE pledge_aud ADD COLUMN cancelled_by VARCHAR(60);
ALTER TABLE pledge_aud ADD COLUMN cancellation_reason VARCHAR(500);
