package vn.povertyreview.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdminMapsTest {

    private static final AdminMaps MAPS = AdminMaps.official();

    @Test
    void threeLevelMapHoldsEveryOfficialUnitBeforeTheReform() {
        AdminMap map = MAPS.forReviewYear(2024);
        assertThat(map.id()).isEqualTo("2025-03-01");
        assertThat(map.hasDistricts()).isTrue();
        assertThat(map.units(UnitLevel.PROVINCE)).hasSize(63);
        assertThat(map.units(UnitLevel.DISTRICT)).hasSize(696);
        assertThat(map.units(UnitLevel.COMMUNE)).hasSize(10_047);
    }

    @Test
    void twoLevelMapHasNoDistrictsFrom2025() {
        AdminMap map = MAPS.forReviewYear(2025);
        assertThat(map.id()).isEqualTo("2025-07-01");
        assertThat(map.hasDistricts()).isFalse();
        assertThat(map.units(UnitLevel.PROVINCE)).hasSize(34);
        assertThat(map.units(UnitLevel.DISTRICT)).isEmpty();
        assertThat(map.units(UnitLevel.COMMUNE)).hasSize(3_321);
    }

    @Test
    void sameCodeNamesDifferentUnitsInTheTwoMaps() {
        assertThat(MAPS.forReviewYear(2024).unit(UnitLevel.COMMUNE, "15271").orElseThrow())
                .extracting(AdminUnit::name, AdminUnit::parentCode)
                .containsExactly("Thị trấn Hà Trung", "392");
        assertThat(MAPS.forReviewYear(2025).unit(UnitLevel.COMMUNE, "15271").orElseThrow())
                .extracting(AdminUnit::name, AdminUnit::parentCode)
                .containsExactly("Xã Hà Trung", "38");
    }

    @Test
    void eachMapGovernsItsOwnReviewYears() {
        assertThat(MAPS.reviewYearsOf("2025-03-01").boxed()).containsExactly(2022, 2023, 2024);
        assertThat(MAPS.reviewYearsOf("2025-07-01").boxed()).containsExactly(2025, 2026, 2027, 2028, 2029, 2030);
        assertThat(MAPS.reviewYearsOf("2019-01-01")).isEmpty();
    }

    @Test
    void findsACommunesProvinceThroughItsDistrictOnlyWhereThereAreDistricts() {
        AdminMap before = MAPS.forReviewYear(2024);
        AdminMap after = MAPS.forReviewYear(2025);
        assertThat(before.provinceOf(before.unit(UnitLevel.COMMUNE, "15271").orElseThrow())).isEqualTo("38");
        assertThat(after.provinceOf(after.unit(UnitLevel.COMMUNE, "15271").orElseThrow())).isEqualTo("38");
        assertThat(before.communesOf("38")).extracting(AdminUnit::code).contains("15271", "15304");
        assertThat(after.communesOf("38")).extracting(AdminUnit::code).contains("15271").doesNotContain("15304");
        assertThat(after.communesOf("38")).allSatisfy(commune -> assertThat(commune.parentCode()).isEqualTo("38"));
        assertThat(after.communesOf("99")).isEmpty();
    }

    @Test
    void provincesHangUnderTheNation() {
        AdminMap map = MAPS.forReviewYear(2025);
        assertThat(map.unit(UnitLevel.PROVINCE, "38").orElseThrow().parentCode()).isEqualTo(AdminUnit.NATION_CODE);
        assertThat(map.nation().parentCode()).isNull();
    }

    @Test
    void refusesAMapWhoseCommuneNamesAMissingDistrict() {
        String csv = "level,code,name,type,parent_code\n"
                + "PROVINCE,01,Thành phố Hà Nội,Thành phố Trung ương,\n"
                + "DISTRICT,001,Quận Ba Đình,Quận,01\n"
                + "COMMUNE,00001,Phường Phúc Xá,Phường,002\n";
        assertThatThrownBy(() -> AdminMap.fromCsv("test", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("COMMUNE 00001 names parent 002");
    }

    @Test
    void refusesAMalformedLineNamingIt() {
        String csv = "level,code,name,type,parent_code\nPROVINCE,01,Hà Nội\n";
        assertThatThrownBy(() -> AdminMap.fromCsv("test", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 2").hasMessageContaining("expected 5 columns");
    }

    @Test
    void directoryNamesVillagesByCodeUnderTheirCommune() {
        UnitDirectory directory = new UnitDirectory(MAPS);
        assertThat(directory.find(2024, "15271-TK1").orElseThrow())
                .extracting(AdminUnit::level, AdminUnit::name, AdminUnit::parentCode)
                .containsExactly(UnitLevel.VILLAGE, "TK1", "15271");
        assertThat(directory.find(2024, "392").orElseThrow().level()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(directory.find(2025, "392")).isEmpty();
        assertThat(directory.find(2025, "VN").orElseThrow().level()).isEqualTo(UnitLevel.NATION);
    }
}
