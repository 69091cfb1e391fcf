package vn.povertyreview.testsupport;

import java.util.List;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;

/** Official communes of chosen provinces, for realistic randomized tests and demos. */
public final class RealCommunes {

    private static final AdminMaps MAPS = AdminMaps.official();

    private RealCommunes() {
    }

    /** Codes of every commune of the given provinces in the review year's map, in map order. */
    public static List<String> of(int reviewYear, String... provinceCodes) {
        AdminMap map = MAPS.forReviewYear(reviewYear);
        List<String> provinces = List.of(provinceCodes);
        return map.units(UnitLevel.COMMUNE).stream()
                .filter(commune -> provinces.contains(map.provinceOf(commune)))
                .map(AdminUnit::code)
                .toList();
    }
}
