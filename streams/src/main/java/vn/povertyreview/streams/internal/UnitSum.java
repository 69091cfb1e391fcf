package vn.povertyreview.streams.internal;

import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.internal.UnitTally;

/**
 * One unit's sum while a task changes it between two commits: the stored sum it started from plus
 * every change since, its revision (one more per change), the time of its latest review record and
 * a village's registered name. Mutable, summed in place; owned by one task's thread.
 */
final class UnitSum {

    private static final Figure[] FIGURES = Figure.values();

    private final UnitKey key;
    private final AdminUnit unit;
    private final long[] counts;
    private long revision;
    private long asOf;
    private String registeredName;

    private UnitSum(UnitKey key, AdminUnit unit, long[] counts, long revision, long asOf, String registeredName) {
        this.key = key;
        this.unit = unit;
        this.counts = counts;
        this.revision = revision;
        this.asOf = asOf;
        this.registeredName = registeredName;
    }

    /** The unit's sum as stored, or an empty one if it has none. */
    static UnitSum of(UnitKey key, AdminUnit unit, UnitTally stored) {
        if (stored == null) {
            return new UnitSum(key, unit, new long[FIGURES.length], 0, 0, null);
        }
        return new UnitSum(key, unit, Tallies.counts(stored).toArray(), stored.getRevision(), stored.getAsOf(), stored.getUnitName());
    }

    /** Adds a change of the unit's counts made by review records up to time {@code changeAsOf}. */
    void add(Tally change, long changeAsOf) {
        change.addTo(counts);
        revision++;
        asOf = Math.max(asOf, changeAsOf);
    }

    /**
     * Registers a village's name. A village already counted publishes again under it (a change, so
     * a new revision); one not yet counted only keeps it.
     */
    void rename(String name, long changeAsOf) {
        registeredName = name;
        if (counted()) {
            revision++;
            asOf = Math.max(asOf, changeAsOf);
        }
    }

    /** Whether any household has been counted in the unit, so that it has a rollup. */
    boolean counted() {
        return revision > 0;
    }

    UnitTally stored() {
        return Tallies.stored(counts(), asOf, revision, registeredName);
    }

    Tally counts() {
        return Tally.of(counts);
    }

    UnitKey key() {
        return key;
    }

    AdminUnit unit() {
        return unit;
    }

    /** The registered name, or the map's. */
    String name() {
        return registeredName != null ? registeredName : unit.name();
    }

    long revision() {
        return revision;
    }

    long asOf() {
        return asOf;
    }
}
