package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.sink.DisagreementBuilder.aDisagreementOf;
import static vn.povertyreview.sink.RollupBuilder.aRollupOf;
import static vn.povertyreview.sink.TargetGapAlertBuilder.anAlertOf;
import static vn.povertyreview.sink.TargetStatusBuilder.aStatusOf;
import static vn.povertyreview.sink.TargetStatusBuilder.tombstoneOf;
import static vn.povertyreview.sink.TargetStatusBuilder.unit;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGNotification;
import org.postgresql.jdbc.PgConnection;
import vn.povertyreview.schemas.Classification;
import vn.povertyreview.schemas.TargetKind;
import vn.povertyreview.schemas.TargetMeasure;
import vn.povertyreview.schemas.TargetStatusKind;

/**
 * The target-statuses topic into {@code target_status} and the target-gap-alerts topic into the
 * append-only {@code target_gap_alert}, with the other topics in the same transaction.
 */
class TargetWriterTest {

    private static final String GROUP = "poverty-sink";
    private static final String ROLLUPS = RollupBuilder.TOPIC;
    private static final String DISAGREEMENTS = DisagreementBuilder.TOPIC;
    private static final String STATUSES = TargetStatusBuilder.TOPIC;
    private static final String ALERTS = TargetGapAlertBuilder.TOPIC;
    private static final String STATUS_ORDER = "review_year, unit_code, measure";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CHANNEL = "target_gap_alert";

    @RegisterExtension
    static final RunningPostgres postgres = new RunningPostgres();

