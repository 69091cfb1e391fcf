package vn.povertyreview.domain.movement;

import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.HouseholdPlace;

/** Builds household histories from village unit codes of the official maps. */
final class Households {

    static final AdminMaps MAPS = AdminMaps.official();
    static final AdminSuccession SUCCESSION = AdminSuccession.official(MAPS);

    private HouseholdHistory history = HouseholdHistory.empty();

    private Households() {
    }

    static Households aHousehold() {
        return new Households();
    }

    Households poorIn(int year, String villageUnitCode) {
        return in(year, Classification.POOR, villageUnitCode);
    }

    Households nearPoorIn(int year, String villageUnitCode) {
        return in(year, Classification.NEAR_POOR, villageUnitCode);
    }

    Households notPoorIn(int year, String villageUnitCode) {
        return in(year, Classification.NOT_POOR, villageUnitCode);
    }

    Households in(int year, Classification classification, String villageUnitCode) {
        history = history.with(year, classification, place(year, villageUnitCode));
        return this;
    }

    HouseholdHistory history() {
        return history;
    }

    /** The place of a village {@code <communeCode>-<villageCode>} in the map of {@code year}. */
    static HouseholdPlace place(int year, String villageUnitCode) {
        AdminMap map = MAPS.forReviewYear(year);
        String communeCode = villageUnitCode.substring(0, villageUnitCode.indexOf('-'));
        AdminUnit commune = map.unit(UnitLevel.COMMUNE, communeCode).orElseThrow();
        return new HouseholdPlace(villageUnitCode, communeCode, map.hasDistricts() ? commune.parentCode() : null,
                map.provinceOf(commune));
    }
}
