package vn.povertyreview.sink;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.UnitRollup;

/**
 * Reads the values of the sink's topics, each with its own schema: {@link UnitRollup} on the
 * rollups topic, read once into the {@link RollupRow} the writer stores,
 * {@link ClassificationDisagreement} on the classification-disagreements topic,
 * {@link TargetStatus} on the target-statuses topic, {@link TargetGapAlert} on the target-gap-alerts
 * topic; a tombstone stays null. A rollup, status or alert whose decimals are not decimal numbers is
 * unreadable too, so the sink skips it like any record it cannot read instead of retrying its batch
 * forever.
 */
final class SinkValueDeserializer implements Deserializer<Object> {

    private final String rollupsTopic;
    private final String disagreementsTopic;
    private final String statusesTopic;
    private final String alertsTopic;
    private final Deserializer<UnitRollup> rollups = AvroSerde.of(UnitRollup.class).deserializer();
    private final Deserializer<ClassificationDisagreement> disagreements = AvroSerde.of(ClassificationDisagreement.class).deserializer();
    private final Deserializer<TargetStatus> statuses = AvroSerde.of(TargetStatus.class).deserializer();
    private final Deserializer<TargetGapAlert> alerts = AvroSerde.of(TargetGapAlert.class).deserializer();

    SinkValueDeserializer(SinkSettings settings) {
        this.rollupsTopic = settings.topic();
        this.disagreementsTopic = settings.classificationDisagreementsTopic();
        this.statusesTopic = settings.targetStatusesTopic();
        this.alertsTopic = settings.targetGapAlertsTopic();
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (topic.equals(rollupsTopic)) {
            try {
                return RollupRow.of(rollups.deserialize(topic, data));
            } catch (IllegalArgumentException e) {
                throw new SerializationException(e.getMessage(), e);
            }
        }
        if (topic.equals(disagreementsTopic)) {
            return disagreements.deserialize(topic, data);
        }
        if (topic.equals(statusesTopic)) {
            TargetStatus status = statuses.deserialize(topic, data);
            try {
                TargetStatusRow.of(status);
            } catch (IllegalArgumentException e) {
                throw new SerializationException(e.getMessage(), e);
            }
            return status;
        }
        if (topic.equals(alertsTopic)) {
            TargetGapAlert alert = alerts.deserialize(topic, data);
            try {
                TargetGapAlertRow.of(alert);
            } catch (IllegalArgumentException e) {
                throw new SerializationException(e.getMessage(), e);
            }
            return alert;
        }
        throw new SerializationException("the sink does not read topic " + topic);
    }
}
