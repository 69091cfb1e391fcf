package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.povertyreview.domain.admin.AdminUnit;

/**
 * 36 poor and 36 near-poor of 715 households (5.034965…%) at every level: stored rounded to four
 * decimals (5.0350) and rounded again, they would read 5.04; rounded once they read 5.03.
 */
class RatesRoundedOnceTest {

    private static final BigDecimal ROUNDED_ONCE = new BigDecimal("5.03");

    @RegisterExtension
    static final RunningPostgres postgres = new RunningPostgres();

    Jdbi jdbi;

    @BeforeEach
    void thirtySixOfSevenHundredFifteenAtEveryLevel() {
        jdbi = TestDatabases.fresh(postgres.server());
        new SinkWriter(jdbi, "poverty-sink").write(List.of(
                aRollupOf(2024, "15271-TK1").households(715, 36, 36).at(0, 0),
                aRollupOf(2024, "15271").households(715, 36, 36).at(0, 1),
                aRollupOf(2024, "392").households(715, 36, 36).at(0, 2),
                aRollupOf(2024, "38").households(715, 36, 36).at(0, 3),
                aRollupOf(2024, AdminUnit.NATION_CODE).households(715, 36, 36).at(0, 4)), Map.of());
    }

    @Test
    void everyLevelShowsTheRateRoundedOnce() {
        List<Map<String, Object>> rows = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT unit_level, round(poor_rate, 2) AS poor, round(near_poor_rate, 2) AS near_poor FROM unit_rollup")
                .mapToMap().list());

        assertThat(rows).extracting(row -> row.get("unit_level"))
                .containsExactlyInAnyOrder("VILLAGE", "COMMUNE", "DISTRICT", "PROVINCE", "NATION");
        assertThat(rows).allSatisfy(row -> {
            assertThat((BigDecimal) row.get("poor")).as("poor rate of the %s", row.get("unit_level")).isEqualTo(ROUNDED_ONCE);
            assertThat((BigDecimal) row.get("near_poor")).as("near-poor rate of the %s", row.get("unit_level"))
                    .isEqualTo(ROUNDED_ONCE);
        });
    }

    @Test
    void theAnalystViewsShowTheRateRoundedOnce() {
        for (String view : List.of("province_poverty", "district_poverty", "commune_poverty")) {
            BigDecimal rate = jdbi.withHandle(handle -> handle.createQuery("SELECT round(near_poor_rate, 2) FROM " + view)
                    .mapTo(BigDecimal.class).one());
            assertThat(rate).as(view).isEqualTo(ROUNDED_ONCE);
        }
    }

    @Test
    void theStoredRateIsTheQuotientOfTheCountsNotAFourDecimalRounding() {
        BigDecimal stored = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT near_poor_rate FROM unit_rollup WHERE unit_code = '15271'").mapTo(BigDecimal.class).one());

        assertThat(stored.scale()).isGreaterThan(4);
        assertThat(stored.subtract(new BigDecimal("5.0349650349650350")).abs()).isLessThan(new BigDecimal("1e-15"));
    }
}
