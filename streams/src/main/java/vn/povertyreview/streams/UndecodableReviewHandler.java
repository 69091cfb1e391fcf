package vn.povertyreview.streams;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.streams.internal.Rejections;

/**
 * A household-reviews record that cannot be read (not a household review of any released schema)
 * is not counted and goes to the rejected-reviews topic with the reason, instead of stopping the
 * application. Unreadable records on the application's own internal topics still stop it: those
 * hold counts, and skipping one would silently corrupt a rollup.
 */
public final class UndecodableReviewHandler implements DeserializationExceptionHandler {

    /** Names the household-reviews topic; records of any other topic are not skipped. */
    public static final String REVIEWS_TOPIC_CONFIG = "poverty.household-reviews.topic";
    /** Names the topic unreadable reviews are reported on. */
    public static final String REJECTED_TOPIC_CONFIG = "poverty.rejected-reviews.topic";

    private static final Logger LOG = LoggerFactory.getLogger(UndecodableReviewHandler.class);
    private final AvroSerde<RejectedReview> rejectedSerde = AvroSerde.of(RejectedReview.class);

    private String reviewsTopic;
    private String rejectedTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        reviewsTopic = (String) configs.get(REVIEWS_TOPIC_CONFIG);
        rejectedTopic = (String) configs.get(REJECTED_TOPIC_CONFIG);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (!record.topic().equals(reviewsTopic)) {
            LOG.error("Unreadable record on {}-{} at offset {}; stopping, since skipping it would corrupt counts",
                    record.topic(), record.partition(), record.offset(), exception);
            return Response.fail();
        }
        LOG.warn("Unreadable household review on {}-{} at offset {} is not counted: {}",
                record.topic(), record.partition(), record.offset(), exception.getMessage());
        String key = record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
        HouseholdKey householdKey = null;
        try {
            householdKey = HouseholdKey.parse(key);
        } catch (IllegalArgumentException ignored) {
            // the reason below says the record could not be read; the key adds nothing when it is malformed too
        }
        RejectedReview rejected = Rejections.of(Instant.ofEpochMilli(record.timestamp()),
                householdKey == null ? null : householdKey.householdId(),
                householdKey == null ? null : householdKey.reviewYear(),
                null,
                List.of(new RuleViolation("record", "record.unreadable",
                        "Không đọc được bản ghi: không phải bản rà soát hộ theo bất kỳ phiên bản lược đồ nào đã phát hành ("
                                + exception.getMessage() + ").",
                        "The record cannot be read: it is not a household review of any released schema version ("
                                + exception.getMessage() + ").")));
        return Response.resume(List.of(new ProducerRecord<>(rejectedTopic, record.key(), rejectedSerde.encode(rejected))));
    }
}
