package vn.povertyreview.sink;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.UnitRollup;

/**
 * Reads the values of the sink's two topics, each with its own schema: {@link UnitRollup} on the
 * rollups topic, {@link ClassificationDisagreement} on the classification-disagreements topic; a
 * tombstone stays null. A rollup whose measures are not decimal numbers is unreadable too, so the
 * sink skips it like any record it cannot read instead of retrying its batch forever.
 */
final class SinkValueDeserializer implements Deserializer<SpecificRecord> {

    private final String rollupsTopic;
    private final String disagreementsTopic;
    private final Deserializer<UnitRollup> rollups = AvroSerde.of(UnitRollup.class).deserializer();
    private final Deserializer<ClassificationDisagreement> disagreements = AvroSerde.of(ClassificationDisagreement.class).deserializer();

    SinkValueDeserializer(String rollupsTopic, String disagreementsTopic) {
        this.rollupsTopic = rollupsTopic;
        this.disagreementsTopic = disagreementsTopic;
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (topic.equals(rollupsTopic)) {
            UnitRollup rollup = rollups.deserialize(topic, data);
            try {
                RollupRow.of(rollup);
            } catch (IllegalArgumentException e) {
                throw new SerializationException(e.getMessage(), e);
            }
            return rollup;
        }
        if (topic.equals(disagreementsTopic)) {
            return disagreements.deserialize(topic, data);
        }
        throw new SerializationException("the sink does not read topic " + topic);
    }
}
