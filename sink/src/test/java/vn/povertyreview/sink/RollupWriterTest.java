package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.sink.RollupBuilder.TOPIC;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.domain.rollup.Rates;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.domain.rollup.UnitReport;
import vn.povertyreview.domain.standard.PovertyStandards;
import vn.povertyreview.sink.rollup.RollupRow;

class RollupWriterTest {

    private static final String GROUP = "poverty-sink";
    private static final PovertyStandards STANDARDS = PovertyStandards.official();

    @RegisterExtension
    static final RunningPostgres postgres = new RunningPostgres();

    Jdbi jdbi;
    SinkWriter writer;

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(postgres.server());
        writer = new SinkWriter(jdbi, GROUP);
    }

    @Test
    void writesEveryColumnOfARollup() {
        Instant updatedAt = Instant.parse("2024-12-01T03:04:05.678Z");
        writer.write(List.of(aRollupOf(2024, "15271").households(1_234, 98, 76).revision(7).updatedAt(updatedAt).at(0, 0)), Map.of());

        Map<String, Object> row = jdbi.withHandle(handle -> handle
                .createQuery("SELECT unit_code, review_year, map_id, unit_level, unit_name, parent_code, total_households,"
                        + " poor_households, near_poor_households, round(poor_rate, 4) AS poor_rate, round(near_poor_rate, 4) AS near_poor_rate,"
                        + " revision, updated_at FROM unit_rollup")
                .mapToMap()
                .one());
        assertThat(row).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("unit_code", "15271"), Map.entry("review_year", 2024), Map.entry("map_id", "2025-03-01"),
                Map.entry("unit_level", "COMMUNE"), Map.entry("unit_name", "Thị trấn Hà Trung"), Map.entry("parent_code", "392"),
                Map.entry("total_households", 1_234L), Map.entry("poor_households", 98L), Map.entry("near_poor_households", 76L),
                Map.entry("poor_rate", new BigDecimal("7.9417")), Map.entry("near_poor_rate", new BigDecimal("6.1588")),
                Map.entry("revision", 7L), Map.entry("updated_at", row.get("updated_at"))));
        OffsetDateTime storedTime = jdbi.withHandle(handle -> handle
                .createQuery("SELECT updated_at FROM unit_rollup").mapTo(OffsetDateTime.class).one());
        assertThat(storedTime.toInstant()).isEqualTo(updatedAt);
        byte[] storedName = jdbi.withHandle(handle -> handle
                .createQuery("SELECT convert_to(unit_name, 'UTF8') FROM unit_rollup").mapTo(byte[].class).one());
        assertThat(storedName).isEqualTo("Thị trấn Hà Trung".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesEveryFigureAndMeasureIntoItsColumn() {
        UnitReport report = UnitReport.of(distinctCounts(0, 60), STANDARDS.forReviewYear(2025));
        assertThat(report.figures()).hasSize(Figure.values().length);
        assertThat(report.measures()).hasSize(Measure.values().length);

        writer.write(List.of(aRollupOf(2025, "15271").report(report).at(0, 0)), Map.of());

        assertEveryFigureAndMeasureInItsColumn(row("15271", 2025), report);
    }

    @Test
    void writesEveryFigureAndMeasureOfARecordThatCarriesCountsAsTheYearsStandardDerivesThem() {
        Tally sum = distinctCounts(0, 60);
        UnitReport report = UnitReport.of(sum, STANDARDS.forReviewYear(2025));

        writer.write(List.of(aRollupOf(2025, "15271").counts(sum).at(0, 0)), Map.of());

        assertEveryFigureAndMeasureInItsColumn(row("15271", 2025), report);
    }

    private static void assertEveryFigureAndMeasureInItsColumn(Map<String, Object> row, UnitReport report) {
        for (Figure figure : Figure.values()) {
            assertThat(row.get(figure.column())).as("%s in %s", figure, figure.column()).isEqualTo(report.figures().get(figure));
        }
        for (Measure measure : Measure.values()) {
            if (measure.isRate()) {
                // The database computes it from the counts, unrounded: at four decimals it is Streams' rate.
                assertThat(((BigDecimal) row.get(measure.column())).setScale(Rates.SCALE, RoundingMode.HALF_UP))
                        .as("%s in %s", measure, measure.column()).isEqualTo(report.measures().get(measure));
            } else {
                assertThat(row.get(measure.column())).as("%s in %s", measure, measure.column()).isEqualTo(report.measures().get(measure));
            }
        }
        assertThat(row.get("multidimensional_intensity")).isEqualTo(new BigDecimal("0.333333"));
    }

    @Test
    void storesANameWithBackslashesTabsAndLineBreaksExactlyAsWritten() {
        String name = "Thôn \\ Đông\tTây\nNam\r\\N";
        writer.write(List.of(aRollupOf(2025, "15271").named(name).at(0, 0)), Map.of());

        assertThat(row("15271", 2025)).containsEntry("unit_name", name).containsEntry("parent_code", "38");
    }

    @Test
    void writesNullForTheAverageLivingOfA2027RecordThatCarriesCounts() {
        writer.write(List.of(aRollupOf(2027, "15271").counts(distinctCounts(0, 0)).at(0, 0)), Map.of());

        assertThat(row("15271", 2027))
                .containsEntry("average_living", null)
                .containsEntry("average_living_agriculture", null)
                .containsEntry("multidimensional_intensity", null)
                .containsEntry("total_households", 1_000L);
    }

    @Test
    void writesNullForAnAverageLivingFigureAndAMeasureThatAreNotSet() {
        // 2027: the standard sets no average-living band; nobody is multidimensionally poor, so no intensity.
        UnitReport report = UnitReport.of(distinctCounts(0, 0), STANDARDS.forReviewYear(2027));
        assertThat(report.figures()).doesNotContainKeys(Figure.AVERAGE_LIVING, Figure.AVERAGE_LIVING_AGRICULTURE);
        assertThat(report.measures()).doesNotContainKey(Measure.MULTIDIMENSIONAL_INTENSITY);

        writer.write(List.of(aRollupOf(2027, "15271").report(report).at(0, 0)), Map.of());

        Map<String, Object> row = row("15271", 2027);
        assertThat(row)
                .containsEntry("average_living", null)
                .containsEntry("average_living_agriculture", null)
                .containsEntry("multidimensional_intensity", null)
                .containsEntry("multidimensionally_poor", 0L)
                .containsEntry("multidimensional_headcount_ratio", new BigDecimal("0.000000"))
                .containsEntry("poor_deprived_telecom", report.figures().get(Figure.POOR_DEPRIVED_TELECOM))
                .containsEntry("newly_escaped", report.figures().get(Figure.NEWLY_ESCAPED));
    }

    @Test
    void writesNullForTheFiguresOfARecordWrittenBeforeTheyExisted() {
        writer.write(List.of(aRollupOf(2024, "15271").households(1_234, 98, 76).at(0, 0)), Map.of());

        Map<String, Object> row = row("15271", 2024);
        assertThat(row)
                .containsEntry("total_households", 1_234L)
                .containsEntry("poor_households", 98L)
                .containsEntry("near_poor_households", 76L);
        // The database computes the rates from the counts, unrounded (98 / 1234 × 100 = 7.94165…).
        assertThat((BigDecimal) row.get("poor_rate")).isEqualByComparingTo(
                new BigDecimal(9_800).divide(new BigDecimal(1_234), ((BigDecimal) row.get("poor_rate")).scale(), RoundingMode.HALF_UP));
        assertThat(((BigDecimal) row.get("near_poor_rate")).setScale(4, RoundingMode.HALF_UP)).isEqualTo(new BigDecimal("6.1588"));
        Set<String> explicit = Set.of("total_households", "poor_households", "near_poor_households", "poor_rate", "near_poor_rate");
        for (Figure figure : Figure.values()) {
            if (!explicit.contains(figure.column())) {
                assertThat(row).as(figure.column()).containsEntry(figure.column(), null);
            }
        }
        for (Measure measure : Measure.values()) {
            if (!explicit.contains(measure.column())) {
                assertThat(row).as(measure.column()).containsEntry(measure.column(), null);
            }
        }
    }

    @Test
    void anOlderRevisionDoesNotOverwriteTheNewColumnsAndANewerOneReplacesThemAll() {
        UnitReport stored = UnitReport.of(distinctCounts(0, 60), STANDARDS.forReviewYear(2025));
        writer.write(List.of(aRollupOf(2025, "15271").report(stored).revision(5).at(0, 0)), Map.of());
        String tableBefore = TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year");

        UnitReport older = UnitReport.of(distinctCounts(7, 61), STANDARDS.forReviewYear(2025));
        WrittenBatch late = writer.write(List.of(aRollupOf(2025, "15271").report(older).revision(4).at(0, 1)), Map.of());

        assertThat(late.rowsChanged()).isZero();
        assertThat(TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year")).isEqualTo(tableBefore);

        UnitReport newer = UnitReport.of(distinctCounts(3, 0), STANDARDS.forReviewYear(2025));
        WrittenBatch replaced = writer.write(List.of(aRollupOf(2025, "15271").report(newer).revision(6).at(0, 2)), Map.of());

        assertThat(replaced.rowsChanged()).isEqualTo(1);
        assertThat(row("15271", 2025))
                .containsEntry("revision", 6L)
                .containsEntry("poor_deprived_employment", newer.figures().get(Figure.POOR_DEPRIVED_EMPLOYMENT))
                .containsEntry("multidimensional_intensity", null);
    }

    @Test
    void ignoresFiguresAndMeasuresThisVersionDoesNotKnow() {
        writer.write(List.of(aRollupOf(2025, "15271").households(500, 40, 30)
                .maps(Map.of("ESCAPED", 4L, "A_FIGURE_FROM_THE_FUTURE", 9L), Map.of("A_MEASURE_FROM_THE_FUTURE", "1.5")).at(0, 0)), Map.of());

        assertThat(row("15271", 2025)).containsEntry("escaped", 4L).containsEntry("poor_households", 40L);
    }

    @Test
    void ignoresAnOlderRevisionArrivingAfterANewerOne() {
        writer.write(List.of(aRollupOf(2024, "15271").households(500, 40, 30).revision(5).at(0, 0)), Map.of());

        WrittenBatch late = writer.write(List.of(aRollupOf(2024, "15271").households(500, 45, 30).revision(4).at(0, 1)), Map.of());

        assertThat(late.rowsChanged()).isZero();
        assertThat(poorHouseholds("15271", 2024)).isEqualTo(40);
        assertThat(revision("15271", 2024)).isEqualTo(5);
    }

    @Test
    void replacesARollupWithAHigherRevision() {
        writer.write(List.of(aRollupOf(2024, "15271").households(500, 40, 30).revision(5).at(0, 0)), Map.of());

        WrittenBatch newer = writer.write(List.of(aRollupOf(2024, "15271").households(500, 39, 31).revision(6).at(0, 1)), Map.of());

        assertThat(newer.rowsChanged()).isEqualTo(1);
        assertThat(poorHouseholds("15271", 2024)).isEqualTo(39);
    }

    @Test
    void replayingTheSameBatchesFromTheStartLeavesTheTableIdentical() {
        List<List<ConsumerRecord<String, RollupRow>>> batches = List.of(
                List.of(aRollupOf(2024, "38").revision(1).at(0, 0), aRollupOf(2024, "392").revision(1).at(1, 0)),
                List.of(aRollupOf(2024, "15271").revision(1).at(2, 0),
                        aRollupOf(2024, "38").households(2_000, 120, 80).revision(2)
                                .updatedAt(Instant.parse("2024-12-24T10:00:00.001Z")).at(0, 1)),
                List.of(aRollupOf(2025, "15271").revision(1).at(2, 1), aRollupOf(2024, "392").revision(3).at(1, 1)));
        batches.forEach(batch -> writer.write(batch, Map.of()));
        String tableBefore = TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year");
        Map<Integer, Long> offsetsBefore = writer.storedOffsets(TOPIC);

        int changedByReplay = batches.stream().mapToInt(batch -> writer.write(batch, Map.of()).rowsChanged()).sum();

        assertThat(changedByReplay).isZero();
        assertThat(TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year")).isEqualTo(tableBefore);
        assertThat(writer.storedOffsets(TOPIC)).isEqualTo(offsetsBefore).isEqualTo(Map.of(0, 2L, 1, 2L, 2, 2L));
    }

    @Test
    void keepsTheHighestRevisionWhenABatchHoldsAUnitSeveralTimes() {
        WrittenBatch batch = writer.write(List.of(
                aRollupOf(2024, "15271").households(500, 41, 30).revision(2).at(0, 0),
                aRollupOf(2024, "15271").households(500, 44, 30).revision(5).at(0, 1),
                aRollupOf(2024, "15271").households(500, 43, 30).revision(3).at(0, 2)), Map.of());

        assertThat(batch).isEqualTo(new WrittenBatch(3, 1, 1, 0, 0, 0));
        assertThat(poorHouseholds("15271", 2024)).isEqualTo(44);
        assertThat(revision("15271", 2024)).isEqualTo(5);
    }

    @Test
    void storesTheNextOffsetOfEveryPartitionWithTheRows() {
        writer.write(List.of(aRollupOf(2024, "38").at(0, 10), aRollupOf(2024, "392").at(0, 11), aRollupOf(2024, "15271").at(3, 4)),
                // Partition 3's position is past its last record, over a transaction marker.
                Map.of(new TopicPartition(TOPIC, 3), 6L));

        assertThat(writer.storedOffsets(TOPIC)).isEqualTo(Map.of(0, 12L, 3, 6L));
        assertThat(new SinkWriter(jdbi, "another-group").storedOffsets(TOPIC)).isEmpty();
    }

    @Test
    void leavesNeitherRowsNorOffsetsWhenABatchFailsHalfway() {
        writer.write(List.of(aRollupOf(2024, "38").revision(1).at(0, 0)), Map.of());
        String tableBefore = TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year");

        List<ConsumerRecord<String, RollupRow>> failing = List.of(
                aRollupOf(2024, "38").revision(2).households(1_000, 50, 30).at(0, 1),
                // Negative counts break the table's CHECK constraint in the middle of the batch.
                aRollupOf(2024, "392").households(1_000, -1, 30).at(0, 2),
                aRollupOf(2024, "15271").at(0, 3));
        assertThatThrownBy(() -> writer.write(failing, Map.of())).hasMessageContaining("unit_rollup_counts_not_negative");

        assertThat(TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year")).isEqualTo(tableBefore);
        assertThat(writer.storedOffsets(TOPIC)).isEqualTo(Map.of(0, 1L));
    }

    @Test
    void skipsTombstonesButMovesTheOffsetPastThem() {
        WrittenBatch batch = writer.write(List.of(
                aRollupOf(2024, "15271").at(1, 0),
                new ConsumerRecord<>(TOPIC, 1, 1, "2024/15274", null)), Map.of());

        assertThat(batch).isEqualTo(new WrittenBatch(2, 1, 1, 1, 0, 0));
        assertThat(TestDatabases.count(jdbi, "unit_rollup")).isEqualTo(1);
        assertThat(writer.storedOffsets(TOPIC)).isEqualTo(Map.of(1, 2L));
    }

    @Test
    void storesTheOffsetAfterASkippedRecordAlone() {
        writer.storeOffset(new TopicPartition(TOPIC, 2), 8);

        assertThat(writer.storedOffsets(TOPIC)).isEqualTo(Map.of(2, 8L));
        assertThat(TestDatabases.count(jdbi, "unit_rollup")).isZero();
    }

    /**
     * Counts of a unit of 1,000 households, 52 poor and 37 near-poor, where every other figure has
     * its own count (plus {@code shift}), so that a figure written into another's column shows.
     */
    private static Tally distinctCounts(long shift, long multidimensionallyPoor) {
        long[] counts = new long[Figure.values().length];
        for (Figure figure : Figure.values()) {
            counts[figure.ordinal()] = 100 + figure.ordinal() + shift;
        }
        counts[Figure.HOUSEHOLDS.ordinal()] = 1_000;
        counts[Figure.POOR.ordinal()] = 52;
        counts[Figure.NEAR_POOR.ordinal()] = 37;
        counts[Figure.MULTIDIMENSIONALLY_POOR.ordinal()] = multidimensionallyPoor;
        counts[Figure.MULTIDIMENSIONAL_DEPRIVATIONS.ordinal()] = 4 * multidimensionallyPoor;
        return Tally.of(counts);
    }

    private Map<String, Object> row(String unitCode, int reviewYear) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT * FROM unit_rollup WHERE unit_code = :code AND review_year = :year")
                .bind("code", unitCode)
                .bind("year", reviewYear)
                .mapToMap()
                .one());
    }

    private long poorHouseholds(String unitCode, int reviewYear) {
        return column("poor_households", unitCode, reviewYear);
    }

    private long revision(String unitCode, int reviewYear) {
        return column("revision", unitCode, reviewYear);
    }

    private long column(String column, String unitCode, int reviewYear) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + column + " FROM unit_rollup WHERE unit_code = :code AND review_year = :year")
                .bind("code", unitCode)
                .bind("year", reviewYear)
                .mapTo(Long.class)
                .one());
    }
}
