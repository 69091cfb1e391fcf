package vn.povertyreview.domain.rollup;

import java.util.Optional;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.standard.PovertyStandard;

/**
 * What one counted review adds to every unit of its place, and how it compares with the poverty
 * standard of its year: the reviewer's class is the legal decision and is what the household
 * counts as; the standard's class is only compared with it, never put in its place.
 *
 * @param standardClass the class the standard gives; empty when the review has no income, so it
 *     cannot be verified
 * @param deprivationCount the household's deprivations among the standard's indicators
 * @param figures the review's own figures (everything but the movement)
 */
public record ReviewFigures(Optional<Classification> standardClass, int deprivationCount, Tally figures) {

    private static final Tally POOR = Tally.one(Figure.HOUSEHOLDS, Figure.POOR);
    private static final Tally NEAR_POOR = Tally.one(Figure.HOUSEHOLDS, Figure.NEAR_POOR);
    private static final Tally NOT_POOR = Tally.one(Figure.HOUSEHOLDS);

    /** Checks {@code review} against {@code standard}, the standard of its review year. */
    public static ReviewFigures of(Review review, PovertyStandard standard) {
        Classification reviewer = review.classification();
        Long income = review.incomePerCapitaMonthlyVnd();
        Optional<Classification> standardClass = standard.classify(review.area(), income, review.deprivations());
        int deprivations = standard.deprivationCount(review.deprivations());

        long[] counts = basic(reviewer).toArray();
        if (review.ethnicMinority()) {
            counts[Figure.ETHNIC_MINORITY.ordinal()] = 1;
            counts[Figure.ETHNIC_MINORITY_POOR.ordinal()] = reviewer == Classification.POOR ? 1 : 0;
        }
        if (reviewer == Classification.POOR) {
            counts[Figure.POOR_WITH_MERIT.ordinal()] = review.meritFamily() ? 1 : 0;
            counts[Figure.POOR_SOCIAL_PROTECTION.ordinal()] = review.socialProtection() ? 1 : 0;
            counts[Figure.POOR_WITHOUT_LABOUR_CAPACITY.ordinal()] = review.noLaborCapacity() ? 1 : 0;
        }
        // Average living standard is a band of income above the poverty line, so only a household
        // the reviewer did not classify poor or near-poor can be one.
        if (reviewer == Classification.NOT_POOR && income != null
                && standard.isAverageLiving(review.area(), income).orElse(false)) {
            counts[Figure.AVERAGE_LIVING.ordinal()] = 1;
            counts[Figure.AVERAGE_LIVING_AGRICULTURE.ordinal()] = review.agricultureForestryFishery() ? 1 : 0;
        }
        if (reviewer != Classification.NOT_POOR) {
            for (Indicator indicator : review.deprivations()) {
                if (standard.indicators().contains(indicator)) {
                    counts[Figure.deprived(reviewer, indicator).ordinal()] = 1;
                }
            }
        }
        if (deprivations >= standard.deprivationCutoff()) {
            counts[Figure.MULTIDIMENSIONALLY_POOR.ordinal()] = 1;
            counts[Figure.MULTIDIMENSIONAL_DEPRIVATIONS.ordinal()] = deprivations;
        }
        Figure check = standardClass.map(s -> Figure.classificationCheck(reviewer, s)).orElse(Figure.CLASSIFICATION_UNVERIFIED);
        counts[check.ordinal()] = 1;
        return new ReviewFigures(standardClass, deprivations, Tally.of(counts));
    }

    /** Only the household and its class: what a review adds when nothing else is known of it. */
    public static Tally basic(Classification classification) {
        return switch (classification) {
            case POOR -> POOR;
            case NEAR_POOR -> NEAR_POOR;
            case NOT_POOR -> NOT_POOR;
        };
    }

    /** Whether the standard classifies the household otherwise than the reviewer did. */
    public boolean disagrees(Classification reviewer) {
        return standardClass.isPresent() && standardClass.get() != reviewer;
    }
}
