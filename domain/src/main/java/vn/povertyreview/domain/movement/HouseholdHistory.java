package vn.povertyreview.domain.movement;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.HouseholdPlace;
import vn.povertyreview.domain.review.ReviewYears;
import vn.povertyreview.domain.rollup.ReviewFigures;
import vn.povertyreview.domain.rollup.Tally;

/**
 * One household's counted status in each review year in which its latest review counts. A year
 * the household was not reviewed in (or whose review was withdrawn) is simply absent.
 *
 * <p>A place must have the shape of its year's map: a district up to 2024, none from 2025, and a
 * village unit code under its commune ({@code <communeCode>-<villageCode>}); the codes themselves
 * are checked where reviews are judged, not here.
 *
 * <p>Immutable and thread-safe: {@link #with} and {@link #without} return new histories.
 */
public final class HouseholdHistory {

    private static final HouseholdHistory EMPTY = new HouseholdHistory(Collections.emptyNavigableMap());

    private final NavigableMap<Integer, HouseholdStatus> byYear;

    private HouseholdHistory(NavigableMap<Integer, HouseholdStatus> byYear) {
        this.byYear = byYear;
    }

    public static HouseholdHistory empty() {
        return EMPTY;
    }

    /**
     * This history with the household's status in {@code year} set (replacing any earlier one),
     * its review adding only the household and its class to the units of its place.
     */
    public HouseholdHistory with(int year, Classification classification, HouseholdPlace place) {
        return with(year, classification, place, ReviewFigures.basic(classification));
    }

    /** This history with the household's status in {@code year} set (replacing any earlier one). */
    public HouseholdHistory with(int year, Classification classification, HouseholdPlace place, Tally reviewFigures) {
        HouseholdStatus status = new HouseholdStatus(classification, place, reviewFigures);
        checkYear(year);
        checkPlace(year, place);
        if (status.equals(byYear.get(year))) {
            return this;
        }
        TreeMap<Integer, HouseholdStatus> copy = new TreeMap<>(byYear);
        copy.put(year, status);
        return new HouseholdHistory(Collections.unmodifiableNavigableMap(copy));
    }

    /** This history without a status in {@code year}, as after a withdrawn review. */
    public HouseholdHistory without(int year) {
        if (!byYear.containsKey(year)) {
            return this;
        }
        TreeMap<Integer, HouseholdStatus> copy = new TreeMap<>(byYear);
        copy.remove(year);
        return copy.isEmpty() ? EMPTY : new HouseholdHistory(Collections.unmodifiableNavigableMap(copy));
    }

    /** The household's status in {@code year}, if it has a counted review then. */
    public Optional<HouseholdStatus> in(int year) {
        return Optional.ofNullable(byYear.get(year));
    }

    /** Every year with a status, oldest first; unmodifiable. */
    public NavigableMap<Integer, HouseholdStatus> byYear() {
        return byYear;
    }

    /** Whether the household had {@code classification} in any year before {@code year}. */
    public boolean hadBefore(int year, Classification classification) {
        for (HouseholdStatus status : byYear.headMap(year, false).values()) {
            if (status.classification() == classification) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return byYear.isEmpty();
    }

    private static void checkYear(int year) {
        if (!ReviewYears.isSupported(year)) {
            throw new IllegalArgumentException("review year " + year + " is not between " + ReviewYears.FIRST + " and " + ReviewYears.LAST);
        }
    }

    private static void checkPlace(int year, HouseholdPlace place) {
        boolean threeLevel = year < AdminMaps.FIRST_TWO_LEVEL_YEAR;
        if (threeLevel != (place.districtCode() != null)) {
            throw new IllegalArgumentException("review year " + year + " uses the " + (threeLevel ? "three" : "two")
                    + "-level map, but place " + place + (threeLevel ? " has no district" : " has a district"));
        }
        Objects.requireNonNull(place.communeCode(), "communeCode");
        Objects.requireNonNull(place.provinceCode(), "provinceCode");
        String prefix = place.communeCode() + "-";
        String village = place.villageUnitCode();
        if (village == null || !village.startsWith(prefix) || village.length() == prefix.length()) {
            throw new IllegalArgumentException("village unit code " + village + " is not <communeCode>-<villageCode> under commune "
                    + place.communeCode());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HouseholdHistory other && byYear.equals(other.byYear);
    }

    @Override
    public int hashCode() {
        return byYear.hashCode();
    }

    @Override
    public String toString() {
        return "HouseholdHistory" + byYear;
    }
}
