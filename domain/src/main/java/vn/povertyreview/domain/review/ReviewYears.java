package vn.povertyreview.domain.review;

/**
 * The review years the product accepts: those covered by a national poverty standard
 * (2022–2025 standard, kept in force through 2026; 2027–2030 standard).
 */
public final class ReviewYears {

    public static final int FIRST = 2022;
    public static final int LAST = 2030;

    private ReviewYears() {
    }

    public static boolean isSupported(int reviewYear) {
        return reviewYear >= FIRST && reviewYear <= LAST;
    }
}
