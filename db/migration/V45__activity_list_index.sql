-- The activities list reads a page at a time, latest start first (issue 15): the index gives that
-- order without sorting every activity.
CREATE INDEX ix_activity_start ON activity (start_date, id);
