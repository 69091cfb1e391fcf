package vn.povertyreview.domain.standard;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;

/**
 * One national multidimensional poverty standard: the review years it governs, the income line
 * per area, the number of deprivations that makes a low-income household poor rather than
 * near-poor, the average-living-standard band where the standard sets one, and its indicators.
 *
 * <p>Immutable and thread-safe.
 */
public record PovertyStandard(
        String id,
        String legalBasis,
        int firstReviewYear,
        int lastReviewYear,
        Map<Area, Long> povertyLines,
        int deprivationCutoff,
        Map<Area, Long> averageLivingUpperLines,
        Set<Indicator> indicators) {

    public PovertyStandard {
        Objects.requireNonNull(id, "id");
        povertyLines = Collections.unmodifiableMap(new EnumMap<>(povertyLines));
        averageLivingUpperLines = averageLivingUpperLines.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(averageLivingUpperLines));
        indicators = Collections.unmodifiableSet(EnumSet.copyOf(indicators));
        if (!povertyLines.keySet().containsAll(EnumSet.allOf(Area.class))) {
            throw new IllegalArgumentException("standard " + id + " needs a poverty line for every area, has " + povertyLines.keySet());
        }
        if (!averageLivingUpperLines.isEmpty() && !averageLivingUpperLines.keySet().containsAll(EnumSet.allOf(Area.class))) {
            throw new IllegalArgumentException("standard " + id + " sets an average-living band for some areas only");
        }
        for (Map.Entry<Area, Long> upper : averageLivingUpperLines.entrySet()) {
            if (upper.getValue() <= povertyLines.get(upper.getKey())) {
                throw new IllegalArgumentException("standard " + id + ": average-living upper line " + upper.getValue()
                        + " is not above the poverty line for " + upper.getKey());
            }
        }
        if (deprivationCutoff < 1 || deprivationCutoff > indicators.size()) {
            throw new IllegalArgumentException("standard " + id + ": deprivation cutoff " + deprivationCutoff
                    + " must be between 1 and the number of indicators");
        }
        if (firstReviewYear > lastReviewYear) {
            throw new IllegalArgumentException("standard " + id + " ends before it starts");
        }
    }

    public boolean governs(int reviewYear) {
        return reviewYear >= firstReviewYear && reviewYear <= lastReviewYear;
    }

    public long povertyLine(Area area) {
        return povertyLines.get(area);
    }

    /** How many of the standard's indicators the household is deprived in; others do not count. */
    public int deprivationCount(Set<Indicator> deprivations) {
        int count = 0;
        for (Indicator indicator : deprivations) {
            if (indicators.contains(indicator)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The class the standard gives a household: at or below the income line, poor with at least
     * {@code deprivationCutoff} deprivations and near-poor with fewer; above it, not poor. Empty when
     * the income is unknown: such a review cannot be verified against the standard.
     */
    public Optional<Classification> classify(Area area, Long incomePerCapitaMonthlyVnd, Set<Indicator> deprivations) {
        if (incomePerCapitaMonthlyVnd == null) {
            return Optional.empty();
        }
        if (incomePerCapitaMonthlyVnd > povertyLine(area)) {
            return Optional.of(Classification.NOT_POOR);
        }
        return Optional.of(deprivationCount(deprivations) >= deprivationCutoff ? Classification.POOR : Classification.NEAR_POOR);
    }

    /** Whether the standard sets an average-living-standard band at all. */
    public boolean hasAverageLivingBand() {
        return !averageLivingUpperLines.isEmpty();
    }

    /**
     * Whether the income lies in the average-living-standard band (above the poverty line, at or
     * below the band's upper line). Empty when the standard sets no band: "not set", never a guess.
     */
    public Optional<Boolean> isAverageLiving(Area area, long incomePerCapitaMonthlyVnd) {
        if (!hasAverageLivingBand()) {
            return Optional.empty();
        }
        return Optional.of(incomePerCapitaMonthlyVnd > povertyLine(area)
                && incomePerCapitaMonthlyVnd <= averageLivingUpperLines.get(area));
    }
}
