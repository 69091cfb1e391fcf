package vn.povertyreview.domain.review;

import java.util.ArrayList;
import java.util.List;
import vn.povertyreview.domain.admin.AdminUnit;

/**
 * Where a reviewed household lives, as a checked chain of units of its review year's map.
 * {@code districtCode} is null in two-level years. Immutable and thread-safe.
 */
public record HouseholdPlace(String villageUnitCode, String communeCode, String districtCode, String provinceCode) {

    /** A village has no national code; it is known by its commune's code and its own code there. */
    public static String villageUnitCode(String communeCode, String villageCode) {
        return communeCode + "-" + villageCode;
    }

    /** The codes of every unit this household counts in, from its village up to the nation. */
    public List<String> unitCodes() {
        List<String> codes = new ArrayList<>(5);
        codes.add(villageUnitCode);
        codes.add(communeCode);
        if (districtCode != null) {
            codes.add(districtCode);
        }
        codes.add(provinceCode);
        codes.add(AdminUnit.NATION_CODE);
        return codes;
    }
}
