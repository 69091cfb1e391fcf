package vn.povertyreview.domain.target;

/**
 * The forms a poverty-reduction target takes in real plans, each stating a value {@code v}.
 *
 * <p>Two are judged in percentage points of a rate ({@link #byRate()}): {@link #RATE_POINTS} and
 * {@link #END_RATE}; two in households: {@link #HOUSEHOLDS} and {@link #BASELINE_PERCENT}. How
 * each puts the end of the year is told by {@link TargetAssessment}.
 */
public enum TargetKind {
    /** Reduce the rate by at least {@code v} percentage points from the baseline rate. */
    RATE_POINTS("Giảm tỷ lệ ít nhất v điểm phần trăm so với đầu kỳ",
            "Reduce the rate by at least v percentage points from the baseline", true),
    /** Reduce the poor households by at least {@code v} (a whole number) from the baseline. */
    HOUSEHOLDS("Giảm ít nhất v hộ nghèo so với đầu kỳ",
            "Reduce the poor households by at least v from the baseline", false),
    /**
     * Reduce the baseline's poor households by at least {@code v} percent: the form of the five-year
     * plans, whose baseline is the count at the start of the period rather than last year's.
     */
    BASELINE_PERCENT("Giảm ít nhất v% số hộ nghèo đầu kỳ",
            "Reduce the baseline's poor households by at least v percent", false),
    /** Reach a rate of at most {@code v} percent by the end of the year, whatever the baseline. */
    END_RATE("Đưa tỷ lệ xuống không quá v% vào cuối năm",
            "Reach a rate of at most v percent by year end", true);

    private final String vietnamese;
    private final String english;
    private final boolean byRate;

    TargetKind(String vietnamese, String english, boolean byRate) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.byRate = byRate;
    }

    /** What the kind asks for, in Vietnamese, with {@code v} for the target's value. */
    public String vietnamese() {
        return vietnamese;
    }

    /** What the kind asks for, in English, with {@code v} for the target's value. */
    public String english() {
        return english;
    }

    /**
     * Whether the target is stated, and so judged, in percentage points of a rate; otherwise in
     * households. Gaps and completion are decided in the target's own unit, the other one derived.
     */
    public boolean byRate() {
        return byRate;
    }
}
