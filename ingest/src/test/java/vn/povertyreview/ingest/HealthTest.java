package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;

/** /health says what the worst part is and why: ingest's own state and that of the services beside it. */
class HealthTest {

    @Test
    void theWorstPartDecidesAndEveryReasonIsKept() {
        Health health = Health.up().and(Health.degraded("streams: rebalancing")).and(Health.down("sink: cannot write"));

        assertThat(health.status()).isEqualTo(Health.Status.DOWN);
        assertThat(health.reasons()).containsExactly("streams: rebalancing", "sink: cannot write");
        assertThat(health.httpStatus()).isEqualTo(503);
        assertThat(Health.degraded("streams: restoring").httpStatus()).as("late, not lost").isEqualTo(200);
        assertThat(Health.up().and(Health.up())).isEqualTo(Health.up());
    }

    @Test
    void ingestsHealthReportsTheServicesBesideItAndRecoversWithThem() {
        String bootstrap = SharedKafka.get().bootstrapServers();
        AtomicReference<Health> others = new AtomicReference<>(Health.down("sink: cannot write to PostgreSQL since 2025-11-03T02:00:00Z"));
        try (IngestService ingest = IngestService.start(RunningIngest.settings(bootstrap, TestTopics.create(bootstrap)),
                Clock.systemUTC(), others::get)) {
            IngestClient anyone = new IngestClient(ingest.baseUri(), null, "en");

            HttpResult down = anyone.get("/health");
            assertThat(down.status()).isEqualTo(503);
            JsonNode body = down.json();
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
            assertThat(body.get("reasons").get(0).asText()).startsWith("sink: cannot write to PostgreSQL");

            others.set(Health.degraded("streams: rebalancing its tasks, so rollups come late"));
            HttpResult degraded = anyone.get("/health");
            assertThat(degraded.status()).isEqualTo(200);
            assertThat(degraded.json().get("status").asText()).isEqualTo("DEGRADED");

            others.set(Health.up());
            assertThat(anyone.get("/health").json().get("status").asText()).isEqualTo("UP");
            assertThat(ingest.health()).isEqualTo(Health.up());
        }
    }
}
