package vn.povertyreview.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.RejectedReview;
import vn.povertyreview.schemas.RuleViolation;

class UndecodableReviewHandlerTest {

    private final UndecodableReviewHandler handler = new UndecodableReviewHandler();

    @BeforeEach
    void configure() {
        handler.configure(Map.of(UndecodableReviewHandler.REVIEWS_TOPIC_CONFIG, "household-reviews",
                UndecodableReviewHandler.REJECTED_TOPIC_CONFIG, "household-reviews-rejected"));
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key) {
        return new ConsumerRecord<>(topic, 0, 42, key.getBytes(StandardCharsets.UTF_8),
                "garbage".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reportsAnUnreadableReviewOnTheRejectedTopicAndGoesOn() {
        Response response = handler.handleError(null, record("household-reviews", "2025/HH-9"),
                new SerializationException("not a HouseholdReview in Avro single-object encoding"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> report = response.deadLetterQueueRecords().get(0);
        assertThat(report.topic()).isEqualTo("household-reviews-rejected");
        assertThat(new String(report.key(), StandardCharsets.UTF_8)).isEqualTo("2025/HH-9");
        RejectedReview rejected = AvroSerde.of(RejectedReview.class).decode(report.value());
        assertThat(rejected.getHouseholdId()).isEqualTo("HH-9");
        assertThat(rejected.getReviewYear()).isEqualTo(2025);
        assertThat(rejected.getRejectedBy()).isEqualTo("streams");
        assertThat(rejected.getViolations()).extracting(RuleViolation::getRule).containsExactly("record.unreadable");
        assertThat(rejected.getViolations().get(0).getMessageVi()).startsWith("Không đọc được bản ghi");
    }

    @Test
    void stopsOnAnUnreadableRecordOfAnInternalTopicRatherThanCorruptACount() {
        Response response = handler.handleError(null, record("poverty-rollups-unit-changes-repartition", "2025/15271"),
                new SerializationException("corrupt UnitTally"));

        assertThat(response.result()).isEqualTo(Result.FAIL);
    }
}
