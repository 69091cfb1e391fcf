package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.sink.DisagreementBuilder.aDisagreementOf;
import static vn.povertyreview.sink.DisagreementBuilder.tombstoneOf;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.povertyreview.schemas.Area;
import vn.povertyreview.schemas.Classification;
import vn.povertyreview.sink.disagreement.DisagreementRow;

/** The classification-disagreements topic into {@code classification_disagreement}, with the rollups in the same transaction. */
class DisagreementWriterTest {

    private static final String GROUP = "poverty-sink";
    private static final String ROLLUPS = RollupBuilder.TOPIC;
    private static final String DISAGREEMENTS = DisagreementBuilder.TOPIC;
    private static final String KEY_ORDER = "review_year, household_id";

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
    void writesEveryColumnOfADisagreement() {
        Instant reviewedAt = Instant.parse("2024-11-12T08:00:00.125Z");
        writer.write(List.of(aDisagreementOf(2024, "HH-38-100001").review("rv-9", reviewedAt)
                .place("38", "392", "15271", "15271-TK1", Area.URBAN)
                .classified(Classification.NOT_POOR, Classification.POOR).income(1_800_000, 4).at(0, 0)), Map.of());

        assertThat(rows()).containsExactly(new DisagreementRow(2024, "HH-38-100001", "rv-9",
                OffsetDateTime.ofInstant(reviewedAt, ZoneOffset.UTC), "38", "392", "15271", "15271-TK1", "URBAN",
                "NOT_POOR", "POOR", 1_800_000, 4));
    }

