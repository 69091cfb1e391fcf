package vn.povertyreview.domain.target;

/**
 * Where a unit stands against its target. While the review year is open a unit is
 * {@link #ON_TRACK} or {@link #AT_RISK}; once the year is closed the status is final,
 * {@link #MET} or {@link #MISSED} (see {@link TargetAssessment} for the exact rules).
 *
 * <p>{@link #severity()} orders the statuses from best to worst, MET (0) &lt; ON_TRACK (1) &lt;
 * AT_RISK (2) &lt; MISSED (3), so that "the status worsens" ({@link #isWorseThan}) is one
 * comparison: a met target is better than one merely on track, and a missed one worse than one
 * still at risk. The order is explicit rather than the declaration order, so reordering the
 * constants cannot change which changes raise alerts.
 */
public enum TargetStatus {
    ON_TRACK("Đúng tiến độ", "On track", 1),
    AT_RISK("Có nguy cơ không đạt", "At risk", 2),
    MISSED("Không đạt chỉ tiêu", "Missed", 3),
    MET("Đạt chỉ tiêu", "Met", 0);

    private final String vietnamese;
    private final String english;
    private final int severity;

    TargetStatus(String vietnamese, String english, int severity) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.severity = severity;
    }

    /** The status as a Vietnamese report labels it. */
    public String vietnamese() {
        return vietnamese;
    }

    /** The status as an English report labels it. */
    public String english() {
        return english;
    }

    /** 0 for {@link #MET}, 1 {@link #ON_TRACK}, 2 {@link #AT_RISK}, 3 {@link #MISSED}: higher is worse. */
    public int severity() {
        return severity;
    }

    /** Whether a unit going from {@code previous} to this status got worse, the first condition of an alert. */
    public boolean isWorseThan(TargetStatus previous) {
        return severity > previous.severity;
    }

    /** Whether the status is final: the review year is closed. */
    public boolean isFinal() {
        return this == MET || this == MISSED;
    }
}
