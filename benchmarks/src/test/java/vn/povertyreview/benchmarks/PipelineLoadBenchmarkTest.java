package vn.povertyreview.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Keeps the harness from rotting without running the benchmark: a tiny run through the real
 * pipeline must end with a correct rollup, and a mistyped option must fail naming itself. Asserts
 * nothing about time.
 */
class PipelineLoadBenchmarkTest {

    @Test
    void aTinyRunPrintsEveryPhaseAndACorrectRollup() throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse("--households=2000", "--warmup=200", "--concurrent=500",
                "--flush-ms=200", "--durable=false", "--partitions=3", "--threads=1");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        BenchmarkReport report = new PipelineLoadBenchmark(options, out).run();
        report.print(out);

        assertThat(report.correctness().ok()).as(report.correctness().line()).isTrue();
        assertThat(report.correctness().nation().households()).isEqualTo(2_700);
        assertThat(report.phases()).extracting(PhaseResult::name).containsExactly(
                "1 produce (idempotent, acks=all, lz4)", "2 streams (exactly_once_v2)", "3 sink into PostgreSQL",
                "4 end to end, phases in turn", "5 end to end, all at once");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Correctness: OK — NATION total 2,700 = 2,700 distinct households");
    }

    @Test
    void refusesAnOptionItDoesNotKnow() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--household=5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --household");
    }
}
