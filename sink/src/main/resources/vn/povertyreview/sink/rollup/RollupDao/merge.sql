-- Moves the staged rows into the table: inserts a row, or replaces every column of the stored one
-- if it has a lower revision; an older rollup arriving late, or a replayed one, changes nothing.
-- Rows in key order, so that concurrent writers lock rows in one order.
-- <columns> are the columns the sink writes, <updates> "column = EXCLUDED.column" for each but the key.
INSERT INTO unit_rollup (<columns>)
SELECT <columns> FROM unit_rollup_incoming ORDER BY unit_code, review_year
ON CONFLICT (unit_code, review_year) DO UPDATE
   SET <updates>
 WHERE unit_rollup.revision < EXCLUDED.revision
