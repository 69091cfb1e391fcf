package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnalystViewsTest {

    @RegisterExtension
    static final RunningPostgres postgres = new RunningPostgres();

    Jdbi jdbi;

    @BeforeEach
    void rollupsOfHaTrungInTwoMaps() {
        jdbi = TestDatabases.fresh(postgres.server());
        new SinkWriter(jdbi, "poverty-sink").write(List.of(
                aRollupOf(2024, "38").households(1_000_000, 31_200, 42_100).at(0, 0),
                aRollupOf(2024, "392").households(32_000, 1_100, 1_500).at(0, 1),
                aRollupOf(2024, "15271").households(2_500, 40, 61).at(0, 2),
                aRollupOf(2025, "38").households(1_010_000, 24_000, 39_000).at(0, 3),
                aRollupOf(2025, "15271").households(7_900, 160, 230).at(0, 4)), Map.of());
    }

    @Test
    void provinceViewNamesTheProvince() {
        assertThat(rows("SELECT review_year, province_code, province_name, poor_households, round(poor_rate, 4)::text AS poor_rate"
                + " FROM province_poverty ORDER BY review_year"))
                .containsExactly(
                        Map.of("review_year", 2024, "province_code", "38", "province_name", "Tỉnh Thanh Hóa",
                                "poor_households", 31_200L, "poor_rate", "3.1200"),
                        Map.of("review_year", 2025, "province_code", "38", "province_name", "Tỉnh Thanh Hóa",
                                "poor_households", 24_000L, "poor_rate", "2.3762"));
    }

    @Test
    void districtViewNamesTheDistrictAndItsProvince() {
        assertThat(rows("SELECT district_code, district_name, province_code, province_name, round(near_poor_rate, 4)::text AS near_poor_rate"
                + " FROM district_poverty WHERE review_year = 2024"))
                .containsExactly(Map.of("district_code", "392", "district_name", "Huyện Hà Trung",
                        "province_code", "38", "province_name", "Tỉnh Thanh Hóa", "near_poor_rate", "4.6875"));
    }

    @Test
    void communeViewShowsTheDistrictInThreeLevelYears() {
        assertThat(rows("SELECT commune_name, district_code, district_name, province_code, province_name, total_households"
                + " FROM commune_poverty WHERE review_year = 2024 AND commune_code = '15271'"))
                .containsExactly(Map.of("commune_name", "Thị trấn Hà Trung", "district_code", "392",
                        "district_name", "Huyện Hà Trung", "province_code", "38", "province_name", "Tỉnh Thanh Hóa",
                        "total_households", 2_500L));
    }

    @Test
    void communeViewHasNoDistrictInTwoLevelYears() {
        List<Map<String, Object>> rows = rows("SELECT commune_name, district_code, district_name, province_code, province_name"
                + " FROM commune_poverty WHERE review_year = 2025");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("commune_name", "Xã Hà Trung")
                .containsEntry("district_code", null)
                .containsEntry("district_name", null)
                .containsEntry("province_code", "38")
                .containsEntry("province_name", "Tỉnh Thanh Hóa");
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapToMap().list());
    }
}
