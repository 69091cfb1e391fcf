package vn.povertyreview.sink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitRollup;

/**
 * Writes polled records of the sink's topics into their tables, together with the sink's next
 * offsets on every topic of the batch, in one database transaction per batch: after a crash the
 * tables and the stored offsets always agree, and replaying from the stored offsets changes nothing.
 *
 * <ul>
 *   <li>Rollups into {@code unit_rollup}: a rollup replaces a stored row only with a higher
 *       revision; a rollup tombstone is ignored.
 *   <li>Classification disagreements into {@code classification_disagreement}: a disagreement
 *       replaces the stored row of its household-year; a tombstone deletes it. Within a batch the
 *       last record of each household-year wins (one key is on one partition, in offset order).
 *   <li>Target statuses into {@code target_status}: a status replaces a stored row only with a higher
 *       revision; a tombstone (the target was deleted) deletes the row. Within a batch the last
 *       record of each target wins.
 *   <li>Target gap alerts into the append-only {@code target_gap_alert}: an alert is inserted once,
 *       a replayed one changes nothing; an alert tombstone is ignored. Each new row notifies the
 *       listeners of channel {@code target_gap_alert} when the transaction commits.
 * </ul>
 *
 * <p>Thread-safe: every call opens its own handle.
 */
public final class RollupWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RollupWriter.class);
    private static final Comparator<RollupRow> BY_KEY =
            Comparator.comparing(RollupRow::unitCode).thenComparingInt(RollupRow::reviewYear);
    private static final Comparator<HouseholdKey> BY_HOUSEHOLD_YEAR =
            Comparator.comparingInt(HouseholdKey::reviewYear).thenComparing(HouseholdKey::householdId);
    private static final Comparator<TargetKey> BY_TARGET =
            Comparator.comparingInt(TargetKey::reviewYear).thenComparing(TargetKey::unitCode).thenComparing(TargetKey::measure);

    private final Jdbi jdbi;
    private final String consumerGroup;
    private final String rollupsTopic;
    private final String disagreementsTopic;
    private final String statusesTopic;
    private final String alertsTopic;

    /** A writer for the topics' default names ({@link SinkSettings#defaults}). */
    public RollupWriter(Jdbi jdbi, String consumerGroup) {
        this(jdbi, consumerGroup, Topics.UNIT_ROLLUPS, Topics.CLASSIFICATION_DISAGREEMENTS);
    }

    /** A writer for these rollups and disagreements topics and the default names of the target topics. */
    public RollupWriter(Jdbi jdbi, String consumerGroup, String rollupsTopic, String disagreementsTopic) {
        this(jdbi, consumerGroup, rollupsTopic, disagreementsTopic, Topics.TARGET_STATUSES, Topics.TARGET_GAP_ALERTS);
    }

    public RollupWriter(Jdbi jdbi, String consumerGroup, String rollupsTopic, String disagreementsTopic, String statusesTopic,
            String alertsTopic) {
        this.jdbi = jdbi;
        this.consumerGroup = consumerGroup;
        this.rollupsTopic = rollupsTopic;
        this.disagreementsTopic = disagreementsTopic;
        this.statusesTopic = statusesTopic;
        this.alertsTopic = alertsTopic;
    }

    /** A writer for the sink's group and topics. */
    public RollupWriter(Jdbi jdbi, SinkSettings settings) {
        this(jdbi, settings.groupId(), settings.topic(), settings.classificationDisagreementsTopic(), settings.targetStatusesTopic(),
                settings.targetGapAlertsTopic());
    }

    /** Writes a polled batch and the consumer's position after it on each of its partitions. */
    public WrittenBatch write(ConsumerRecords<String, ?> polled) {
        List<ConsumerRecord<String, ?>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        // The position can be past the last record, over transaction markers and aborted records.
        polled.nextOffsets().forEach((partition, next) -> nextOffsets.put(partition, next.offset()));
        return write(records, nextOffsets);
    }

    /**
     * Writes the records, in the order of their offsets, and stores, per partition, the larger of
     * the given next offset and the offset after the partition's last record.
     *
     * @throws IllegalArgumentException for a record of another topic; nothing is written
     */
    public WrittenBatch write(List<? extends ConsumerRecord<String, ?>> records, Map<TopicPartition, Long> nextOffsets) {
        Map<UnitKey, RollupRow> latestRollups = new HashMap<>();
        Map<HouseholdKey, ConsumerRecord<String, ?>> latestDisagreements = new LinkedHashMap<>();
        Map<TargetKey, ConsumerRecord<String, ?>> latestStatuses = new HashMap<>();
        Map<String, TargetGapAlertRow> alerts = new LinkedHashMap<>();
        Map<TopicPartition, Long> offsets = new HashMap<>(nextOffsets);
        int tombstones = 0;
        for (ConsumerRecord<String, ?> record : records) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
            if (record.topic().equals(rollupsTopic)) {
                if (record.value() == null) {
                    tombstones++;
                    LOG.debug("Ignoring the tombstone for {} at {}-{} offset {}", record.key(), record.topic(), record.partition(), record.offset());
                    continue;
                }
                // The sink's consumer reads a rollup into its row once (SinkValueDeserializer); a UnitRollup value is read here.
                RollupRow row = record.value() instanceof RollupRow polled ? polled : RollupRow.of((UnitRollup) record.value());
                // One INSERT ... ON CONFLICT may not touch a row twice: keep the highest revision of each unit.
                latestRollups.merge(new UnitKey(row.reviewYear(), row.unitCode()), row,
                        (kept, candidate) -> candidate.revision() > kept.revision() ? candidate : kept);
            } else if (record.topic().equals(disagreementsTopic)) {
                HouseholdKey key = householdKey(record);
                if (key == null) {
                    tombstones++;
                    continue;
                }
                // The last record of a household-year decides; one statement may not touch a row twice.
                latestDisagreements.merge(key, record, RollupWriter::later);
            } else if (record.topic().equals(statusesTopic)) {
                TargetKey key = targetKey(record);
                if (key == null) {
                    tombstones++;
                    continue;
                }
                // The last record of a target decides; one statement may not touch a row twice.
                latestStatuses.merge(key, record, RollupWriter::later);
            } else if (record.topic().equals(alertsTopic)) {
                if (record.value() == null) {
                    tombstones++;
                    LOG.debug("Ignoring the tombstone for alert {} at {}-{} offset {}", record.key(), record.topic(), record.partition(),
                            record.offset());
                    continue;
                }
                TargetGapAlertRow alert = TargetGapAlertRow.of((TargetGapAlert) record.value());
                alerts.putIfAbsent(alert.alertId(), alert);
            } else {
                throw new IllegalArgumentException("a record of topic " + record.topic() + ", which this writer does not read ("
                        + rollupsTopic + ", " + disagreementsTopic + ", " + statusesTopic + ", " + alertsTopic + ")");
            }
        }
        List<RollupRow> rows = new ArrayList<>(latestRollups.values());
        // Rows in key order: concurrent writers then lock rows in the same order and cannot deadlock.
        rows.sort(BY_KEY);
        List<DisagreementRow> disagreements = new ArrayList<>();
        List<HouseholdKey> agreements = new ArrayList<>();
        latestDisagreements.forEach((key, record) -> {
            if (record.value() == null) {
                agreements.add(key);
            } else {
                disagreements.add(DisagreementRow.of((ClassificationDisagreement) record.value()));
            }
        });
        disagreements.sort(Comparator.comparing(DisagreementRow::key, BY_HOUSEHOLD_YEAR));
        agreements.sort(BY_HOUSEHOLD_YEAR);
        List<TargetStatusRow> statuses = new ArrayList<>();
        List<TargetKey> deletedTargets = new ArrayList<>();
        latestStatuses.forEach((key, record) -> {
            if (record.value() == null) {
                deletedTargets.add(key);
            } else {
                statuses.add(TargetStatusRow.of((TargetStatus) record.value()));
            }
        });
        statuses.sort(Comparator.comparing(TargetStatusRow::key, BY_TARGET));
        deletedTargets.sort(BY_TARGET);
        List<TargetGapAlertRow> newAlerts = new ArrayList<>(alerts.values());
        newAlerts.sort(Comparator.comparing(TargetGapAlertRow::alertId));
        List<SinkOffset> positions = sinkOffsets(offsets);
        int[][] changes = jdbi.inTransaction(handle -> {
            int rollupsChanged = rows.isEmpty() ? 0 : handle.attach(RollupDao.class).upsert(rows);
            TargetStatusDao statusDao = handle.attach(TargetStatusDao.class);
            int[] statusDeleteCounts = deletedTargets.isEmpty() ? new int[0]
                    : statusDao.delete(deletedTargets.stream().map(TargetStatusDao.StatusKey::of).toList());
            int[] statusCounts = statuses.isEmpty() ? new int[0] : statusDao.upsert(statuses);
            int[] alertCounts = newAlerts.isEmpty() ? new int[0] : handle.attach(TargetGapAlertDao.class).insert(newAlerts);
            DisagreementDao disagreementDao = handle.attach(DisagreementDao.class);
            int[] deleteCounts = agreements.isEmpty() ? new int[0] : disagreementDao.delete(agreements);
            if (!disagreements.isEmpty()) {
                disagreementDao.upsert(disagreements);
            }
            handle.attach(SinkOffsetDao.class).store(positions);
            return new int[][] {{rollupsChanged}, deleteCounts, statusCounts, statusDeleteCounts, alertCounts};
        });
        return new WrittenBatch(records.size(), rows.size(), changes[0][0], tombstones, disagreements.size(), changed(changes[1]),
                statuses.size(), changed(changes[2]), changed(changes[3]), newAlerts.size(), changed(changes[4]));
    }

    /** Stores the next offset of one partition alone, after a record that had to be skipped. */
    public void storeOffset(TopicPartition partition, long nextOffset) {
        List<SinkOffset> position = sinkOffsets(Map.of(partition, nextOffset));
        jdbi.useExtension(SinkOffsetDao.class, dao -> dao.store(position));
    }

    /** The stored next offsets of the topic's partitions, by partition number. */
    public Map<Integer, Long> storedOffsets(String topic) {
        return jdbi.withExtension(SinkOffsetDao.class, dao -> dao.nextOffsets(consumerGroup, topic));
    }

    /** The stored next offsets of the partitions of the topics, read in one transaction. */
    public Map<TopicPartition, Long> storedOffsets(Collection<String> topics) {
        return jdbi.inTransaction(handle -> {
            SinkOffsetDao dao = handle.attach(SinkOffsetDao.class);
            Map<TopicPartition, Long> stored = new HashMap<>();
            for (String topic : new TreeSet<>(topics)) {
                dao.nextOffsets(consumerGroup, topic).forEach((partition, next) -> stored.put(new TopicPartition(topic, partition), next));
            }
            return stored;
        });
    }

    /**
     * The household-year of a disagreement record: the value's for a value, the key's for a
     * tombstone; null for a tombstone whose key is not a household key, which is logged and ignored.
     */
    private static HouseholdKey householdKey(ConsumerRecord<String, ?> record) {
        if (record.value() != null) {
            ClassificationDisagreement disagreement = (ClassificationDisagreement) record.value();
            return new HouseholdKey(disagreement.getReviewYear(), disagreement.getHouseholdId());
        }
        try {
            return HouseholdKey.parse(record.key());
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the tombstone at {}-{} offset {}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }

    /**
     * The target of a status record: the value's for a value, the key's for a tombstone; null for a
     * tombstone whose key is not a target key, which is logged and ignored.
     */
    private static TargetKey targetKey(ConsumerRecord<String, ?> record) {
        if (record.value() != null) {
            return TargetStatusRow.key((TargetStatus) record.value());
        }
        try {
            return TargetKey.parse(record.key());
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the tombstone at {}-{} offset {}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }

    /** Of two records of one key, the one that comes later on its partition (or in the batch). */
    private static ConsumerRecord<String, ?> later(ConsumerRecord<String, ?> kept, ConsumerRecord<String, ?> candidate) {
        boolean samePartition = kept.partition() == candidate.partition() && kept.topic().equals(candidate.topic());
        return samePartition && candidate.offset() < kept.offset() ? kept : candidate;
    }

    private static int changed(int[] counts) {
        int changed = 0;
        for (int count : counts) {
            changed += count > 0 ? 1 : 0;
        }
        return changed;
    }

    private List<SinkOffset> sinkOffsets(Map<TopicPartition, Long> offsets) {
        List<SinkOffset> positions = new ArrayList<>(offsets.size());
        offsets.forEach((partition, next) ->
                positions.add(new SinkOffset(consumerGroup, partition.topic(), partition.partition(), next)));
        positions.sort(Comparator.comparing(SinkOffset::topic).thenComparingInt(SinkOffset::partition));
        return positions;
    }
}
