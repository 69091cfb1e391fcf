/**
 * The arithmetic of poverty-reduction targets (chỉ tiêu giảm nghèo): what a unit's target asks
 * for in a review year, where it puts the end of the year, how far the unit's figure is from it,
 * how much of the plan is done, and whether the unit is on track, at risk, has met or has missed
 * it.
 *
 * <p>{@link vn.povertyreview.domain.target.Target} says what was asked;
 * {@link vn.povertyreview.domain.target.TargetAssessment#of} judges a unit's
 * {@link vn.povertyreview.domain.target.PovertyCount} against it, or its rollup sum;
 * {@link vn.povertyreview.domain.target.AlertRule} says when a new status raises an alert and
 * {@link vn.povertyreview.domain.target.AlertId} names it. Plain Java and pure functions:
 * nothing here knows where targets are stored, how figures are summed or when alerts are sent.
 */
package vn.povertyreview.domain.target;
