package vn.povertyreview.streams.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.movement.HouseholdHistory;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.HouseholdPlace;
import vn.povertyreview.domain.review.ReviewOrder;
import vn.povertyreview.domain.review.ReviewYears;
import vn.povertyreview.domain.rollup.HouseholdYearFigures;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.internal.CheckedReview;
import vn.povertyreview.schemas.internal.HouseholdChange;
import vn.povertyreview.schemas.internal.HouseholdYear;
import vn.povertyreview.schemas.internal.HouseholdYears;
import vn.povertyreview.schemas.internal.UnitTally;
import vn.povertyreview.streams.internal.HouseholdOutcome.Disagreement;
import vn.povertyreview.streams.internal.HouseholdOutcome.Rejection;
import vn.povertyreview.streams.internal.HouseholdOutcome.UnitChange;

/**
 * Keeps, for every household, which review counts in each review year, and turns each change of
 * that history into changes of unit counts.
 *
 * <p>A review replaces the stored one of its year only if it is later ({@link ReviewOrder}): a
 * re-delivered record, or an older review arriving late, changes nothing. A withdrawal takes the
 * counted review of its year out; reviews no later than the withdrawn one stay out.
 *
 * <p>What a household adds to the units of a year ({@link HouseholdYearFigures}) depends on its
 * review of that year and, through the movement figures, on its earlier years: a change of year Y
 * can change what it adds to every year from Y on. So for each of those years the figures of the
 * old history are taken out and those of the new one put in; both are computed by the same
 * function of the stored history, so what is taken out is exactly what was put in. All years of a
 * household are in one state because the input is repartitioned by household id.
 *
 * <p>Changes are summed per unit in a logged store and sent when the wall-clock flush interval
 * passes (or the store grows large), so a busy commune costs one downstream update per interval
 * instead of one per household. The store is part of the exactly-once transaction, so a crash
 * between two flushes loses nothing.
 *
 * <p>Every change of a year's counted review also says whether the household-year now disagrees
 * with the poverty standard (the disagreement, for analysts to list) or no longer does (a tombstone).
 */
