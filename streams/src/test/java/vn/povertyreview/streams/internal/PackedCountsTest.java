package vn.povertyreview.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Packed counts read back exactly what was packed: zeros, negative changes, the extremes. */
class PackedCountsTest {

    @Test
    void readsBackEveryCountInOrder() {
        long[] counts = {0, 1, -1, 63, -64, 64, 1_000_000, -27_000_000, Long.MAX_VALUE, Long.MIN_VALUE, 0};
        assertThat(PackedCounts.unpack(PackedCounts.pack(counts))).containsExactly(counts);
    }

    @Test
    void aHouseholdsSmallCountsTakeAboutOneByteEach() {
        long[] counts = new long[66];
        counts[0] = 1;
        counts[5] = -1;
        assertThat(PackedCounts.pack(counts).remaining()).isEqualTo(66);
    }

    @Test
    void readsBackRandomCounts() {
        Random random = new Random(7);
        for (int round = 0; round < 1_000; round++) {
            long[] counts = random.longs(random.nextInt(80), -5_000_000_000L, 5_000_000_000L).toArray();
            assertThat(PackedCounts.unpack(PackedCounts.pack(counts))).containsExactly(counts);
        }
    }

    @Test
    void refusesCountsCutOffInsideACount() {
        ByteBuffer packed = PackedCounts.pack(new long[] {3, 1_000_000});
        ByteBuffer cut = ByteBuffer.wrap(Arrays.copyOf(packed.array(), packed.remaining() - 1));

        assertThatThrownBy(() -> PackedCounts.unpack(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside a count");
    }
}
