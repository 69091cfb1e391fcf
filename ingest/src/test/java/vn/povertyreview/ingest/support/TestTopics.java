package vn.povertyreview.ingest.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import vn.povertyreview.schemas.Topics;

/** Creates a fresh set of the product's topics, named apart from every other test's. */
public final class TestTopics {

    private TestTopics() {
    }

    public static Topics create(String bootstrapServers) {
        return create(bootstrapServers, 3);
    }

    /** Topics whose household reviews have the given number of partitions. */
    public static Topics create(String bootstrapServers, int reviewPartitions) {
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = Topics.named(Topics.HOUSEHOLD_REVIEWS + suffix, Topics.REJECTED_REVIEWS + suffix,
                Topics.UNIT_ROLLUPS + suffix, Topics.ADMIN_UNITS + suffix, Topics.REVIEWER_TOKENS + suffix,
                Topics.CLASSIFICATION_DISAGREEMENTS + suffix, Topics.REDUCTION_TARGETS + suffix,
                Topics.REVIEW_YEAR_CLOSURES + suffix, Topics.TARGET_STATUSES + suffix, Topics.TARGET_GAP_ALERTS + suffix,
                Topics.REVIEWER_TOKEN_USES + suffix, Topics.AUDIT_EVENTS + suffix);
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(
                    new NewTopic(topics.householdReviews().name(), reviewPartitions, (short) 1),
                    new NewTopic(topics.rejectedReviews().name(), 1, (short) 1),
                    new NewTopic(topics.unitRollups().name(), 1, (short) 1).configs(compacted),
                    new NewTopic(topics.adminUnits().name(), 1, (short) 1).configs(compacted),
                    new NewTopic(topics.reviewerTokens().name(), 1, (short) 1).configs(compacted),
                    new NewTopic(topics.reviewerTokenUses().name(), 1, (short) 1).configs(compacted),
                    new NewTopic(topics.classificationDisagreements().name(), 1, (short) 1).configs(compacted),
                    new NewTopic(topics.reductionTargets().name(), 1, (short) 1).configs(compacted),
                    new NewTopic(topics.reviewYearClosures().name(), 1, (short) 1).configs(compacted),
                    new NewTopic(topics.auditEvents().name(), 1, (short) 1)))
                    .all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create test topics", e.getCause());
        }
        return topics;
    }
}
