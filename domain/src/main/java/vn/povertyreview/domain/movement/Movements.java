package vn.povertyreview.domain.movement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.HouseholdPlace;

/**
 * What one household contributes to the movement figures ({@link MovementFigure}) of each unit
 * in one review year Y. Summed over all households, the contributions give each unit's movement,
 * and the balances of {@link MovementIdentity} hold for every unit by construction.
 *
 * <h2>Semantics</h2>
 *
 * Let {@code prev} be the household's status in Y−1 and {@code cur} its status in Y, each absent
 * when it has no counted review that year.
 * <ul>
 *   <li><b>End path</b> (when {@code cur} is present): the units of {@code cur}'s place, village up
 *       to nation, in Y's map.</li>
 *   <li><b>Start path</b> (when {@code prev} is present), always in Y's map: when Y−1 and Y use the
 *       same map, the units of {@code prev}'s place. Across the 2025 reform (Y−1 on the three-level
 *       map, Y on the two-level one): if {@code cur} is present and its commune is one of the
 *       successors of {@code prev}'s commune, the household did not move and the start path is the
 *       end path — so a merged commune starts the year with the sum of its households' 2024
 *       statuses. Otherwise the household is attributed to the
 *       {@linkplain AdminSuccession#primarySuccessor primary successor} of its 2024 commune: village
 *       {@code <successor>-<its 2024 village code>}, that commune, the commune's province in the new
 *       map, and the nation.</li>
 * </ul>
 * For the poor, per unit U (each figure is 0 or 1 for one household):
 * <ul>
 *   <li>{@code START_POOR}: prev is POOR and U is on the start path;</li>
 *   <li>{@code POOR_NOT_YET_REVIEWED}: prev is POOR, cur absent, U on the start path;</li>
 *   <li>{@code POOR_MOVED_OUT}: prev is POOR, cur present, U on the start path and not on the end
 *       path — whatever cur is, so that a household that moves and escapes leaves its old unit as a
 *       move and escapes in its new one;</li>
 *   <li>{@code POOR_MOVED_IN}: prev is POOR, cur present, U on the end path and not the start path;</li>
 *   <li>{@code ESCAPED}: prev is POOR, cur present and not POOR, U on the end path;
 *       {@code ESCAPED_INTO_NEAR_POOR} the same with cur NEAR_POOR;</li>
 *   <li>{@code NEWLY_POOR}: cur is POOR, prev is not (absent or another status), the household was
 *       never POOR in any year before Y, U on the end path;</li>
 *   <li>{@code RE_POOR}: the same, but POOR in some year before Y;</li>
 *   <li>{@code END_POOR}: cur is POOR, U on the end path.</li>
 * </ul>
 * The near-poor figures are the same with NEAR_POOR for POOR, "exited" for "escaped", and the
 * exits split into {@code EXITED_NEAR_POOR_INTO_POOR} and {@code EXITED_NEAR_POOR_INTO_NOT_POOR}.
 *
 * <p>{@code NEWLY_ESCAPED}: cur is present and not POOR, U on the end path, and the latest year
 * E ≤ Y in which the household escaped — its latest counted status before E was POOR and its status
 * in E is not — is no earlier than Y−2. Newly escaped status lasts 36 months; with one review a
 * year that is the reviews of E, E+1 and E+2. The earlier status need not be in E−1: a poor
 * household that missed a review and is then found not poor has escaped.
 *
 * <p>Stateless and thread-safe.
 */
public final class Movements {

    /** The number of annual reviews (36 months) for which an escape keeps a household newly escaped. */
    public static final int NEWLY_ESCAPED_REVIEWS = 3;

    private static final int SIZE = MovementFigure.values().length;

    private Movements() {
    }

    /**
     * The household's contribution to the movement of review year {@code year}, per unit code of
     * that year's map; units it contributes nothing to are left out. {@code succession} leads from
     * the map of the years before the reform to the map of the years after it. The map is
     * unmodifiable and lists the end path's units before the start path's.
     *
     * @throws IllegalArgumentException when the household must be attributed across the reform
     *     and its pre-reform commune has no successor in {@code succession}
     */
    public static Map<String, MovementTally> of(HouseholdHistory history, int year, AdminSuccession succession) {
        PathMovement movement = byPath(history, year, succession);
        Map<String, MovementTally> contributions = new LinkedHashMap<>();
        movement.forEachUnit((unit, tally) -> {
            if (!tally.isZero()) {
                contributions.put(unit, tally);
            }
        });
        return Collections.unmodifiableMap(contributions);
    }

