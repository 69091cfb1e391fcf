package vn.povertyreview.sink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.povertyreview.schemas.AuditEvent;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.Topic;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.sink.audit.AuditEventTableWriter;
import vn.povertyreview.sink.disagreement.DisagreementTableWriter;
import vn.povertyreview.sink.rollup.RollupTableWriter;
import vn.povertyreview.sink.targets.TargetGapAlertTableWriter;
import vn.povertyreview.sink.targets.TargetStatusTableWriter;

/**
 * Writes polled batches of the sink's topics into their tables, together with the sink's next
 * offsets on every topic of the batch, in one database transaction per batch: after a crash the
 * tables and the stored offsets always agree, and replaying from the stored offsets changes nothing.
 * Each topic's records go to the {@link TableWriter} of its table: {@link RollupTableWriter},
 * {@link DisagreementTableWriter}, {@link TargetStatusTableWriter}, {@link TargetGapAlertTableWriter}
 * and {@link AuditEventTableWriter}.
 *
 * <p>Thread-safe: every call opens its own handle.
 */
public final class SinkWriter {

    private final Jdbi jdbi;
    private final String consumerGroup;
    private final RollupTableWriter rollups;
    private final DisagreementTableWriter disagreements;
    private final TargetStatusTableWriter statuses;
    private final TargetGapAlertTableWriter alerts;
    private final AuditEventTableWriter auditEvents;
    /** In the order in which a batch's transaction writes them. */
    private final List<TableWriter<?, ?>> tables;
    private final Map<String, TableWriter<?, ?>> tablesByTopic = new HashMap<>();

    /** A writer for the sink's group and topics. */
    public SinkWriter(Jdbi jdbi, SinkSettings settings) {
        this(jdbi, settings.groupId(), settings.topic(), settings.classificationDisagreementsTopic(), settings.targetStatusesTopic(),
                settings.targetGapAlertsTopic(), settings.auditEventsTopic());
    }

    /** A writer for the group and the topics' default names ({@link SinkSettings#defaults}). */
    public SinkWriter(Jdbi jdbi, String consumerGroup) {
        this(jdbi, consumerGroup, Topics.UNIT_ROLLUPS, Topics.CLASSIFICATION_DISAGREEMENTS, Topics.TARGET_STATUSES,
                Topics.TARGET_GAP_ALERTS, Topics.AUDIT_EVENTS);
    }

    private SinkWriter(Jdbi jdbi, String consumerGroup, String rollupsTopic, String disagreementsTopic, String statusesTopic,
            String alertsTopic, String auditEventsTopic) {
        this.jdbi = jdbi;
        this.consumerGroup = consumerGroup;
        this.rollups = new RollupTableWriter(topic(rollupsTopic, UnitRollup.class));
        this.disagreements = new DisagreementTableWriter(topic(disagreementsTopic, ClassificationDisagreement.class));
        this.statuses = new TargetStatusTableWriter(topic(statusesTopic, TargetStatus.class));
        this.alerts = new TargetGapAlertTableWriter(topic(alertsTopic, TargetGapAlert.class));
        this.auditEvents = new AuditEventTableWriter(topic(auditEventsTopic, AuditEvent.class));
        this.tables = List.of(rollups, statuses, alerts, disagreements, auditEvents);
        tables.forEach(table -> tablesByTopic.put(table.topic().name(), table));
    }

    /** A topic of the sink under this name, with the serdes the product's topics have ({@link Topics#named}). */
    private static <V extends SpecificRecord> Topic<String, V> topic(String name, Class<V> values) {
        return new Topic<>(name, Serdes.String(), AvroSerde.of(values));
    }

    /** The writers of the tables, one per topic. */
    List<TableWriter<?, ?>> tables() {
        return tables;
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
     * the given next offset and the offset after the partition's last record. The values are as the
     * sink's consumer reads them: each the row of its table ({@link TableWriter#row}), null for a
     * tombstone.
     *
     * @throws IllegalArgumentException for a record of another topic; nothing is written
     */
    public WrittenBatch write(List<? extends ConsumerRecord<String, ?>> records, Map<TopicPartition, Long> nextOffsets) {
        Map<TableWriter<?, ?>, List<ConsumerRecord<String, ?>>> recordsByTable = new HashMap<>();
        Map<TopicPartition, Long> offsets = new HashMap<>(nextOffsets);
        for (ConsumerRecord<String, ?> record : records) {
            TableWriter<?, ?> table = tablesByTopic.get(record.topic());
            if (table == null) {
                throw new IllegalArgumentException("a record of topic " + record.topic() + ", which this writer does not read ("
                        + String.join(", ", tablesByTopic.keySet()) + ")");
            }
            recordsByTable.computeIfAbsent(table, reading -> new ArrayList<>()).add(record);
            offsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        List<SinkOffset> positions = sinkOffsets(offsets);
        Map<TableWriter<?, ?>, TableChanges> changes = jdbi.inTransaction(handle -> {
            Map<TableWriter<?, ?>, TableChanges> written = new HashMap<>();
            for (TableWriter<?, ?> table : tables) {
                List<ConsumerRecord<String, ?>> ofTable = recordsByTable.get(table);
                if (ofTable != null) {
                    written.put(table, write(table, handle, ofTable));
                }
            }
            handle.attach(SinkOffsetDao.class).store(positions);
            return written;
        });
        return WrittenBatch.of(records.size(), changes.getOrDefault(rollups, TableChanges.NONE),
                changes.getOrDefault(disagreements, TableChanges.NONE), changes.getOrDefault(statuses, TableChanges.NONE),
                changes.getOrDefault(alerts, TableChanges.NONE), changes.getOrDefault(auditEvents, TableChanges.NONE));
    }

    @SuppressWarnings("unchecked") // The sink's consumer reads every value of a table's topic into that table's row.
    private static <R> TableChanges write(TableWriter<?, R> table, Handle handle, List<ConsumerRecord<String, ?>> records) {
        return table.write(handle, (List<ConsumerRecord<String, R>>) (List<?>) records);
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

    private List<SinkOffset> sinkOffsets(Map<TopicPartition, Long> offsets) {
        List<SinkOffset> positions = new ArrayList<>(offsets.size());
        offsets.forEach((partition, next) ->
                positions.add(new SinkOffset(consumerGroup, partition.topic(), partition.partition(), next)));
        positions.sort(Comparator.comparing(SinkOffset::topic).thenComparingInt(SinkOffset::partition));
        return positions;
    }
}
