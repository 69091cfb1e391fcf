-- A target's end rate and its gap in points are not bounded by 100 as observed rates are: for a
-- household target the end rate is the end households over the households reviewed so far, so
-- early in a season (78 households to reach, 1 reviewed) it reads 7800%, and a target asking for
-- more than the baseline holds makes it negative. numeric(7,4) refused such a row, and the sink
-- could write nothing after it. numeric(20,4) holds every figure a target value of numeric(14,4)
-- can lead to (at most about 10^12 points), with the 4 decimals of every other rate.
ALTER TABLE target_status
    ALTER COLUMN target_end_rate TYPE numeric(20,4),
    ALTER COLUMN gap_points      TYPE numeric(20,4);
ALTER TABLE target_gap_alert
    ALTER COLUMN gap_points      TYPE numeric(20,4);
