package vn.povertyreview.streams.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.review.ReviewRules;
import vn.povertyreview.domain.review.ReviewVerdict;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.domain.rollup.ReviewFigures;
import vn.povertyreview.domain.standard.PovertyStandards;
import vn.povertyreview.schemas.Area;
import vn.povertyreview.schemas.Classification;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.ReviewRecords;
import vn.povertyreview.schemas.internal.CheckedReview;
import vn.povertyreview.schemas.internal.HouseholdChange;
import vn.povertyreview.streams.internal.HouseholdOutcome.Checked;
import vn.povertyreview.streams.internal.HouseholdOutcome.Rejection;

/**
 * Judges every review record on its own, before it meets the household's other years: a record
 * that breaks a rule is rejected with every rule it broke; a countable one is checked against the
 * poverty standard of its year and passed on, keyed by household id, with its place and exactly
 * what it adds to each unit. A tombstone passes on as a withdrawal, with the commune its header
 * names.
 *
 * <p>Stateless: the work that does not need the household's history happens here, before the
 * repartition, so that rejected records never travel further.
 */
public final class ReviewCheckProcessor implements Processor<String, HouseholdReview, String, HouseholdOutcome> {

    /** Header of a withdrawal naming the commune the withdrawing reviewer speaks for. */
    public static final String COMMUNE_HEADER = "communeCode";

    private static final Logger LOG = LoggerFactory.getLogger(ReviewCheckProcessor.class);

    private final ReviewRules rules;
    private final PovertyStandards standards;
    private ProcessorContext<String, HouseholdOutcome> context;

    public ReviewCheckProcessor(ReviewRules rules, PovertyStandards standards) {
        this.rules = rules;
        this.standards = standards;
    }

    @Override
    public void init(ProcessorContext<String, HouseholdOutcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, HouseholdReview> record) {
        HouseholdKey key;
        try {
            key = HouseholdKey.parse(record.key());
        } catch (IllegalArgumentException e) {
            reject(record, null, null, List.of(Rejections.keyFormat(record.key())));
            return;
        }
        HouseholdReview value = record.value();
        if (value == null) {
            pass(record, new HouseholdChange(key.reviewYear(), key.householdId(), null, header(record, COMMUNE_HEADER)));
            return;
        }
        if (value.getReviewYear() != key.reviewYear() || !value.getHouseholdId().equals(key.householdId())) {
            reject(record, key.householdId(), key.reviewYear(), List.of(Rejections.keyMismatch(record.key(), value)));
            return;
        }
        Review review = ReviewRecords.toDomain(value);
        ReviewVerdict verdict = rules.judge(review);
        if (!verdict.isCountable()) {
            reject(record, key.householdId(), key.reviewYear(), verdict.violations());
            return;
        }
        ReviewFigures figures = ReviewFigures.of(review, standards.forReviewYear(key.reviewYear()));
        CheckedReview checked = CheckedReview.newBuilder()
                .setReviewId(review.reviewId())
                .setReviewedAt(review.order().reviewedAtMillis())
                .setClassification(value.getClassification())
                .setVillageUnitCode(verdict.place().villageUnitCode())
                .setCommuneCode(verdict.place().communeCode())
                .setDistrictCode(verdict.place().districtCode())
                .setProvinceCode(verdict.place().provinceCode())
                .setArea(Area.valueOf(review.area().name()))
                .setIncomePerCapitaMonthlyVnd(review.incomePerCapitaMonthlyVnd())
                .setDeprivationCount(figures.deprivationCount())
                .setStandardClassification(figures.standardClass().map(c -> Classification.valueOf(c.name())).orElse(null))
                .setFigures(List.of())
                .setPackedFigures(Tallies.packed(figures.figures()))
                .build();
        pass(record, new HouseholdChange(key.reviewYear(), key.householdId(), checked, null));
    }

    private void pass(Record<String, HouseholdReview> record, HouseholdChange change) {
        context.forward(new Record<>(change.getHouseholdId(), new Checked(change), record.timestamp()));
    }

    private void reject(Record<String, HouseholdReview> record, String householdId, Integer reviewYear,
            List<RuleViolation> violations) {
        LOG.debug("Not counting record {}: {}", record.key(), violations);
        context.forward(new Record<>(record.key(), new Rejection(
                Rejections.of(Instant.ofEpochMilli(record.timestamp()), householdId, reviewYear, record.value(), violations)),
                record.timestamp()));
    }

    private static String header(Record<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
