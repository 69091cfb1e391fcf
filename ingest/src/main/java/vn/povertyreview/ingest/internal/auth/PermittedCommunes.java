package vn.povertyreview.ingest.internal.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;

/**
 * The communes a caller may submit for, as the template and the upload page list them. The admin
 * may submit for every commune: it gets those of the two-level map that review years from 2025
 * use. A reviewer gets each of its communes in every map that has the code, since a token's codes
 * may be of either map (a reviewer may correct a year before 2025) and one code can name
 * different communes in the two maps. Thread-safe.
 */
public final class PermittedCommunes {

    /** A commune of one map. */
    public record Commune(AdminUnit unit, AdminMap map) {

        /** The province the commune belongs to in its map. */
        public AdminUnit province() {
            return map.unit(UnitLevel.PROVINCE, map.provinceOf(unit)).orElseThrow();
        }
    }

    private final AdminMap twoLevel;
    private final AdminMap threeLevel;

    public PermittedCommunes(AdminMaps maps) {
        this.twoLevel = maps.forReviewYear(AdminMaps.FIRST_TWO_LEVEL_YEAR);
        this.threeLevel = maps.forReviewYear(AdminMaps.FIRST_TWO_LEVEL_YEAR - 1);
    }

    public List<Commune> of(Caller caller) {
        List<Commune> communes = new ArrayList<>();
        if (caller.isAdmin()) {
            twoLevel.units(UnitLevel.COMMUNE).forEach(unit -> communes.add(new Commune(unit, twoLevel)));
            return communes;
        }
        for (String code : new TreeSet<>(caller.communeCodes())) {
            twoLevel.unit(UnitLevel.COMMUNE, code).ifPresent(unit -> communes.add(new Commune(unit, twoLevel)));
            threeLevel.unit(UnitLevel.COMMUNE, code).ifPresent(unit -> communes.add(new Commune(unit, threeLevel)));
        }
        return communes;
    }
}
