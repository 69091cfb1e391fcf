package vn.povertyreview.schemas;

import java.util.Objects;

/**
 * Key of the reduction-targets topic: one unit's target for one measure in one review year, written
 * {@code <reviewYear>/<unitCode>/<measure>} (e.g. {@code 2025/38/POVERTY_RATE}). A unit has at most one
 * target per measure and year; writing another replaces it. Immutable.
 */
public record TargetKey(int reviewYear, String unitCode, TargetMeasure measure) {

    public TargetKey {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(measure, "measure");
    }

    /** The key of a target record. */
    public static TargetKey of(ReductionTarget target) {
        return new TargetKey(target.getReviewYear(), target.getUnitCode(), target.getMeasure());
    }

    /**
     * Reads a key written by {@link #toString}.
     *
     * @throws IllegalArgumentException when it is not {@code <reviewYear>/<unitCode>/<measure>}
     */
    public static TargetKey parse(String key) {
        String[] parts = key == null ? new String[0] : key.split("/", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            throw new IllegalArgumentException("a target key reads '<reviewYear>/<unitCode>/<measure>', not '" + key + "'");
        }
        return new TargetKey(Integer.parseInt(parts[0]), parts[1], TargetMeasure.valueOf(parts[2]));
    }

    @Override
    public String toString() {
        return reviewYear + "/" + unitCode + "/" + measure;
    }
}
