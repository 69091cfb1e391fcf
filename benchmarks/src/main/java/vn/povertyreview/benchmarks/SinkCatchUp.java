package vn.povertyreview.benchmarks;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import vn.povertyreview.sink.SinkOffsetDao;

/**
 * Whether the rollup sink has written every committed rollup into PostgreSQL: the next offsets
 * it stored in {@code sink_offset}, in the same transactions as the rows, leave no committed
 * record of unit-rollups unread. Only meaningful once Streams has stopped writing rollups.
 * Not thread-safe.
 */
final class SinkCatchUp {

    private static final long UNREAD_READ_LIMIT = 10_000;

    private final RunningSink sink;
    private final Jdbi jdbi;
    private final String group;
    private final String topic;
    private final TopicOffsets offsets;
    private final UnreadRecords unread;

    SinkCatchUp(PipelineRig rig, RunningSink sink) {
        this.sink = sink;
        this.jdbi = rig.jdbi();
        this.group = sink.settings().groupId();
        this.topic = sink.settings().topic();
        this.offsets = rig.offsets();
        this.unread = rig.unreadRecords();
    }

    Check check() {
        sink.requireRunning();
        long unreadRollups = unread.count(storedOffsets(), UNREAD_READ_LIMIT);
        if (unreadRollups > 0) {
            return Check.waiting((unreadRollups > UNREAD_READ_LIMIT ? "many" : String.format("%,d", unreadRollups))
                    + " rollups not yet in PostgreSQL");
        }
        return Check.DONE;
    }

    /**
     * How far the offsets in {@code sink_offset} sit before the log end of unit-rollups, summed over
     * partitions. Once caught up, only transaction markers lie in between: a lag monitor comparing
     * the two would show this much lag for ever.
     */
    long offsetsShortOfLogEnd() {
        return TopicOffsets.distance(storedOffsets(), offsets.ends(topic, IsolationLevel.READ_UNCOMMITTED));
    }

    private Map<TopicPartition, Long> storedOffsets() {
        Map<Integer, Long> stored = jdbi.withExtension(SinkOffsetDao.class, dao -> dao.nextOffsets(group, topic));
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : offsets.partitionsOf(topic)) {
            from.put(partition, stored.getOrDefault(partition.partition(), 0L));
        }
        return from;
    }
}
