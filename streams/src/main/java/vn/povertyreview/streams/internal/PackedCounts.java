package vn.povertyreview.streams.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Counts in {@code Figure} order packed as zig-zag varints, the way Avro writes a long, into one
 * {@code bytes} field of the internal records: a household's or a unit's 66 counts, most of them
 * small, take about as many bytes, and decode without one boxed {@code Long} each, which Avro's
 * arrays of longs cost on every state read and write. Stateless.
 */
final class PackedCounts {

    /** The most bytes a varint of a long takes. */
    private static final int MAX_VARINT_BYTES = 10;

    private PackedCounts() {
    }

    static ByteBuffer pack(long[] counts) {
        byte[] out = new byte[counts.length * MAX_VARINT_BYTES];
        int at = 0;
        for (long count : counts) {
            long zigZag = (count << 1) ^ (count >> 63);
            while ((zigZag & ~0x7FL) != 0) {
                out[at++] = (byte) ((zigZag & 0x7F) | 0x80);
                zigZag >>>= 7;
            }
            out[at++] = (byte) zigZag;
        }
        return ByteBuffer.wrap(Arrays.copyOf(out, at));
    }

    /** The counts packed in {@code packed}, read from its position without moving it. */
    static long[] unpack(ByteBuffer packed) {
        ByteBuffer in = packed.duplicate();
        // Every varint ends in the one byte of it without the continuation bit.
        int values = 0;
        for (int i = in.position(); i < in.limit(); i++) {
            if ((in.get(i) & 0x80) == 0) {
                values++;
            }
        }
        long[] counts = new long[values];
        int n = 0;
        while (n < values) {
            long zigZag = 0;
            int shift = 0;
            byte b;
            do {
                if (shift > 63) {
                    throw new IllegalArgumentException("a packed count is longer than a long");
                }
                b = in.get();
                zigZag |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            counts[n++] = (zigZag >>> 1) ^ -(zigZag & 1);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("packed counts end inside a count");
        }
        return counts;
    }
}
