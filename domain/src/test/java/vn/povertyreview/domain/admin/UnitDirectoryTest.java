package vn.povertyreview.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitDirectoryTest {

    private static final UnitDirectory DIRECTORY = new UnitDirectory(AdminMaps.official());

    private static List<String> codesAbove(Lineage lineage) {
        return lineage.above().stream().map(AdminUnit::code).toList();
    }

    @Test
    void aVillagesLineageIsItsCommuneThenUpTheYearsMapToTheNation() {
        Lineage twoLevel = DIRECTORY.lineage(2026, "15271-TK2").orElseThrow();
        Lineage threeLevel = DIRECTORY.lineage(2024, "15271-TK2").orElseThrow();

        assertThat(twoLevel.unit().level()).isEqualTo(UnitLevel.VILLAGE);
        assertThat(twoLevel.unit().code()).isEqualTo("15271-TK2");
        assertThat(codesAbove(twoLevel)).containsExactly("15271", "38", "VN");
        assertThat(twoLevel.above()).extracting(AdminUnit::name).containsExactly("Xã Hà Trung", "Tỉnh Thanh Hóa", "Việt Nam");
        // The same code in the 2024 map: Thị trấn Hà Trung, in Huyện Hà Trung.
        assertThat(codesAbove(threeLevel)).containsExactly("15271", "392", "38", "VN");
        assertThat(threeLevel.above().get(0).name()).isEqualTo("Thị trấn Hà Trung");
    }

    @Test
    void theNationHasNothingAboveItAndAUnitOutsideTheYearsMapHasNoLineage() {
        assertThat(DIRECTORY.lineage(2024, "384").map(UnitDirectoryTest::codesAbove)).contains(List.of("38", "VN"));
        assertThat(DIRECTORY.lineage(2025, "VN").orElseThrow().above()).isEmpty();
        assertThat(DIRECTORY.lineage(2025, "392")).as("districts were abolished in 2025").isEmpty();
        assertThat(DIRECTORY.lineage(2026, "99999-TK1")).isEmpty();
    }

    @Test
    void whatHoldsForAUnitOrAnyUnitAboveItHoldsForTheUnit() {
        Lineage village = DIRECTORY.lineage(2026, "15271-TK2").orElseThrow();

        assertThat(village.anyMatch(unit -> unit.code().equals("15271-TK2"))).as("the unit itself").isTrue();
        assertThat(village.anyMatch(unit -> unit.code().equals("15271"))).as("its commune").isTrue();
        assertThat(village.anyMatch(unit -> unit.code().equals("38"))).as("its province").isTrue();
        assertThat(village.anyMatch(unit -> unit.code().equals("15271-TK1"))).as("a sibling").isFalse();
        assertThat(DIRECTORY.lineage(2026, "15271").orElseThrow().anyMatch(unit -> unit.code().equals("15271-TK2")))
                .as("a village below").isFalse();
    }

    @Test
    void aUnitIsNamedWithTheUnitsAboveItUpToTheProvince() {
        assertThat(DIRECTORY.lineage(2026, "15271-TK2").orElseThrow().fullName("Thôn Tây Sơn"))
                .isEqualTo("Thôn Tây Sơn, Xã Hà Trung, Tỉnh Thanh Hóa");
        assertThat(DIRECTORY.lineage(2026, "15271").orElseThrow().fullName("Xã Hà Trung"))
                .isEqualTo("Xã Hà Trung, Tỉnh Thanh Hóa");
        assertThat(DIRECTORY.lineage(2024, "384").orElseThrow().fullName("Huyện Mường Lát"))
                .isEqualTo("Huyện Mường Lát, Tỉnh Thanh Hóa");
        assertThat(DIRECTORY.lineage(2024, "38").orElseThrow().fullName("Tỉnh Thanh Hóa")).isEqualTo("Tỉnh Thanh Hóa");
        assertThat(DIRECTORY.lineage(2024, "VN").orElseThrow().fullName("Việt Nam")).as("the nation, when it is the unit")
                .isEqualTo("Việt Nam");
    }
}
