package vn.povertyreview.domain.admin;

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

    public String mapId(int reviewYear) {
        return maps.forReviewYear(reviewYear).id();
    }
}
