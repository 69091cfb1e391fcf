package vn.povertyreview.streams.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.review.ReviewOrder;
import vn.povertyreview.domain.review.ReviewRules;
import vn.povertyreview.domain.review.ReviewVerdict;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.domain.rollup.HouseholdContribution;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.ReviewRecords;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.internal.HouseholdState;
import vn.povertyreview.schemas.internal.UnitTally;
import vn.povertyreview.streams.internal.HouseholdOutcome.Rejection;
import vn.povertyreview.streams.internal.HouseholdOutcome.UnitChange;

/**
 * Keeps which review counts for every household and year, and turns each change of it into
 * changes of unit counts.
 *
 * <p>A review replaces the stored one only if it is later ({@link ReviewOrder}): a re-delivered
 * record, or an older review arriving late, changes nothing. When it does replace it, the old
 * review's exact contribution is taken out of every unit of its old place and the new one added to
 * every unit of its new place, so corrections and moves keep every level exact. A tombstone
 * withdraws the counted review; reviews no later than the withdrawn one stay withdrawn.
 *
 * <p>Changes are not sent on one by one: they are summed per unit in a logged store and sent
 * when the wall-clock flush interval passes (or the store grows large), so a busy commune costs
 * one downstream update per interval instead of one per household. The store is part of the
 * exactly-once transaction, so a crash between two flushes loses nothing.
 */
public final class HouseholdReviewProcessor implements Processor<String, HouseholdReview, String, HouseholdOutcome> {

    /** Header of a withdrawal naming the commune the withdrawing reviewer speaks for. */
    public static final String COMMUNE_HEADER = "communeCode";

    /** Stored unit codes run from the village up: village, commune, (district,) province, nation. */
    private static final int COMMUNE_POSITION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(HouseholdReviewProcessor.class);

    private final ReviewRules rules;
    private final String householdStoreName;
    private final String pendingStoreName;
    private final Duration flushInterval;
    private final long maxPendingUnits;

    private ProcessorContext<String, HouseholdOutcome> context;
    private KeyValueStore<String, HouseholdState> households;
    private KeyValueStore<String, UnitTally> pending;

    public HouseholdReviewProcessor(ReviewRules rules, String householdStoreName, String pendingStoreName,
            Duration flushInterval, long maxPendingUnits) {
        this.rules = rules;
        this.householdStoreName = householdStoreName;
        this.pendingStoreName = pendingStoreName;
        this.flushInterval = flushInterval;
        this.maxPendingUnits = maxPendingUnits;
    }

    @Override
    public void init(ProcessorContext<String, HouseholdOutcome> context) {
        this.context = context;
        this.households = context.getStateStore(householdStoreName);
        this.pending = context.getStateStore(pendingStoreName);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flushPending());
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
        HouseholdState state = households.get(key.toString());
        if (record.value() == null) {
            withdraw(record, key, state);
        } else {
            review(record, key, state);
        }
        if (pending.approximateNumEntries() >= maxPendingUnits) {
            flushPending();
        }
    }

    private void review(Record<String, HouseholdReview> record, HouseholdKey key, HouseholdState state) {
        HouseholdReview value = record.value();
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
        ReviewOrder order = review.order();
        if (state != null && !order.isAfter(orderOf(state))) {
            return; // the same record again, or older than the review that counts (or was withdrawn)
        }
        if (state != null && state.getCounted()) {
            addPending(key.reviewYear(), state.getUnitCodes(), Tallies.counts(state.getContribution()).negated(), record.timestamp());
        }
        List<String> unitCodes = verdict.place().unitCodes();
        Tally contribution = HouseholdContribution.of(review.classification());
        addPending(key.reviewYear(), unitCodes, contribution, record.timestamp());
        households.put(key.toString(), new HouseholdState(order.reviewedAtMillis(), order.reviewId(), true, unitCodes,
                Tallies.list(contribution)));
    }

    private void withdraw(Record<String, HouseholdReview> record, HouseholdKey key, HouseholdState state) {
        if (state == null || !state.getCounted()) {
            return; // nothing counts for this household and year, so there is nothing to take out
        }
        String statedCommune = header(record, COMMUNE_HEADER);
        String actualCommune = state.getUnitCodes().get(COMMUNE_POSITION);
        if (statedCommune != null && !statedCommune.equals(actualCommune)) {
            reject(record, key.householdId(), key.reviewYear(),
                    List.of(Rejections.withdrawalOutsideCommune(statedCommune, actualCommune)));
            return;
        }
        addPending(key.reviewYear(), state.getUnitCodes(), Tallies.counts(state.getContribution()).negated(), record.timestamp());
        households.put(key.toString(), new HouseholdState(state.getReviewedAt(), state.getReviewId(), false,
                state.getUnitCodes(), state.getContribution()));
    }

    private void addPending(int reviewYear, List<String> unitCodes, Tally delta, long timestamp) {
        for (String unitCode : unitCodes) {
            String unitKey = new UnitKey(reviewYear, unitCode).toString();
            UnitTally current = pending.get(unitKey);
            Tally sum = current == null ? delta : Tallies.counts(current).plus(delta);
            long asOf = current == null ? timestamp : Math.max(current.getAsOf(), timestamp);
            pending.put(unitKey, Tallies.stored(sum, asOf, 0));
        }
    }

    /** Sends every unit's summed change downstream and forgets it; changes that cancelled out are dropped. */
    private void flushPending() {
        List<KeyValue<String, UnitTally>> changes = new ArrayList<>();
        try (KeyValueIterator<String, UnitTally> all = pending.all()) {
            all.forEachRemaining(changes::add);
        }
        for (KeyValue<String, UnitTally> change : changes) {
            if (!Tallies.counts(change.value).isZero()) {
                context.forward(new Record<>(change.key, new UnitChange(change.value), change.value.getAsOf()));
            }
            pending.delete(change.key);
        }
    }

    private void reject(Record<String, HouseholdReview> record, String householdId, Integer reviewYear,
            List<RuleViolation> violations) {
        LOG.debug("Not counting record {}: {}", record.key(), violations);
        context.forward(record.withValue(new Rejection(
                Rejections.of(Instant.ofEpochMilli(record.timestamp()), householdId, reviewYear, record.value(), violations))));
    }

    private static ReviewOrder orderOf(HouseholdState state) {
        return new ReviewOrder(state.getReviewedAt(), state.getReviewId());
    }

    private static String header(Record<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
