package vn.povertyreview.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Keeps the harness from rotting without running the benchmark: a smoke run of 20,000 households
 * reviewed in 2024 and 2025 through the real pipeline must end with every unit row of both years
 * equal to the recount, and a mistyped
 * option must fail naming itself. Asserts nothing about time.
 */
class PipelineLoadBenchmarkTest {

    @Test
    void aSmokeRunPrintsEveryPhaseAndCeilingAndEveryUnitRowEqualsTheRecount() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse("--households=15000", "--warmup=1000", "--concurrent=4000",
                "--flush-ms=200", "--durable=false", "--partitions=3", "--threads=1", "--freshness-rate=1000", "--freshness-seconds=3");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        BenchmarkReport report = new PipelineLoadBenchmark(options, out).run();
        report.print(out);

        assertThat(report.correctness().ok()).as(report.correctness().line()).isTrue();
        // 20,000 households over two years (of which 2025 counts 19,346: some not yet reviewed, some
        // withdrawn, some new), 3,000 through ingest to warm its path up and 3,000 measured.
        assertThat(report.correctness().nation().households()).isEqualTo(25_346);
        assertThat(report.correctness().differences()).isEmpty();
        assertThat(report.correctness().unitsRecounted()).as("villages, communes, districts, provinces and the nation of both years")
                .isGreaterThan(40_000);
        assertThat(report.phases()).extracting(PhaseResult::name).containsExactly(
                "1 produce (idempotent, acks=all, lz4)", "2 streams (exactly_once_v2)", "3 sink into PostgreSQL",
                "4 end to end, phases in turn", "ceiling: raw consumer", "ceiling: minimal EOS count topology",
                "ceiling: PostgreSQL COPY of rollup rows", "5 end to end, all at once", "6 freshness: steady load through ingest");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Correctness: OK — NATION total 25,346 = 25,346 distinct households")
                .contains("Freshness warm-up: 1,000 reviews/s through ingest for 3 s (not measured)")
                .contains("reviewed in 2024 and 2025 across the reform")
                .contains("Freshness at 1,000 reviews/s offered for 3 s through ingest")
                .contains("unit rows equal the recount of the generated households")
                .contains("Against the ceilings of this run, on the same input:")
                .contains("bytes per review");
    }

    @Test
    void refusesAnOptionItDoesNotKnow() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--household=5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --household");
    }
}
