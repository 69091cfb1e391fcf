package vn.povertyreview.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.UnitDirectory;

class ScopeTest {

    private static final AdminMaps MAPS = AdminMaps.official();
    private static final UnitDirectory UNITS = new UnitDirectory(MAPS);

    @Test
    void aProvinceViewerCoversTheProvinceAndEveryUnitUnderItInEachYearsMap() {
        Scope thanhHoa = Scope.viewerOf(List.of("38"), List.of());

        assertThat(thanhHoa.covers(2024, "38", UNITS)).isTrue();
        assertThat(thanhHoa.covers(2024, "392", UNITS)).as("Huyện Hà Trung, 2024").isTrue();
        assertThat(thanhHoa.covers(2024, "15271", UNITS)).as("Thị trấn Hà Trung, 2024").isTrue();
        assertThat(thanhHoa.covers(2024, "15271-TK1", UNITS)).as("a village first seen in a review").isTrue();
        assertThat(thanhHoa.covers(2025, "15271", UNITS)).as("Xã Hà Trung, 2025").isTrue();
        assertThat(thanhHoa.covers(2026, "15271-TK9", UNITS)).isTrue();
    }

    @Test
    void aProvinceViewerCoversNeitherTheNationNorAnotherProvince() {
        Scope thanhHoa = Scope.viewerOf(List.of("38"), List.of());

        assertThat(thanhHoa.covers(2025, "VN", UNITS)).isFalse();
        assertThat(thanhHoa.covers(2025, "40", UNITS)).isFalse();
        assertThat(thanhHoa.covers(2024, "00004", UNITS)).as("a commune of Hà Nội").isFalse();
        assertThat(thanhHoa.covers(2025, "392", UNITS)).as("no districts in 2025").isFalse();
        assertThat(thanhHoa.covers(2025, "99999-TK1", UNITS)).as("a commune of no map").isFalse();
    }

    @Test
    void aCommuneViewerCoversItsCommuneAndItsVillagesOfEachYearsMapButNothingAboveThem() {
        Scope haTrung = Scope.viewerOf(List.of(), List.of("15271"));

        assertThat(haTrung.covers(2024, "15271", UNITS)).as("Thị trấn Hà Trung").isTrue();
        assertThat(haTrung.covers(2025, "15271", UNITS)).as("the merged Xã Hà Trung").isTrue();
        assertThat(haTrung.covers(2025, "15271-TK1", UNITS)).isTrue();
        assertThat(haTrung.covers(2024, "392", UNITS)).isFalse();
        assertThat(haTrung.covers(2025, "38", UNITS)).isFalse();
        assertThat(haTrung.covers(2024, "15304", UNITS)).as("Xã Hà Ngọc, merged into Xã Hà Trung in 2025, is not named").isFalse();
    }

    @Test
    void aViewerOfACommuneThatWasMergedAwayCoversItsOldYearsOnly() {
        Scope haNgoc = Scope.viewerOf(List.of(), List.of("15304"));

        assertThat(haNgoc.covers(2024, "15304", UNITS)).isTrue();
        assertThat(haNgoc.covers(2024, "15304-T3", UNITS)).isTrue();
        assertThat(haNgoc.covers(2025, "15304", UNITS)).as("not a commune of the two-level map").isFalse();
        assertThat(haNgoc.covers(2025, "15271", UNITS)).as("the commune it went into holds other households too").isFalse();
    }

    @Test
    void theAdminCoversAndMayActForEverything() {
        assertThat(Scope.admin().covers(2025, "VN", UNITS)).isTrue();
        assertThat(Scope.admin().covers(2024, "no-such-unit", UNITS)).isTrue();
        assertThat(Scope.admin().mayActFor("15271")).isTrue();
    }

    @Test
    void aReviewerActsForItsCommuneCodesOnlyAndAViewerForNone() {
        Scope reviewer = Scope.reviewerOf(List.of("15271", "15286"));

        assertThat(reviewer.mayActFor("15271")).isTrue();
        assertThat(reviewer.mayActFor("15274")).isFalse();
        assertThat(Scope.reviewerOf(List.of()).mayActFor("15271")).isFalse();
        assertThat(Scope.viewerOf(List.of(), List.of("15271")).mayActFor("15271")).isFalse();
        assertThat(reviewer.covers(2025, "15271-TK1", UNITS)).isTrue();
        assertThat(reviewer.covers(2025, "38", UNITS)).isFalse();
    }

    @Test
    void codesThatAreNoUnitOfTheirLevelInAnyMapAreReported() {
        Scope scope = Scope.viewerOf(List.of("38", "35", "99"), List.of("15304", "392"));

        assertThat(scope.unknownUnits(MAPS)).as("35 Hà Nam is a 2024 province; 392 is a district")
                .containsExactly("province 99", "commune 392");
    }

    @Test
    void aViewerNeedsAUnitAndCodesAreKeptSortedWithoutRepeats() {
        assertThatThrownBy(() -> Scope.viewerOf(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one province or commune");
        assertThatThrownBy(() -> Scope.viewerOf(List.of(" "), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("province code is empty");

        Scope scope = Scope.viewerOf(List.of("40", "38", "40"), List.of("15271"));

        assertThat(scope.provinceCodes()).containsExactly("38", "40");
        assertThat(scope).hasToString("viewer of provinces 38, 40 and communes 15271")
                .isEqualTo(Scope.viewerOf(List.of("38", "40"), List.of("15271")));
    }
}
