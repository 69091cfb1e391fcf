package vn.povertyreview.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdminSuccessionTest {

    private static final AdminMaps MAPS = AdminMaps.official();
    private static final AdminSuccession SUCCESSION = AdminSuccession.official(MAPS);

    private static final String OLD_MAP = "level,code,name,type,parent_code\n"
            + "PROVINCE,38,Tỉnh Thanh Hóa,Tỉnh,\n"
            + "DISTRICT,392,Huyện Hà Trung,Huyện,38\n"
            + "COMMUNE,15271,Thị trấn Hà Trung,Thị trấn,392\n"
            + "COMMUNE,15304,Xã Hà Ngọc,Xã,392\n";
    private static final String NEW_MAP = "level,code,name,type,parent_code\n"
            + "PROVINCE,38,Tỉnh Thanh Hóa,Tỉnh,\n"
            + "COMMUNE,15271,Xã Hà Trung,Xã,38\n"
            + "COMMUNE,15286,Xã Hoạt Giang,Xã,38\n";
    private static final String HEADER = "level,new_code,new_name,old_code,old_name,coverage\n";
    private static final String PROVINCE_ROW = "PROVINCE,38,Tỉnh Thanh Hóa,38,Tỉnh Thanh Hóa,FULL\n";

    private static AdminSuccession load(String csv) {
        return AdminSuccession.fromCsv("test", stream(csv), AdminMap.fromCsv("old", stream(OLD_MAP)), AdminMap.fromCsv("new", stream(NEW_MAP)));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void followsACommuneIntoEveryNewCommuneItWentInto() {
        assertThat(SUCCESSION.successors("15304")).containsExactly("15271");
        assertThat(SUCCESSION.successors("15271")).containsExactly("15271", "15286");
        assertThat(SUCCESSION.successors("15328")).containsExactly("15271", "15286");
        assertThat(SUCCESSION.successors("99999")).isEmpty();
    }

    @Test
    void attributesToTheSuccessorThatKeptTheCodeThenTheWholeThenTheFirstListed() {
        // Thị trấn Hà Trung was split; Xã Hà Trung kept its code.
        assertThat(SUCCESSION.primarySuccessor("15271")).contains("15271");
        // Phường Ngọc Khánh was split three ways; the second listed kept its code.
        assertThat(SUCCESSION.successors("00025")).containsExactly("00008", "00025", "00199");
        assertThat(SUCCESSION.primarySuccessor("00025")).contains("00025");
        // Xã Hà Ngọc went wholly into Xã Hà Trung.
        assertThat(SUCCESSION.primarySuccessor("15304")).contains("15271");
        // Xã Hà Bình was split and no part kept its code.
        assertThat(SUCCESSION.primarySuccessor("15328")).contains("15271");
        assertThat(SUCCESSION.primarySuccessor("99999")).isEmpty();
    }

    @Test
    void everyCommuneOfTheThreeLevelMapHasAPrimarySuccessorInTheTwoLevelMap() {
        AdminMap after = MAPS.forReviewYear(2025);
        for (AdminUnit commune : MAPS.forReviewYear(2024).units(UnitLevel.COMMUNE)) {
            String successor = SUCCESSION.primarySuccessor(commune.code()).orElseThrow();
            assertThat(after.unit(UnitLevel.COMMUNE, successor)).as("successor of %s", commune.code()).isPresent();
        }
        assertThat(SUCCESSION.fromMap().id()).isEqualTo("2025-03-01");
        assertThat(SUCCESSION.toMap().id()).isEqualTo("2025-07-01");
    }

    @Test
    void followsProvincesToo() {
        assertThat(SUCCESSION.provinceSuccessors("35")).containsExactly("37");
        assertThat(SUCCESSION.primaryProvinceSuccessor("35")).contains("37");
        assertThat(SUCCESSION.primaryProvinceSuccessor("38")).contains("38");
    }

    @Test
    void refusesAMalformedLineNamingIt() {
        assertThatThrownBy(() -> load(HEADER + PROVINCE_ROW + "COMMUNE,15271,Xã Hà Trung,15304\n"))
                .hasMessageContaining("line 3").hasMessageContaining("expected 6 columns");
        assertThatThrownBy(() -> load(HEADER + "COMMUNE,15271,Xã Hà Trung,15304,Xã Hà Ngọc,WHOLE\n"))
                .hasMessageContaining("line 2").hasMessageContaining("coverage 'WHOLE'");
        assertThatThrownBy(() -> load(HEADER + "DISTRICT,392,Huyện Hà Trung,392,Huyện Hà Trung,FULL\n"))
                .hasMessageContaining("line 2").hasMessageContaining("level 'DISTRICT'");
        assertThatThrownBy(() -> load("level,code\n")).hasMessageContaining("expected header");
    }

    @Test
    void refusesCodesOutsideTheirMapsAndContradictoryRows() {
        assertThatThrownBy(() -> load(HEADER + "COMMUNE,15999,Xã Mới,15304,Xã Hà Ngọc,FULL\n"))
                .hasMessageContaining("line 2").hasMessageContaining("new COMMUNE 15999 is not in map new");
        assertThatThrownBy(() -> load(HEADER + "COMMUNE,15271,Xã Hà Trung,15999,Xã Cũ,FULL\n"))
                .hasMessageContaining("line 2").hasMessageContaining("old COMMUNE 15999 is not in map old");
        assertThatThrownBy(() -> load(HEADER + "COMMUNE,15271,Xã Hà Trung,15304,Xã Hà Ngọc,FULL\n"
                + "COMMUNE,15286,Xã Hoạt Giang,15304,Xã Hà Ngọc,PARTIAL\n"))
                .hasMessageContaining("line 3").hasMessageContaining("wholly into one unit and also into another");
        assertThatThrownBy(() -> load(HEADER + "COMMUNE,15271,Xã Hà Trung,15271,Thị trấn Hà Trung,PARTIAL\n"
                + "COMMUNE,15271,Xã Hà Trung,15271,Thị trấn Hà Trung,PARTIAL\n"))
                .hasMessageContaining("line 3").hasMessageContaining("repeats COMMUNE 15271 → 15271");
    }

    @Test
    void refusesAListThatLeavesAnOldUnitWithoutSuccessor() {
        assertThatThrownBy(() -> load(HEADER + PROVINCE_ROW + "COMMUNE,15271,Xã Hà Trung,15304,Xã Hà Ngọc,FULL\n"))
                .hasMessageContaining("COMMUNE 15271 (Thị trấn Hà Trung) of map old has no successor");

        AdminSuccession complete = load(HEADER + PROVINCE_ROW
                + "COMMUNE,15271,Xã Hà Trung,15271,Thị trấn Hà Trung,PARTIAL\n"
                + "COMMUNE,15271,Xã Hà Trung,15304,Xã Hà Ngọc,FULL\n"
                + "COMMUNE,15286,Xã Hoạt Giang,15271,Thị trấn Hà Trung,PARTIAL\n");
        assertThat(complete.successors("15271")).containsExactly("15271", "15286");
    }
}
