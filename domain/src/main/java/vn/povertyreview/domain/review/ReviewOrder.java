package vn.povertyreview.domain.review;

import java.util.Comparator;

/**
 * Decides which of two reviews of the same household and year counts: the one reviewed later, and
 * on equal review times the one with the greater review id. The tie-break makes the outcome the
 * same whatever order the records arrive in; any fixed rule would do, this one needs no clock.
 */
public record ReviewOrder(long reviewedAtMillis, String reviewId) implements Comparable<ReviewOrder> {

    private static final Comparator<ReviewOrder> ORDER = Comparator
            .comparingLong(ReviewOrder::reviewedAtMillis)
            .thenComparing(ReviewOrder::reviewId);

    @Override
    public int compareTo(ReviewOrder other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(ReviewOrder other) {
        return compareTo(other) > 0;
    }
}