public final class HouseholdHistoryProcessor implements Processor<String, HouseholdChange, String, HouseholdOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(HouseholdHistoryProcessor.class);

    private final AdminSuccession succession;
    private final String historyStoreName;
    private final String pendingStoreName;
    private final Duration flushInterval;
    private final long maxPendingUnits;

    private ProcessorContext<String, HouseholdOutcome> context;
    private KeyValueStore<String, HouseholdYears> histories;
    private KeyValueStore<String, UnitTally> pending;

    public HouseholdHistoryProcessor(AdminSuccession succession, String historyStoreName, String pendingStoreName,
            Duration flushInterval, long maxPendingUnits) {
        this.succession = succession;
        this.historyStoreName = historyStoreName;
        this.pendingStoreName = pendingStoreName;
        this.flushInterval = flushInterval;
        this.maxPendingUnits = maxPendingUnits;
    }

    @Override
    public void init(ProcessorContext<String, HouseholdOutcome> context) {
        this.context = context;
        this.histories = context.getStateStore(historyStoreName);
        this.pending = context.getStateStore(pendingStoreName);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flushPending());
    }

    @Override
    public void process(Record<String, HouseholdChange> record) {
        HouseholdChange change = record.value();
        HouseholdYears stored = histories.get(record.key());
        TreeMap<Integer, HouseholdYear> before = byYear(stored);
        HouseholdYear old = before.get(change.getReviewYear());
        HouseholdYear updated = change.getReview() == null ? withdrawn(record, old)
                : reviewed(change.getReviewYear(), change.getReview(), old);
        if (updated == null) {
            return;
        }
        TreeMap<Integer, HouseholdYear> after = new TreeMap<>(before);
        after.put(change.getReviewYear(), updated);
        sendChanges(change.getReviewYear(), history(before), history(after), record.timestamp());
        sendDisagreement(change.getHouseholdId(), change.getReviewYear(), old, updated, record.timestamp());
        histories.put(record.key(), new HouseholdYears(new ArrayList<>(after.values())));
        if (pending.approximateNumEntries() >= maxPendingUnits) {
            flushPending();
        }
    }

    /** The year's new state after a review, or null when the review does not replace the stored one. */
    private static HouseholdYear reviewed(int year, CheckedReview review, HouseholdYear old) {
        ReviewOrder order = new ReviewOrder(review.getReviewedAt(), review.getReviewId());
        if (old != null && !order.isAfter(orderOf(old.getReview()))) {
            return null; // the same record again, or older than the review that counts (or was withdrawn)
        }
        return new HouseholdYear(year, true, review);
    }

    /** The year's new state after a withdrawal, or null when it changes nothing or is refused. */
    private HouseholdYear withdrawn(Record<String, HouseholdChange> record, HouseholdYear old) {
        if (old == null || !old.getCounted()) {
            return null; // nothing counts for this household and year, so there is nothing to take out
        }
        String statedCommune = record.value().getWithdrawingCommune();
        String actualCommune = old.getReview().getCommuneCode();
        if (statedCommune != null && !statedCommune.equals(actualCommune)) {
            HouseholdKey key = new HouseholdKey(record.value().getReviewYear(), record.value().getHouseholdId());
            LOG.debug("Not withdrawing {}: stated commune {}, counted in {}", key, statedCommune, actualCommune);
            context.forward(new Record<>(key.toString(), new Rejection(Rejections.of(Instant.ofEpochMilli(record.timestamp()),
                    key.householdId(), key.reviewYear(), null, List.of(Rejections.withdrawalOutsideCommune(statedCommune, actualCommune)))),
                    record.timestamp()));
            return null;
        }
        return new HouseholdYear(old.getReviewYear(), false, old.getReview());
    }

    /**
     * Takes out what the old history added to each unit of every year from {@code fromYear} on and
     * puts in what the new one adds.
     */
    private void sendChanges(int fromYear, HouseholdHistory before, HouseholdHistory after, long timestamp) {
        for (int year = fromYear; year <= ReviewYears.LAST; year++) {
            Map<String, Tally> removed = HouseholdYearFigures.of(before, year, succession);
            Map<String, Tally> added = HouseholdYearFigures.of(after, year, succession);
            Set<String> units = new HashSet<>(removed.keySet());
            units.addAll(added.keySet());
            for (String unit : units) {
                Tally delta = added.getOrDefault(unit, Tally.ZERO).minus(removed.getOrDefault(unit, Tally.ZERO));
                if (!delta.isZero()) {
                    addPending(new UnitKey(year, unit).toString(), delta, timestamp);
                }
            }
        }
    }

    private void sendDisagreement(String householdId, int year, HouseholdYear old, HouseholdYear updated, long timestamp) {
        String key = new HouseholdKey(year, householdId).toString();
        if (updated.getCounted() && disagrees(updated.getReview())) {
            context.forward(new Record<>(key, new Disagreement(disagreement(householdId, year, updated.getReview())), timestamp));
        } else if (old != null && old.getCounted() && disagrees(old.getReview())) {
            context.forward(new Record<>(key, new Disagreement(null), timestamp));
        }
    }

    private void addPending(String unitKey, Tally delta, long timestamp) {
        UnitTally current = pending.get(unitKey);
        Tally sum = current == null ? delta : Tallies.counts(current).plus(delta);
        long asOf = current == null ? timestamp : Math.max(current.getAsOf(), timestamp);
        pending.put(unitKey, Tallies.stored(sum, asOf, 0));
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

    private static TreeMap<Integer, HouseholdYear> byYear(HouseholdYears stored) {
        TreeMap<Integer, HouseholdYear> years = new TreeMap<>();
        if (stored != null) {
            for (HouseholdYear year : stored.getYears()) {
                years.put(year.getReviewYear(), year);
            }
        }
        return years;
    }

    /** The household's counted statuses, as the movement rules read them. */
    private static HouseholdHistory history(TreeMap<Integer, HouseholdYear> years) {
        HouseholdHistory history = HouseholdHistory.empty();
        for (HouseholdYear year : years.values()) {
            if (year.getCounted()) {
                CheckedReview review = year.getReview();
                history = history.with(year.getReviewYear(), Classification.valueOf(review.getClassification().name()),
                        new HouseholdPlace(review.getVillageUnitCode(), review.getCommuneCode(), review.getDistrictCode(),
                                review.getProvinceCode()),
                        Tallies.counts(review.getFigures()));
            }
        }
        return history;
    }

    private static boolean disagrees(CheckedReview review) {
        return review.getStandardClassification() != null && review.getStandardClassification() != review.getClassification();
    }

    private static ClassificationDisagreement disagreement(String householdId, int year, CheckedReview review) {
        return ClassificationDisagreement.newBuilder()
                .setHouseholdId(householdId)
                .setReviewYear(year)
                .setReviewId(review.getReviewId())
                .setReviewedAt(Instant.ofEpochMilli(review.getReviewedAt()))
                .setProvinceCode(review.getProvinceCode())
                .setDistrictCode(review.getDistrictCode())
                .setCommuneCode(review.getCommuneCode())
                .setVillageUnitCode(review.getVillageUnitCode())
                .setArea(review.getArea())
                .setReviewerClassification(review.getClassification())
                .setStandardClassification(review.getStandardClassification())
                .setIncomePerCapitaMonthlyVnd(review.getIncomePerCapitaMonthlyVnd())
                .setDeprivationCount(review.getDeprivationCount())
                .build();
    }

    private static ReviewOrder orderOf(CheckedReview review) {
        return new ReviewOrder(review.getReviewedAt(), review.getReviewId());
    }
}
