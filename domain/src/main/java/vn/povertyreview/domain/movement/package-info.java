/**
 * The year-over-year movement of poor and near-poor households per unit (biến động hộ nghèo, hộ
 * cận nghèo): who was poor at the start of a review year, who escaped, fell in, fell back, moved or
 * was not reviewed, and who was poor at its end, with the balances those figures must satisfy.
 *
 * <p>{@link vn.povertyreview.domain.movement.Movements} turns one household's
 * {@link vn.povertyreview.domain.movement.HouseholdHistory} into its contribution per unit; sums of
 * contributions are checked by {@link vn.povertyreview.domain.movement.MovementBalance}. Plain
 * Java: nothing here knows how histories are stored or sums are kept.
 */
package vn.povertyreview.domain.movement;
