package vn.povertyreview.domain.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.admin.UnitLevel;

/**
 * What one account may act on or see: everything (the admin), the communes a reviewer submits for,
 * or the provinces and communes a viewer (an analyst) reads. The one place that says which units an
 * account covers; ingest's reviewer tokens and the database's analyst roles both ask it.
 *
 * <p>A scope names units by their national codes, and a code is read in the map of each review year,
 * like every unit code of the product: a viewer of province 38 sees 2024's districts, communes and
 * villages of Thanh Hóa in the three-level map and 2025's communes and villages of it in the
 * two-level map. A code that is not a unit of a year's map covers nothing in that year, so a viewer of
 * a 2024 commune that was merged away sees its 2024 figures only; the 2025 commune it went into is a
 * different unit (it holds other communes' households too) and is covered only when named.
 *
 * <p>Immutable and thread-safe.
 */
public final class Scope {

    /** What kind of account a scope belongs to. */
    public enum Kind {
        /** Everything, in every year. */
        ADMIN,
        /** Submits and withdraws reviews for its communes. */
        REVIEWER,
        /** Reads the figures of its provinces and communes and of every unit under them. */
        VIEWER
    }

    private static final Scope ADMIN = new Scope(Kind.ADMIN, Set.of(), Set.of());

    private final Kind kind;
    private final Set<String> provinceCodes;
    private final Set<String> communeCodes;

    private Scope(Kind kind, Set<String> provinceCodes, Set<String> communeCodes) {
        this.kind = kind;
        // Sorted, so that a scope prints and stores the same way however it was given.
        this.provinceCodes = Collections.unmodifiableSortedSet(new TreeSet<>(provinceCodes));
        this.communeCodes = Collections.unmodifiableSortedSet(new TreeSet<>(communeCodes));
    }

    public static Scope admin() {
        return ADMIN;
    }

    /** A reviewer of these communes (it may have none: then it may act for nothing). */
    public static Scope reviewerOf(Collection<String> communeCodes) {
        return new Scope(Kind.REVIEWER, Set.of(), checkedCodes(communeCodes, "commune"));
    }

    /**
     * A viewer of these provinces and communes, and of everything under them.
     *
     * @throws IllegalArgumentException when both are empty: a viewer of nothing is a mistake
     */
    public static Scope viewerOf(Collection<String> provinceCodes, Collection<String> communeCodes) {
        Set<String> provinces = checkedCodes(provinceCodes, "province");
        Set<String> communes = checkedCodes(communeCodes, "commune");
        if (provinces.isEmpty() && communes.isEmpty()) {
            throw new IllegalArgumentException("a viewer's scope needs at least one province or commune");
        }
        return new Scope(Kind.VIEWER, provinces, communes);
    }

    private static Set<String> checkedCodes(Collection<String> codes, String what) {
        Objects.requireNonNull(codes, what + " codes");
        Set<String> checked = new TreeSet<>();
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("a " + what + " code is empty");
            }
            checked.add(code);
        }
        return checked;
    }

    public Kind kind() {
        return kind;
    }

    /** The provinces named, in code order; empty for the admin and for reviewers. */
    public Set<String> provinceCodes() {
        return provinceCodes;
    }

    /** The communes named, in code order; empty for the admin. */
    public Set<String> communeCodes() {
        return communeCodes;
    }

    /**
     * Whether this account may submit or withdraw reviews of households of the commune: the admin
     * for every commune, a reviewer for the codes of its communes in every review year, a viewer
     * never. (The review itself is checked against its year's map elsewhere; an unknown commune is
     * a broken rule of the review, not a question of access.)
     */
    public boolean mayActFor(String communeCode) {
        return switch (kind) {
            case ADMIN -> true;
            case REVIEWER -> communeCodes.contains(communeCode);
            case VIEWER -> false;
        };
    }

    /**
     * Whether the unit with this code in the review year's map is one of the scope's units or lies
     * under one of them: a village by its commune. The admin covers every unit; a code that is not
     * a unit of the year's map is covered by no other scope.
     */
    public boolean covers(int reviewYear, String unitCode, UnitDirectory units) {
        if (kind == Kind.ADMIN) {
            return true;
        }
        return units.lineage(reviewYear, unitCode).map(lineage -> lineage.anyMatch(this::names)).orElse(false);
    }

    /** Whether the scope names this unit itself (not a unit above it). */
    public boolean names(AdminUnit unit) {
        return switch (unit.level()) {
            case PROVINCE -> provinceCodes.contains(unit.code());
            case COMMUNE -> communeCodes.contains(unit.code());
            default -> false;
        };
    }

    /**
     * The named codes that are not a unit of their level in any map the product knows, each with
     * its level (e.g. "province 99"): a scope of such codes would cover nothing, ever.
     */
    public List<String> unknownUnits(AdminMaps maps) {
        List<String> unknown = new ArrayList<>();
        for (String code : provinceCodes) {
            if (!inAnyMap(maps, UnitLevel.PROVINCE, code)) {
                unknown.add("province " + code);
            }
        }
        for (String code : communeCodes) {
            if (!inAnyMap(maps, UnitLevel.COMMUNE, code)) {
                unknown.add("commune " + code);
            }
        }
        return unknown;
    }

    private static boolean inAnyMap(AdminMaps maps, UnitLevel level, String code) {
        return maps.all().stream().anyMatch(map -> map.unit(level, code).isPresent());
    }

    /** "admin", "reviewer of communes 15271, 15274", "viewer of provinces 38, 40 and communes 15271". */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!provinceCodes.isEmpty()) {
            parts.add("provinces " + String.join(", ", provinceCodes));
        }
        if (!communeCodes.isEmpty()) {
            parts.add("communes " + String.join(", ", communeCodes));
        }
        return switch (kind) {
            case ADMIN -> "admin";
            case REVIEWER -> parts.isEmpty() ? "reviewer of no commune" : "reviewer of " + String.join(" and ", parts);
            case VIEWER -> "viewer of " + String.join(" and ", parts);
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scope that && kind == that.kind && provinceCodes.equals(that.provinceCodes)
                && communeCodes.equals(that.communeCodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, provinceCodes, communeCodes);
    }
}