    @Test
    void insertsADisagreementThenReplacesItWithANewerRecordThenDeletesItOnATombstone() {
        WrittenBatch inserted = writer.write(List.of(aDisagreementOf(2025, "HH-38-000007").at(1, 0)), Map.of());

        assertThat(inserted).isEqualTo(new WrittenBatch(1, 0, 0, 0, 1, 0));
        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.reviewId()).isEqualTo("rv-HH-38-000007-1");
            assertThat(row.reviewerClassification()).isEqualTo("POOR");
            assertThat(row.standardClassification()).isEqualTo("NEAR_POOR");
            assertThat(row.districtCode()).isNull();
        });

        writer.write(List.of(aDisagreementOf(2025, "HH-38-000007").review("rv-HH-38-000007-2", Instant.parse("2025-11-20T01:00:00Z"))
                .classified(Classification.NOT_POOR, Classification.POOR).income(900_000, 5).at(1, 1)), Map.of());

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.reviewId()).isEqualTo("rv-HH-38-000007-2");
            assertThat(row.reviewerClassification()).isEqualTo("NOT_POOR");
            assertThat(row.standardClassification()).isEqualTo("POOR");
            assertThat(row.incomePerCapitaMonthlyVnd()).isEqualTo(900_000);
            assertThat(row.deprivationCount()).isEqualTo(5);
        });

        WrittenBatch deleted = writer.write(List.of(tombstoneOf(2025, "HH-38-000007", 1, 2)), Map.of());

        assertThat(deleted).isEqualTo(new WrittenBatch(1, 0, 0, 0, 0, 1));
        assertThat(TestDatabases.count(jdbi, "classification_disagreement")).isZero();
        assertThat(writer.storedOffsets(DISAGREEMENTS)).isEqualTo(Map.of(1, 3L));
    }

    @Test
    void theLastRecordOfAHouseholdYearInABatchWins() {
        WrittenBatch batch = writer.write(List.of(
                aDisagreementOf(2025, "HH-A").at(0, 0),
                tombstoneOf(2025, "HH-A", 0, 1),
                aDisagreementOf(2025, "HH-A").review("rv-A-3", Instant.parse("2025-11-05T00:00:00Z")).at(0, 2),
                aDisagreementOf(2025, "HH-B").at(1, 0),
                tombstoneOf(2025, "HH-B", 1, 1),
                // The same household in another year is another row.
                aDisagreementOf(2026, "HH-A").at(2, 0)), Map.of());

        assertThat(batch).isEqualTo(new WrittenBatch(6, 0, 0, 0, 2, 0));
        assertThat(rows()).extracting(row -> row.reviewYear() + "/" + row.householdId() + " " + row.reviewId())
                .containsExactly("2025/HH-A rv-A-3", "2026/HH-A rv-HH-A-1");
        assertThat(writer.storedOffsets(DISAGREEMENTS)).isEqualTo(Map.of(0, 3L, 1, 2L, 2, 1L));
    }

    @Test
    void aTombstoneOfAHouseholdYearWithoutARowDeletesNothingButMovesTheOffset() {
        writer.write(List.of(aDisagreementOf(2025, "HH-A").at(0, 0)), Map.of());

        WrittenBatch batch = writer.write(List.of(tombstoneOf(2025, "HH-Z", 0, 1)), Map.of());

        assertThat(batch).isEqualTo(new WrittenBatch(1, 0, 0, 0, 0, 0));
        assertThat(rows()).extracting(DisagreementRow::householdId).containsExactly("HH-A");
        assertThat(writer.storedOffsets(DISAGREEMENTS)).isEqualTo(Map.of(0, 2L));
    }

    @Test
    void replayingTheSameBatchesFromTheStartLeavesBothTablesIdentical() {
        List<List<ConsumerRecord<String, ?>>> batches = List.of(
                List.of(aDisagreementOf(2025, "HH-A").at(0, 0), aRollupOf(2025, "15271").revision(1).at(0, 0),
                        aDisagreementOf(2025, "HH-B").at(1, 0)),
                List.of(tombstoneOf(2025, "HH-A", 0, 1), aRollupOf(2025, "15271").revision(2).at(0, 1),
                        aDisagreementOf(2025, "HH-B").classified(Classification.NEAR_POOR, Classification.NOT_POOR).at(1, 1)),
                List.of(aDisagreementOf(2025, "HH-A").review("rv-A-2", Instant.parse("2025-12-01T00:00:00Z")).at(0, 2),
                        aDisagreementOf(2025, "HH-C").at(2, 0), tombstoneOf(2025, "HH-C", 2, 1)));
        batches.forEach(batch -> writer.write(batch, Map.of()));
        String disagreementsBefore = TestDatabases.dump(jdbi, "classification_disagreement", KEY_ORDER);
        String rollupsBefore = TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year");
        Map<TopicPartition, Long> offsetsBefore = writer.storedOffsets(List.of(ROLLUPS, DISAGREEMENTS));

        batches.forEach(batch -> writer.write(batch, Map.of()));

        assertThat(TestDatabases.dump(jdbi, "classification_disagreement", KEY_ORDER)).isEqualTo(disagreementsBefore);
        assertThat(TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year")).isEqualTo(rollupsBefore);
        assertThat(rows()).extracting(row -> row.householdId() + " " + row.reviewId() + " " + row.reviewerClassification())
                .containsExactly("HH-A rv-A-2 POOR", "HH-B rv-HH-B-1 NEAR_POOR");
        assertThat(writer.storedOffsets(List.of(ROLLUPS, DISAGREEMENTS))).isEqualTo(offsetsBefore).isEqualTo(Map.of(
                new TopicPartition(ROLLUPS, 0), 2L,
                new TopicPartition(DISAGREEMENTS, 0), 3L,
                new TopicPartition(DISAGREEMENTS, 1), 2L,
                new TopicPartition(DISAGREEMENTS, 2), 2L));
    }

    @Test
    void storesTheOffsetsOfBothTopicsWithTheirRows() {
        writer.write(List.of(
                aRollupOf(2025, "38").at(0, 41),
                aDisagreementOf(2025, "HH-A").at(0, 7),
                aDisagreementOf(2025, "HH-B").at(2, 3)),
                // Partition 2 of the disagreements is past its last record, over a transaction marker.
                Map.of(new TopicPartition(DISAGREEMENTS, 2), 5L));

        assertThat(writer.storedOffsets(List.of(ROLLUPS, DISAGREEMENTS))).isEqualTo(Map.of(
                new TopicPartition(ROLLUPS, 0), 42L,
                new TopicPartition(DISAGREEMENTS, 0), 8L,
                new TopicPartition(DISAGREEMENTS, 2), 5L));
        assertThat(writer.storedOffsets(ROLLUPS)).isEqualTo(Map.of(0, 42L));
        assertThat(TestDatabases.count(jdbi, "unit_rollup")).isEqualTo(1);
        assertThat(TestDatabases.count(jdbi, "classification_disagreement")).isEqualTo(2);
    }

    @Test
    void leavesNeitherRowsNorOffsetsOfEitherTopicWhenABatchFailsHalfway() {
        writer.write(List.of(aRollupOf(2025, "38").revision(1).at(0, 0), aDisagreementOf(2025, "HH-A").at(0, 0)), Map.of());
        String rollupsBefore = TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year");
        String disagreementsBefore = TestDatabases.dump(jdbi, "classification_disagreement", KEY_ORDER);
        Map<TopicPartition, Long> offsetsBefore = writer.storedOffsets(List.of(ROLLUPS, DISAGREEMENTS));

        List<ConsumerRecord<String, ?>> failing = List.of(
                aRollupOf(2025, "38").revision(2).households(1_000, 50, 30).at(0, 1),
                tombstoneOf(2025, "HH-A", 0, 1),
                aDisagreementOf(2025, "HH-B").at(1, 0),
                // A "disagreement" where both agree breaks the table's CHECK constraint after the rollups were written.
                aDisagreementOf(2025, "HH-C").classified(Classification.POOR, Classification.POOR).at(1, 1),
                aDisagreementOf(2025, "HH-D").at(1, 2));
        assertThatThrownBy(() -> writer.write(failing, Map.of())).hasMessageContaining("classification_disagreement_disagrees");

        assertThat(TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year")).isEqualTo(rollupsBefore);
        assertThat(TestDatabases.dump(jdbi, "classification_disagreement", KEY_ORDER)).isEqualTo(disagreementsBefore);
        assertThat(writer.storedOffsets(List.of(ROLLUPS, DISAGREEMENTS))).isEqualTo(offsetsBefore).isEqualTo(Map.of(
                new TopicPartition(ROLLUPS, 0), 1L, new TopicPartition(DISAGREEMENTS, 0), 1L));
    }

    @Test
    void refusesARecordOfATopicItDoesNotReadAndWritesNothing() {
        ConsumerRecord<String, ?> stranger = new ConsumerRecord<>("household-reviews", 0, 0, "2025/HH-A", null);

        assertThatThrownBy(() -> writer.write(List.of(aDisagreementOf(2025, "HH-A").at(0, 0), stranger), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("household-reviews");
        assertThat(TestDatabases.count(jdbi, "classification_disagreement")).isZero();
        assertThat(TestDatabases.count(jdbi, "sink_offset")).isZero();
    }

    private List<DisagreementRow> rows() {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT * FROM classification_disagreement ORDER BY " + KEY_ORDER)
                .map(ConstructorMapper.of(DisagreementRow.class))
                .list());
    }
}
