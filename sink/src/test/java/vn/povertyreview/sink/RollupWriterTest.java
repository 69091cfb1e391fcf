package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.sink.RollupBuilder.TOPIC;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.embedded.EmbeddedPostgresServer;
import vn.povertyreview.schemas.UnitRollup;

class RollupWriterTest {

    private static final String GROUP = "poverty-sink";

    @TempDir
    static Path dataDir;

    static EmbeddedPostgresServer postgres;

    Jdbi jdbi;
    RollupWriter writer;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start(dataDir, false);
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(postgres);
        writer = new RollupWriter(jdbi, GROUP);
    }

    @Test
    void writesEveryColumnOfARollup() {
        Instant updatedAt = Instant.parse("2024-12-01T03:04:05.678Z");
        writer.write(List.of(aRollupOf(2024, "15271").households(1_234, 98, 76).revision(7).updatedAt(updatedAt).at(0, 0)), Map.of());

        RollupRow row = jdbi.withHandle(handle -> handle
                .createQuery("SELECT * FROM unit_rollup")
                .map(ConstructorMapper.of(RollupRow.class))
                .one());
        assertThat(row).isEqualTo(new RollupRow("15271", 2024, "2025-03-01", "COMMUNE", "Thị trấn Hà Trung", "392",
                1_234, 98, 76, new BigDecimal("7.9417"), new BigDecimal("6.1588"), 7,
                OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC)));
        byte[] storedName = jdbi.withHandle(handle -> handle
                .createQuery("SELECT convert_to(unit_name, 'UTF8') FROM unit_rollup").mapTo(byte[].class).one());
        assertThat(storedName).isEqualTo("Thị trấn Hà Trung".getBytes(StandardCharsets.UTF_8));
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
        List<List<ConsumerRecord<String, UnitRollup>>> batches = List.of(
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

        assertThat(batch).isEqualTo(new WrittenBatch(3, 1, 1, 0));
        assertThat(poorHouseholds("15271", 2024)).isEqualTo(44);
        assertThat(revision("15271", 2024)).isEqualTo(5);
    }

    @Test
    void storesTheNextOffsetOfEveryPartitionWithTheRows() {
        writer.write(List.of(aRollupOf(2024, "38").at(0, 10), aRollupOf(2024, "392").at(0, 11), aRollupOf(2024, "15271").at(3, 4)),
                // Partition 3's position is past its last record, over a transaction marker.
                Map.of(new TopicPartition(TOPIC, 3), 6L));

        assertThat(writer.storedOffsets(TOPIC)).isEqualTo(Map.of(0, 12L, 3, 6L));
        assertThat(new RollupWriter(jdbi, "another-group").storedOffsets(TOPIC)).isEmpty();
    }

    @Test
    void leavesNeitherRowsNorOffsetsWhenABatchFailsHalfway() {
        writer.write(List.of(aRollupOf(2024, "38").revision(1).at(0, 0)), Map.of());
        String tableBefore = TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year");

        List<ConsumerRecord<String, UnitRollup>> failing = List.of(
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

        assertThat(batch).isEqualTo(new WrittenBatch(2, 1, 1, 1));
        assertThat(TestDatabases.count(jdbi, "unit_rollup")).isEqualTo(1);
        assertThat(writer.storedOffsets(TOPIC)).isEqualTo(Map.of(1, 2L));
    }

    @Test
    void storesTheOffsetAfterASkippedRecordAlone() {
        writer.storeOffset(new TopicPartition(TOPIC, 2), 8);

        assertThat(writer.storedOffsets(TOPIC)).isEqualTo(Map.of(2, 8L));
        assertThat(TestDatabases.count(jdbi, "unit_rollup")).isZero();
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
