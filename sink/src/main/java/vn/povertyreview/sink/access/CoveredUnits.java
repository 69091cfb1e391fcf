package vn.povertyreview.sink.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.povertyreview.domain.access.Scope;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.ReviewYears;
import vn.povertyreview.sink.access.AnalystDao.CoveredUnit;

/**
 * The national units (province, district, commune) a scope covers in every review year the product
 * accepts, by {@link Scope#covers}: the rows of {@code analyst_unit}. Villages get no row; the
 * policies find a village's commune in its code. Thread-safe.
 */
final class CoveredUnits {

    private static final UnitLevel[] NATIONAL_LEVELS = {UnitLevel.NATION, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE};

    private final AdminMaps maps;
    private final UnitDirectory units;

    CoveredUnits(AdminMaps maps) {
        this.maps = maps;
        this.units = new UnitDirectory(maps);
    }

    Set<CoveredUnit> of(Scope scope) {
        // Every year of one map has the same units: ask the scope once per map.
        Map<String, List<String>> codesByMap = new HashMap<>();
        Set<CoveredUnit> covered = new LinkedHashSet<>();
        for (int year = ReviewYears.FIRST; year <= ReviewYears.LAST; year++) {
            int reviewYear = year;
            AdminMap map = maps.forReviewYear(year);
            for (String code : codesByMap.computeIfAbsent(map.id(), id -> coveredCodes(scope, reviewYear, map))) {
                covered.add(new CoveredUnit(year, code));
            }
        }
        return covered;
    }

    private List<String> coveredCodes(Scope scope, int reviewYear, AdminMap map) {
        List<String> codes = new ArrayList<>();
        for (UnitLevel level : NATIONAL_LEVELS) {
            for (AdminUnit unit : map.units(level)) {
                if (scope.covers(reviewYear, unit.code(), units)) {
                    codes.add(unit.code());
                }
            }
        }
        return codes;
    }
}
