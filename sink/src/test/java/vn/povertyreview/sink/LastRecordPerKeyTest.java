package vn.povertyreview.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.povertyreview.schemas.HouseholdKey;

class LastRecordPerKeyTest {

    private static final String TOPIC = "classification-disagreements";
    private static final Comparator<HouseholdKey> ORDER =
            Comparator.comparingInt(HouseholdKey::reviewYear).thenComparing(HouseholdKey::householdId);

    /** A row of a household-year, in one version. */
    record Row(HouseholdKey key, String version) {
    }

    @Test
    void keepsTheLastRecordOfEachKeyAndGivesTheRowsInKeyOrder() {
        LastRecordPerKey<HouseholdKey, Row> last = lastOf(List.of(
                row(0, 0, "2025/HH-B", "b1"),
                row(0, 1, "2025/HH-A", "a1"),
                row(1, 0, "2024/HH-Z", "z1"),
                row(0, 2, "2025/HH-B", "b2")));

        assertThat(last.rows()).extracting(Row::version).containsExactly("z1", "a1", "b2");
        assertThat(last.deletedKeys()).isEmpty();
        assertThat(last.tombstonesIgnored()).isZero();
    }

    @Test
    void aRecordOfAnEarlierOffsetOnTheSamePartitionDoesNotReplaceALaterOne() {
        LastRecordPerKey<HouseholdKey, Row> last = lastOf(List.of(row(0, 5, "2025/HH-A", "a5"), row(0, 3, "2025/HH-A", "a3")));

        assertThat(last.rows()).extracting(Row::version).containsExactly("a5");
    }

    @Test
    void aKeyWhoseLastRecordIsATombstoneIsDeletedAndOneWhoseLastRecordIsAValueIsWritten() {
        LastRecordPerKey<HouseholdKey, Row> last = lastOf(List.of(
                row(0, 0, "2025/HH-A", "a1"),
                tombstone(0, 1, "2025/HH-A"),
                tombstone(1, 0, "2025/HH-B"),
                row(1, 1, "2025/HH-B", "b2"),
                tombstone(2, 0, "2024/HH-C")));

        assertThat(last.rows()).extracting(Row::version).containsExactly("b2");
        assertThat(last.deletedKeys()).containsExactly(new HouseholdKey(2024, "HH-C"), new HouseholdKey(2025, "HH-A"));
    }

    @Test
    void ignoresATombstoneWhoseKeyIsNotAKeyOfTheTable() {
        LastRecordPerKey<HouseholdKey, Row> last = lastOf(List.of(tombstone(0, 0, "HH-A"), row(0, 1, "2025/HH-A", "a1")));

        assertThat(last.tombstonesIgnored()).isOne();
        assertThat(last.rows()).extracting(Row::version).containsExactly("a1");
        assertThat(last.deletedKeys()).isEmpty();
    }

    private static LastRecordPerKey<HouseholdKey, Row> lastOf(List<ConsumerRecord<String, Row>> records) {
        return new LastRecordPerKey<>(records, Row::key, HouseholdKey::parse, ORDER);
    }

    private static ConsumerRecord<String, Row> row(int partition, long offset, String key, String version) {
        return new ConsumerRecord<>(TOPIC, partition, offset, key, new Row(HouseholdKey.parse(key), version));
    }

    private static ConsumerRecord<String, Row> tombstone(int partition, long offset, String key) {
        return new ConsumerRecord<>(TOPIC, partition, offset, key, null);
    }
}
