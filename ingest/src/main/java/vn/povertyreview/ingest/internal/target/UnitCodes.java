package vn.povertyreview.ingest.internal.target;

import java.util.Optional;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.review.IdentifierChecks;

/**
 * Whether a unit code names a unit of a review year's administrative map, the unit a target is
 * assigned to or a year is closed for: {@code VN} (the nation), a province, district or commune of
 * the map, or a village {@code <communeCode>-<villageCode>}, which exists if its commune does (no
 * national list names villages). Thread-safe.
 */
public final class UnitCodes {

    private final AdminMaps maps;
    private final IdentifierChecks identifiers;

    public UnitCodes(AdminMaps maps, IdentifierChecks identifiers) {
        this.maps = maps;
        this.identifiers = identifiers;
    }

    /** Nothing if the unit exists in the map of the review year, else {@code unitCode.unknown}. */
    public Optional<RuleViolation> check(String unitCode, int reviewYear) {
        AdminMap map = maps.forReviewYear(reviewYear);
        if (exists(map, unitCode)) {
            return Optional.empty();
        }
        return Optional.of(new RuleViolation("unitCode", "unitCode.unknown",
                "Mã đơn vị " + unitCode + " không có trong danh mục hành chính " + map.id() + " (năm rà soát " + reviewYear
                        + "). Thôn ghi dạng <mã xã>-<mã thôn>, cả nước là VN.",
                "There is no unit " + unitCode + " in administrative map " + map.id() + " (review year " + reviewYear
                        + "). A village is written <communeCode>-<villageCode>, the whole country VN."));
    }

    private boolean exists(AdminMap map, String code) {
        if (AdminUnit.NATION_CODE.equals(code)) {
            return true;
        }
        for (UnitLevel level : new UnitLevel[] {UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE}) {
            if (map.unit(level, code).isPresent()) {
                return true;
            }
        }
        int dash = code.indexOf('-');
        return dash > 0
                && map.unit(UnitLevel.COMMUNE, code.substring(0, dash)).isPresent()
                && identifiers.villageCode(code.substring(dash + 1)).isEmpty();
    }
}
