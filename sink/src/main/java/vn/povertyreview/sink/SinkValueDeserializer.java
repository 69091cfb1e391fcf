package vn.povertyreview.sink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the values of the sink's topics, each once, into the row its table's writer stores: the
 * value serde of the writer's {@link TableWriter#topic} decodes it and {@link TableWriter#row} makes
 * the row; a tombstone stays null. A value that cannot be stored (say a decimal that is not a
 * decimal number) is unreadable too, so the sink skips it like any record it cannot read instead of
 * retrying its batch forever.
 */
final class SinkValueDeserializer implements Deserializer<Object> {

    private final Map<String, Deserializer<?>> rowsByTopic = new HashMap<>();

    SinkValueDeserializer(List<TableWriter<?, ?>> tables) {
        tables.forEach(table -> rowsByTopic.put(table.topic().name(), rowsOf(table)));
    }

    private static <V, R> Deserializer<R> rowsOf(TableWriter<V, R> table) {
        Deserializer<V> values = table.topic().valueSerde().deserializer();
        return (topic, data) -> {
            V value = values.deserialize(topic, data);
            try {
                return table.row(value);
            } catch (IllegalArgumentException e) {
                throw new SerializationException(e.getMessage(), e);
            }
        };
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Deserializer<?> rows = rowsByTopic.get(topic);
        if (rows == null) {
            throw new SerializationException("the sink does not read topic " + topic);
        }
        return rows.deserialize(topic, data);
    }
}
