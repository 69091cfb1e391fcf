package vn.povertyreview.streams.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.schemas.internal.CheckedReview;
import vn.povertyreview.schemas.internal.UnitTally;

/** Converts between the domain's {@link Tally} and its stored form. */
final class Tallies {

    private Tallies() {
    }

    static Tally counts(UnitTally stored) {
        return stored.getPackedCounts().hasRemaining() ? Tally.of(PackedCounts.unpack(stored.getPackedCounts()))
                : counts(stored.getCounts());
    }

    /** What a checked review adds to each unit of its place, however it was stored. */
    static Tally figures(CheckedReview review) {
        return review.getPackedFigures().hasRemaining() ? Tally.of(PackedCounts.unpack(review.getPackedFigures()))
                : counts(review.getFigures());
    }

    static ByteBuffer packed(Tally tally) {
        return PackedCounts.pack(tally.toArray());
    }

    static Tally counts(List<Long> counts) {
        long[] array = new long[counts.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = counts.get(i);
        }
        return Tally.of(array);
    }

    static List<Long> list(Tally tally) {
        long[] array = tally.toArray();
        List<Long> list = new ArrayList<>(array.length);
        for (long count : array) {
            list.add(count);
        }
        return list;
    }

    static UnitTally stored(Tally tally, long asOf, long revision) {
        return stored(tally, asOf, revision, null);
    }

    static UnitTally stored(Tally tally, long asOf, long revision, String unitName) {
        return new UnitTally(List.of(), asOf, revision, unitName, packed(tally));
    }
}
