-- Every rollup row is rewritten many times a season (once per flush interval while its unit is
-- being reviewed) and no update changes an indexed column. Leaving a third of each page free lets
-- PostgreSQL update such rows in place (heap-only tuples), without a new entry in every index.
ALTER TABLE unit_rollup SET (fillfactor = 70);