    /**
     * The same contribution as {@link #of}, given once per position on the household's paths: what
     * a unit gets depends only on whether it is on the start path, the end path or both, so three
     * tallies say it for every unit. Counting a change this way costs three tallies whatever the
     * number of units.
     *
     * @throws IllegalArgumentException as {@link #of} does
     */
    public static PathMovement byPath(HouseholdHistory history, int year, AdminSuccession succession) {
        HouseholdStatus prev = history.in(year - 1).orElse(null);
        HouseholdStatus cur = history.in(year).orElse(null);
        if (prev == null && cur == null) {
            return PathMovement.NONE;
        }
        List<String> endPath = endPath(cur);
        List<String> startPath = startPath(prev, cur, year, succession);
        Classification before = prev == null ? null : prev.classification();
        Classification after = cur == null ? null : cur.classification();
        boolean hadPoor = history.hadBefore(year, Classification.POOR);
        boolean hadNearPoor = history.hadBefore(year, Classification.NEAR_POOR);
        boolean newlyEscaped = after != null && after != Classification.POOR && escapedWithinReviews(history, year);
        return new PathMovement(new UnitPaths(startPath, endPath),
                onUnit(before, after, hadPoor, hadNearPoor, newlyEscaped, true, true),
                onUnit(before, after, hadPoor, hadNearPoor, newlyEscaped, true, false),
                onUnit(before, after, hadPoor, hadNearPoor, newlyEscaped, false, true));
    }

    /** What the household adds to the movement of one unit, which lies on its start path or not, and on its end path or not. */
    private static MovementTally onUnit(Classification before, Classification after, boolean hadPoor, boolean hadNearPoor,
            boolean newlyEscaped, boolean inStart, boolean inEnd) {
        long[] counts = new long[SIZE];
        StatusFigures.POOR.count(counts, before, after, hadPoor, inStart, inEnd);
        StatusFigures.NEAR_POOR.count(counts, before, after, hadNearPoor, inStart, inEnd);
        if (newlyEscaped && inEnd) {
            counts[MovementFigure.NEWLY_ESCAPED.ordinal()]++;
        }
        return MovementTally.owning(counts);
    }

    /**
     * The household's start path in review year {@code year}: the units of {@code year}'s map, village
     * up to nation, in which its status of {@code year − 1} counts at the start of the year (see the
     * class javadoc); empty when it has no counted review in {@code year − 1}. Every figure of the
     * start of the year, movement or not, is counted on this path. Unmodifiable.
     *
     * @throws IllegalArgumentException when the household must be attributed across the reform
     *     and its pre-reform commune has no successor in {@code succession}
     */
    public static List<String> startPath(HouseholdHistory history, int year, AdminSuccession succession) {
        return List.copyOf(startPath(history.in(year - 1).orElse(null), history.in(year).orElse(null), year, succession));
    }

    private static List<String> endPath(HouseholdStatus cur) {
        return cur == null ? List.of() : cur.place().unitCodes();
    }

    private static List<String> startPath(HouseholdStatus prev, HouseholdStatus cur, int year, AdminSuccession succession) {
        if (prev == null) {
            return List.of();
        }
        boolean acrossReform = year - 1 < AdminMaps.FIRST_TWO_LEVEL_YEAR && year >= AdminMaps.FIRST_TWO_LEVEL_YEAR;
        if (!acrossReform) {
            return prev.place().unitCodes();
        }
        if (cur != null && succession.successors(prev.place().communeCode()).contains(cur.place().communeCode())) {
            return endPath(cur);
        }
        return attributed(prev.place(), succession).unitCodes();
    }

    /** Where a household of a pre-reform place counts in the new map when its new place is not known. */
    private static HouseholdPlace attributed(HouseholdPlace old, AdminSuccession succession) {
        String commune = succession.primarySuccessor(old.communeCode())
                .orElseThrow(() -> new IllegalArgumentException("commune " + old.communeCode() + " of map "
                        + succession.fromMap().id() + " has no successor in merge list " + succession.id()));
        AdminUnit unit = succession.toMap().unit(UnitLevel.COMMUNE, commune)
                .orElseThrow(() -> new IllegalStateException("successor commune " + commune + " is not in map " + succession.toMap().id()));
        // The village keeps its own code under the new commune: villages are registered by the
        // commune and not renamed by the national reform.
        String villageCode = old.villageUnitCode().substring(old.communeCode().length() + 1);
        return new HouseholdPlace(HouseholdPlace.villageUnitCode(commune, villageCode), commune, null, unit.parentCode());
    }

    /** Whether the household's latest escape from poverty up to {@code year} was in its last three reviews. */
    private static boolean escapedWithinReviews(HouseholdHistory history, int year) {
        Classification earlier = null;
        int latestEscape = Integer.MIN_VALUE;
        for (Map.Entry<Integer, HouseholdStatus> entry : history.byYear().headMap(year, true).entrySet()) {
            Classification status = entry.getValue().classification();
            if (earlier == Classification.POOR && status != Classification.POOR) {
                latestEscape = entry.getKey();
            }
            earlier = status;
        }
        return latestEscape >= year - (NEWLY_ESCAPED_REVIEWS - 1);
    }
}
