package vn.povertyreview.sink;

import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The {@code sink_offset} table: where the sink resumes each partition. The upsert is in
 * {@code SinkOffsetDao/store.sql} beside this interface. An instance is bound to the handle it was
 * attached to; use it on that handle's thread.
 */
public interface SinkOffsetDao {

    /** Stores the next offsets, replacing those the groups stored for the same partitions. */
    @SqlBatch
    @UseClasspathSqlLocator
    void store(@BindMethods Iterable<SinkOffset> offsets);

    /** Next offset per partition number, for the partitions the group has stored. */
    @SqlQuery("""
            SELECT partition, next_offset
              FROM sink_offset
             WHERE consumer_group = :consumerGroup AND topic = :topic
            """)
    @KeyColumn("partition")
    @ValueColumn("next_offset")
    Map<Integer, Long> nextOffsets(@Bind("consumerGroup") String consumerGroup, @Bind("topic") String topic);
}
