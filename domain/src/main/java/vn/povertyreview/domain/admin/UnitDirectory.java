package vn.povertyreview.domain.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names and places the units that rollups are keyed by: a national unit code in its review year's
 * map, or a village unit code {@code <communeCode>-<villageCode>}. Thread-safe.
 */
public final class UnitDirectory {

    private static final UnitLevel[] NATIONAL_LEVELS = {
        UnitLevel.COMMUNE, UnitLevel.DISTRICT, UnitLevel.PROVINCE, UnitLevel.NATION
    };

    private final AdminMaps maps;

    public UnitDirectory(AdminMaps maps) {
        this.maps = maps;
    }

    /**
     * The unit with this code in the review year's map. A village is named by its own code until
     * the commune registers a proper name for it.
     */
    public Optional<AdminUnit> find(int reviewYear, String unitCode) {
        AdminMap map = maps.forReviewYear(reviewYear);
        int dash = unitCode.indexOf('-');
        if (dash > 0) {
            String communeCode = unitCode.substring(0, dash);
            String villageCode = unitCode.substring(dash + 1);
            return map.unit(UnitLevel.COMMUNE, communeCode)
                    .map(commune -> new AdminUnit(unitCode, UnitLevel.VILLAGE, villageCode, "Thôn/Tổ dân phố", commune.code()));
        }
        for (UnitLevel level : NATIONAL_LEVELS) {
            Optional<AdminUnit> unit = map.unit(level, unitCode);
            if (unit.isPresent()) {
                return unit;
            }
        }
        return Optional.empty();
    }

    /**
     * The unit with this code in the review year's map ({@link #find}) and the units above it,
     * nearest first, up to the nation; a village's parent is its commune. Empty when the unit is
     * not in the map.
     */
    public Optional<Lineage> lineage(int reviewYear, String unitCode) {
        return find(reviewYear, unitCode).map(unit -> new Lineage(unit, ancestors(reviewYear, unit)));
    }

    private List<AdminUnit> ancestors(int reviewYear, AdminUnit unit) {
        List<AdminUnit> above = new ArrayList<>(4);
        String code = unit.parentCode();
        while (code != null) {
            Optional<AdminUnit> parent = find(reviewYear, code);
            if (parent.isEmpty()) {
                // Not in a map loaded by AdminMap, which checks every parent; the lineage ends there.
                break;
            }
            above.add(parent.get());
            code = parent.get().parentCode();
        }
        return above;
    }

    public String mapId(int reviewYear) {
        return maps.forReviewYear(reviewYear).id();
    }
}
