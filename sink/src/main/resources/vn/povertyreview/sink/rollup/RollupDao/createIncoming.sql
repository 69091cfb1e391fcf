-- The session's staging table of a batch's rows, with exactly the columns the sink writes. Created
-- once per connection (the sink's connections are pooled) and emptied at every commit, so a batch
-- always starts from an empty table.
CREATE TEMPORARY TABLE IF NOT EXISTS unit_rollup_incoming ON COMMIT DELETE ROWS AS
SELECT <columns> FROM unit_rollup WITH NO DATA