    Jdbi jdbi;
    SinkWriter writer;
    Handle listener;

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(postgres.server());
        writer = new SinkWriter(jdbi, GROUP);
    }

    @AfterEach
    void closeListener() {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void writesEveryColumnOfAStatus() {
        Instant updatedAt = Instant.parse("2025-11-12T08:00:00.125Z");
        writer.write(List.of(aStatusOf(2025, "15271-TK1").named("Tiểu khu Tân Lập",
                        List.of(unit("15271", "Xã Hà Trung"), unit("38", "Tỉnh Thanh Hóa"), unit("VN", "Việt Nam")))
                .target(TargetKind.HOUSEHOLDS, "13").revision(4).updatedAt(updatedAt).at(0, 0)), Map.of());

        Map<String, Object> row = jdbi.withHandle(handle -> handle
                .createQuery("SELECT *, parents::text AS parents_text FROM target_status").mapToMap().one());
        assertThat(row).containsAllEntriesOf(Map.ofEntries(
                Map.entry("review_year", 2025), Map.entry("unit_code", "15271-TK1"), Map.entry("measure", "POVERTY_RATE"),
                Map.entry("unit_name", "Tiểu khu Tân Lập"), Map.entry("kind", "HOUSEHOLDS"),
                Map.entry("baseline_poor_households", 120L), Map.entry("baseline_total_households", 1_250L),
                Map.entry("baseline_stated", false), Map.entry("target_end_households", 95L),
                Map.entry("current_poor_households", 94L), Map.entry("current_total_households", 1_253L),
                Map.entry("gap_households", -1L), Map.entry("status", "AT_RISK"), Map.entry("year_closed", false),
                Map.entry("revision", 4L),
                Map.entry("parents_text", "[{\"code\": \"15271\", \"name\": \"Xã Hà Trung\"}, {\"code\": \"38\", \"name\": \"Tỉnh Thanh Hóa\"},"
                        + " {\"code\": \"VN\", \"name\": \"Việt Nam\"}]")));
        assertThat(row.keySet()).hasSize(25);
        assertThat((BigDecimal) row.get("target_value")).isEqualTo(new BigDecimal("13.0000"));
        assertThat((BigDecimal) row.get("baseline_rate")).isEqualTo(new BigDecimal("9.6000"));
        assertThat((BigDecimal) row.get("target_end_rate")).isEqualTo(new BigDecimal("7.6000"));
        assertThat((BigDecimal) row.get("current_rate")).isEqualTo(new BigDecimal("7.5000"));
        assertThat((BigDecimal) row.get("gap_points")).isEqualTo(new BigDecimal("-0.1000"));
        assertThat((BigDecimal) row.get("completion_percent")).isEqualTo(new BigDecimal("25.00"));
        assertThat((BigDecimal) row.get("reviewed_share")).isEqualTo(new BigDecimal("0.4132"));
        assertThat(jdbi.withHandle(handle -> handle.createQuery("SELECT updated_at FROM target_status").mapTo(OffsetDateTime.class).one())
                .toInstant()).isEqualTo(updatedAt);
        // The parents are searchable by code.
        long underThanhHoa = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM target_status WHERE parents @> '[{\"code\": \"38\"}]'").mapTo(Long.class).one());
        assertThat(underThanhHoa).isOne();
    }

    @Test
    void aHouseholdTargetEarlyInTheSeasonStoresItsEndRateAndGapHoweverLarge() {
        // 78 poor households allowed at the end, 1 household reviewed so far: the end rate is 7800%.
        writer.write(List.of(aStatusOf(2025, "15271").target(TargetKind.BASELINE_PERCENT, "35")
                .endRate("7800.0", "-7700.0").at(0, 0)), Map.of());
        writer.write(List.of(anAlertOf(2025, "15271").gapPoints("-123456789.1234").at(0, 0)), Map.of());

        assertThat(decimal("SELECT target_end_rate FROM target_status")).isEqualByComparingTo("7800");
        assertThat(decimal("SELECT gap_points FROM target_status")).isEqualByComparingTo("-7700");
        assertThat(decimal("SELECT gap_points FROM target_gap_alert")).isEqualByComparingTo("-123456789.1234");
    }

    private BigDecimal decimal(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(BigDecimal.class).one());
    }

    @Test
    void aStatusReplacesTheStoredRowOnlyWithAHigherRevision() {
        WrittenBatch inserted = writer.write(List.of(aStatusOf(2025, "15271").revision(2).at(0, 0)), Map.of());
        assertThat(inserted).isEqualTo(new WrittenBatch(1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0));

        WrittenBatch older = writer.write(List.of(aStatusOf(2025, "15271").revision(1)
                .status(TargetStatusKind.ON_TRACK, "6.1", "90.00").at(0, 1)), Map.of());
        WrittenBatch same = writer.write(List.of(aStatusOf(2025, "15271").revision(2)
                .status(TargetStatusKind.ON_TRACK, "6.1", "90.00").at(0, 2)), Map.of());

        assertThat(older.statusesChanged()).isZero();
        assertThat(same.statusesChanged()).isZero();
        assertThat(statuses()).containsExactly("2025/15271/POVERTY_RATE r2 AT_RISK 7.5000 25.00");

        WrittenBatch newer = writer.write(List.of(aStatusOf(2025, "15271").revision(3)
                .status(TargetStatusKind.ON_TRACK, "6.1", "90.00").at(0, 3)), Map.of());

        assertThat(newer.statusesChanged()).isOne();
        assertThat(statuses()).containsExactly("2025/15271/POVERTY_RATE r3 ON_TRACK 6.1000 90.00");
        assertThat(writer.storedOffsets(STATUSES)).isEqualTo(Map.of(0, 4L));
    }

    @Test
    void aTombstoneDeletesTheStatusOfItsTargetOnly() {
        writer.write(List.of(aStatusOf(2025, "15271").revision(5).at(0, 0),
                aStatusOf(2025, "15271").measure(TargetMeasure.ETHNIC_MINORITY_POVERTY_RATE).at(0, 1),
                aStatusOf(2025, "38").named("Tỉnh Thanh Hóa", List.of(unit("VN", "Việt Nam"))).at(1, 0)), Map.of());

        WrittenBatch deleted = writer.write(List.of(tombstoneOf(2025, "15271", 0, 2)), Map.of());
        WrittenBatch nothing = writer.write(List.of(tombstoneOf(2025, "15274", 0, 3)), Map.of());

        assertThat(deleted).isEqualTo(new WrittenBatch(1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0));
        assertThat(nothing.statusesDeleted()).isZero();
        assertThat(statuses()).extracting(status -> status.split(" ")[0])
                .containsExactly("2025/15271/ETHNIC_MINORITY_POVERTY_RATE", "2025/38/POVERTY_RATE");
        assertThat(writer.storedOffsets(STATUSES)).isEqualTo(Map.of(0, 4L, 1, 1L));

        // A target set again after its deletion starts a new row, whatever its revision.
        writer.write(List.of(aStatusOf(2025, "15271").revision(1).at(0, 4)), Map.of());
        assertThat(statuses()).contains("2025/15271/POVERTY_RATE r1 AT_RISK 7.5000 25.00");
    }

    @Test
    void theLastRecordOfATargetInABatchWins() {
        WrittenBatch batch = writer.write(List.of(
                aStatusOf(2025, "15271").revision(1).at(0, 0),
                tombstoneOf(2025, "15271", 0, 1),
                aStatusOf(2025, "15274").revision(1).at(1, 0),
                tombstoneOf(2025, "15274", 1, 1),
                aStatusOf(2025, "15274").revision(1).status(TargetStatusKind.ON_TRACK, "5.0", "80.00").at(1, 2)), Map.of());

        assertThat(batch).isEqualTo(new WrittenBatch(5, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0));
        assertThat(statuses()).containsExactly("2025/15274/POVERTY_RATE r1 ON_TRACK 5.0000 80.00");
    }

    @Test
    void writesEveryColumnOfAnAlertOnce() {
        WrittenBatch first = writer.write(List.of(anAlertOf(2025, "15271").at(0, 0)), Map.of());
        String stored = TestDatabases.dump(jdbi, "target_gap_alert", "alert_id");

        WrittenBatch replayed = writer.write(List.of(anAlertOf(2025, "15271").message("khác").at(0, 0)), Map.of());

        assertThat(first).isEqualTo(new WrittenBatch(1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1));
        assertThat(replayed).isEqualTo(new WrittenBatch(1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0));
        assertThat(TestDatabases.dump(jdbi, "target_gap_alert", "alert_id")).isEqualTo(stored);
        Map<String, Object> row = jdbi.withHandle(handle -> handle
                .createQuery("SELECT *, parents::text AS parents_text FROM target_gap_alert").mapToMap().one());
        assertThat(row).containsAllEntriesOf(Map.ofEntries(
                Map.entry("alert_id", "2025/15271/POVERTY_RATE/RATE_POINTS/2.0/AT_RISK"), Map.entry("review_year", 2025),
                Map.entry("unit_code", "15271"), Map.entry("unit_name", "Xã Hà Trung"), Map.entry("measure", "POVERTY_RATE"),
                Map.entry("kind", "RATE_POINTS"), Map.entry("status", "AT_RISK"), Map.entry("previous_status", "ON_TRACK"),
                Map.entry("year_closed", false), Map.entry("gap_households", 7L),
                Map.entry("message_vi", "Xã Hà Trung có nguy cơ không đạt chỉ tiêu giảm 2,0 điểm % tỷ lệ hộ nghèo năm 2025 \"cảnh báo\""),
                Map.entry("message_en", "Commune Hà Trung is at risk of missing its 2025 target"),
                Map.entry("parents_text", "[{\"code\": \"38\", \"name\": \"Tỉnh Thanh Hóa\"}, {\"code\": \"VN\", \"name\": \"Việt Nam\"}]")));
        assertThat(row.keySet()).hasSize(18);
        assertThat((BigDecimal) row.get("target_value")).isEqualTo(new BigDecimal("2.0000"));
        assertThat((BigDecimal) row.get("gap_points")).isEqualTo(new BigDecimal("0.5500"));
        assertThat((BigDecimal) row.get("completion_percent")).isEqualTo(new BigDecimal("12.50"));
        assertThat(jdbi.withHandle(handle -> handle.createQuery("SELECT raised_at FROM target_gap_alert").mapTo(OffsetDateTime.class).one())
                .toInstant()).isEqualTo(Instant.parse("2025-11-03T02:00:01.500Z"));
    }

    @Test
    void anAlertWithoutAPreviousStatusAndTheSameAlertTwiceInABatchAreStoredOnce() {
        WrittenBatch batch = writer.write(List.of(
                anAlertOf(2025, "15271").status(TargetStatusKind.AT_RISK, null).at(0, 0),
                anAlertOf(2025, "15271").status(TargetStatusKind.AT_RISK, null).at(0, 1),
                anAlertOf(2025, "15271").status(TargetStatusKind.MISSED, TargetStatusKind.AT_RISK).at(0, 2)), Map.of());

        assertThat(batch.alerts()).isEqualTo(2);
        assertThat(batch.alertsInserted()).isEqualTo(2);
        List<String> stored = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT status || ' after ' || coalesce(previous_status, '-') FROM target_gap_alert ORDER BY alert_id")
                .mapTo(String.class).list());
        assertThat(stored).containsExactly("AT_RISK after -", "MISSED after AT_RISK");
    }

    @Test
    void alertsCannotBeUpdatedDeletedOrTruncated() {
        writer.write(List.of(anAlertOf(2025, "15271").at(0, 0)), Map.of());

        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("UPDATE target_gap_alert SET message_en = 'changed'")))
                .hasMessageContaining("target_gap_alert is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("DELETE FROM target_gap_alert")))
                .hasMessageContaining("target_gap_alert is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute("TRUNCATE target_gap_alert")))
                .hasMessageContaining("target_gap_alert is append-only: TRUNCATE is not allowed");
        assertThat(TestDatabases.count(jdbi, "target_gap_alert")).isOne();
    }

    @Test
    void aListenerIsNotifiedOfANewAlertAndNotOfAReplayedOne() throws Exception {
        PgConnection pg = listen();
        TargetGapAlertBuilder alert = anAlertOf(2025, "15271");

        writer.write(List.of(alert.at(0, 0)), Map.of());

        List<PGNotification> received = awaitNotifications(pg, notification -> true);
        assertThat(received).singleElement().satisfies(notification -> {
            assertThat(notification.getName()).isEqualTo(CHANNEL);
            assertThat(notification.getParameter()).isEqualTo("{\"alertId\" : \"" + alert.alertId()
                    + "\", \"unitCode\" : \"15271\", \"status\" : \"AT_RISK\", \"reviewYear\" : 2025}");
        });

        writer.write(List.of(alert.at(0, 0)), Map.of());
        notifyMarker();

        // Notifications arrive in commit order: one for the replay would come before the marker.
        assertThat(awaitNotifications(pg, notification -> notification.getParameter().equals("marker")))
                .extracting(PGNotification::getParameter).containsExactly("marker");
    }

    @Test
    void replayingTheSameBatchesLeavesTheTablesIdentical() {
        List<List<ConsumerRecord<String, ?>>> batches = List.of(
                List.of(aStatusOf(2025, "15271").revision(1).at(0, 0), anAlertOf(2025, "15271").at(0, 0),
                        aStatusOf(2025, "38").revision(1).at(1, 0)),
                List.of(tombstoneOf(2025, "38", 1, 1), aStatusOf(2025, "15271").revision(2)
                        .status(TargetStatusKind.ON_TRACK, "6.0", "70.00").at(0, 1),
                        anAlertOf(2025, "15271").status(TargetStatusKind.MISSED, TargetStatusKind.AT_RISK).at(1, 0)),
                List.of(aStatusOf(2025, "38").revision(1).at(1, 2), aRollupOf(2025, "38").revision(3).at(0, 0)));
        batches.forEach(batch -> writer.write(batch, Map.of()));
        String statusesBefore = TestDatabases.dump(jdbi, "target_status", STATUS_ORDER);
        String alertsBefore = TestDatabases.dump(jdbi, "target_gap_alert", "alert_id");
        Map<TopicPartition, Long> offsetsBefore = writer.storedOffsets(List.of(ROLLUPS, STATUSES, ALERTS));

        batches.forEach(batch -> writer.write(batch, Map.of()));

        assertThat(TestDatabases.dump(jdbi, "target_status", STATUS_ORDER)).isEqualTo(statusesBefore);
        assertThat(TestDatabases.dump(jdbi, "target_gap_alert", "alert_id")).isEqualTo(alertsBefore);
        assertThat(statuses()).containsExactly("2025/15271/POVERTY_RATE r2 ON_TRACK 6.0000 70.00",
                "2025/38/POVERTY_RATE r1 AT_RISK 7.5000 25.00");
        assertThat(TestDatabases.count(jdbi, "target_gap_alert")).isEqualTo(2);
        assertThat(writer.storedOffsets(List.of(ROLLUPS, STATUSES, ALERTS))).isEqualTo(offsetsBefore).isEqualTo(Map.of(
                new TopicPartition(ROLLUPS, 0), 1L,
                new TopicPartition(STATUSES, 0), 2L,
                new TopicPartition(STATUSES, 1), 3L,
                new TopicPartition(ALERTS, 0), 1L,
                new TopicPartition(ALERTS, 1), 1L));
    }

    @Test
    void storesTheOffsetsOfAllFourTopicsWithTheirRows() {
        writer.write(List.of(
                aRollupOf(2025, "38").at(0, 41),
                aDisagreementOf(2025, "HH-A").at(0, 7),
                aStatusOf(2025, "15271").at(2, 12),
                anAlertOf(2025, "15271").at(1, 3)),
                // The alerts' partition 1 is past its last record, over a transaction marker.
                Map.of(new TopicPartition(ALERTS, 1), 5L));

        assertThat(writer.storedOffsets(List.of(ROLLUPS, DISAGREEMENTS, STATUSES, ALERTS))).isEqualTo(Map.of(
                new TopicPartition(ROLLUPS, 0), 42L,
                new TopicPartition(DISAGREEMENTS, 0), 8L,
                new TopicPartition(STATUSES, 2), 13L,
                new TopicPartition(ALERTS, 1), 5L));
        assertThat(TestDatabases.count(jdbi, "target_status")).isOne();
        assertThat(TestDatabases.count(jdbi, "target_gap_alert")).isOne();
    }

    @Test
    void leavesNeitherRowsNorOffsetsNorNotificationsWhenABatchFailsHalfway() throws Exception {
        writer.write(List.of(aStatusOf(2025, "15271").revision(1).at(0, 0), anAlertOf(2025, "15271").at(0, 0),
                aRollupOf(2025, "38").revision(1).at(0, 0)), Map.of());
        String statusesBefore = TestDatabases.dump(jdbi, "target_status", STATUS_ORDER);
        String alertsBefore = TestDatabases.dump(jdbi, "target_gap_alert", "alert_id");
        String rollupsBefore = TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year");
        Map<TopicPartition, Long> offsetsBefore = writer.storedOffsets(List.of(ROLLUPS, DISAGREEMENTS, STATUSES, ALERTS));
        PgConnection pg = listen();

        List<ConsumerRecord<String, ?>> failing = List.of(
                aRollupOf(2025, "38").revision(2).households(1_000, 50, 30).at(0, 1),
                aStatusOf(2025, "15271").revision(2).status(TargetStatusKind.ON_TRACK, "6.0", "70.00").at(0, 1),
                aStatusOf(2025, "15274").at(1, 0),
                anAlertOf(2025, "15271").status(TargetStatusKind.MISSED, TargetStatusKind.AT_RISK).at(0, 1),
                // A "disagreement" where both agree breaks the table's CHECK constraint after the statuses and alerts were written.
                aDisagreementOf(2025, "HH-C").classified(Classification.POOR, Classification.POOR).at(1, 1));
        assertThatThrownBy(() -> writer.write(failing, Map.of())).hasMessageContaining("classification_disagreement_disagrees");

        assertThat(TestDatabases.dump(jdbi, "target_status", STATUS_ORDER)).isEqualTo(statusesBefore);
        assertThat(TestDatabases.dump(jdbi, "target_gap_alert", "alert_id")).isEqualTo(alertsBefore);
        assertThat(TestDatabases.dump(jdbi, "unit_rollup", "unit_code, review_year")).isEqualTo(rollupsBefore);
        assertThat(writer.storedOffsets(List.of(ROLLUPS, DISAGREEMENTS, STATUSES, ALERTS))).isEqualTo(offsetsBefore).isEqualTo(Map.of(
                new TopicPartition(ROLLUPS, 0), 1L, new TopicPartition(STATUSES, 0), 1L, new TopicPartition(ALERTS, 0), 1L));
        notifyMarker();
        assertThat(awaitNotifications(pg, notification -> notification.getParameter().equals("marker")))
                .extracting(PGNotification::getParameter).containsExactly("marker");
    }

    @Test
    void refusesARecordOfATopicItDoesNotReadAndWritesNothing() {
        ConsumerRecord<String, ?> stranger = new ConsumerRecord<>("reduction-targets", 0, 0, "2025/15271/POVERTY_RATE", null);

        assertThatThrownBy(() -> writer.write(List.of(aStatusOf(2025, "15271").at(0, 0), anAlertOf(2025, "15271").at(0, 0), stranger),
                Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reduction-targets");
        assertThat(TestDatabases.count(jdbi, "target_status")).isZero();
        assertThat(TestDatabases.count(jdbi, "target_gap_alert")).isZero();
        assertThat(TestDatabases.count(jdbi, "sink_offset")).isZero();
    }

    /** Statuses as '<key> r<revision> <status> <currentRate> <completion>', in key order. */
    private List<String> statuses() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT review_year || '/' || unit_code || '/' || measure || ' r' || revision || ' ' || status || ' '
                               || current_rate || ' ' || completion_percent
                          FROM target_status ORDER BY""" + " " + STATUS_ORDER)
                .mapTo(String.class)
                .list());
    }

    /** A connection of its own listening on the alerts' channel. */
    private PgConnection listen() throws SQLException {
        listener = jdbi.open();
        listener.execute("LISTEN " + CHANNEL);
        return listener.getConnection().unwrap(PgConnection.class);
    }

    /** Sends a notification of its own on the channel, from another connection, committed after everything before. */
    private void notifyMarker() {
        jdbi.useHandle(handle -> handle.execute("SELECT pg_notify(?, 'marker')", CHANNEL));
    }

    /** The notifications received until one matches, in order; fails after {@link #PATIENCE}. */
    private static List<PGNotification> awaitNotifications(PgConnection pg, Predicate<PGNotification> last) throws SQLException {
        List<PGNotification> received = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            assertThat(remainingMillis).as("a notification within %s, received so far %s", PATIENCE, received).isPositive();
            PGNotification[] batch = pg.getNotifications((int) remainingMillis);
            if (batch == null) {
                continue;
            }
            for (PGNotification notification : batch) {
                received.add(notification);
                if (last.test(notification)) {
                    return received;
                }
            }
        }
    }
}
