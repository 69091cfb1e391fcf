package vn.povertyreview.streams.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
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
import vn.povertyreview.domain.rollup.HouseholdYearContribution;
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
import vn.povertyreview.streams.internal.HouseholdOutcome.UnitChanges;

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
 * household are in one state because ingest writes them to the partition of the household id.
 *
 * <p>Changes are summed per unit in memory ({@link CommitBuffer}) and sent inside a commit's
 * transaction (or earlier, when too many units are pending), so a busy commune costs one downstream
 * change per commit instead of one per household; they leave as one batch per unit bucket ({@link
 * UnitBuckets}). Commits come at publish times ({@link
 * CommitPacer}) or at the freshness budget; a commit that comes sooner after the last sending than
 * half a publish interval (a rebalance, say) keeps the summed changes in a logged store instead,
 * to be sent with the next. Either way nothing pending survives a commit unhandled, so a crash
 * loses nothing.
 *
 * <p>Every change of a year's counted review also says whether the household-year now disagrees
 * with the poverty standard (the disagreement, for analysts to list) or no longer does (a tombstone).
 */
public final class HouseholdHistoryProcessor implements Processor<String, HouseholdChange, String, HouseholdOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(HouseholdHistoryProcessor.class);

    private final AdminSuccession succession;
    private final String historyStoreName;
    private final String bufferName;
    private final String pendingStoreName;
    private final Duration publishInterval;
    private final long maxPendingUnits;
    private final ThreadActivity threads;

    private ProcessorContext<String, HouseholdOutcome> context;
    private KeyValueStore<String, HouseholdYears> histories;
    private CommitBuffer<UnitKey, PendingChange> buffer;
    private KeyValueStore<String, UnitTally> pending;
    private CommitPacer pacer;
    /** When changes were last sent; the start of the task counts as one such time. */
    private long lastSentAt;

    public HouseholdHistoryProcessor(AdminSuccession succession, String historyStoreName, String bufferName,
            String pendingStoreName, Duration publishInterval, long maxPendingUnits, ThreadActivity threads) {
        this.succession = succession;
        this.historyStoreName = historyStoreName;
        this.bufferName = bufferName;
        this.pendingStoreName = pendingStoreName;
        this.publishInterval = publishInterval;
        this.maxPendingUnits = maxPendingUnits;
        this.threads = threads;
    }

    @Override
    public void init(ProcessorContext<String, HouseholdOutcome> context) {
        this.context = context;
        this.histories = context.getStateStore(historyStoreName);
        this.buffer = context.getStateStore(bufferName);
        this.pending = context.getStateStore(pendingStoreName);
        this.pacer = new CommitPacer(context, threads, "household-history", publishInterval);
        buffer.onCommit(context, this::atCommit);
        this.lastSentAt = context.currentSystemTimeMs();
    }

    @Override
    public void close() {
        pacer.close();
    }

    @Override
    public void process(Record<String, HouseholdChange> record) {
        HouseholdChange change = record.value();
        pacer.handled(record.timestamp());
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
        if (buffer.size() >= maxPendingUnits) {
            buffer.drain(this::send);
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
     * puts in what the new one adds. A year in which neither history has a status, nor the year
     * before, gets nothing from either ({@link HouseholdYearFigures}), so it is skipped: a change
     * of year Y costs Y, Y + 1 and the years the household was reviewed in after that.
     */
    private void sendChanges(int fromYear, HouseholdHistory before, HouseholdHistory after, long timestamp) {
        for (int year = fromYear; year <= ReviewYears.LAST; year++) {
            if (!countsIn(before, year) && !countsIn(after, year)) {
                continue;
            }
            int changedYear = year;
            HouseholdYearContribution.forEachChange(HouseholdYearFigures.contribution(before, year, succession),
                    HouseholdYearFigures.contribution(after, year, succession),
                    (unit, delta) -> addPending(new UnitKey(changedYear, unit), delta, timestamp));
        }
    }

    /** Whether the household adds anything to the units of {@code year}: it has a status in it or in the year before. */
    private static boolean countsIn(HouseholdHistory history, int year) {
        return history.in(year).isPresent() || history.in(year - 1).isPresent();
    }

    private void sendDisagreement(String householdId, int year, HouseholdYear old, HouseholdYear updated, long timestamp) {
        String key = new HouseholdKey(year, householdId).toString();
        if (updated.getCounted() && disagrees(updated.getReview())) {
            context.forward(new Record<>(key, new Disagreement(disagreement(householdId, year, updated.getReview())), timestamp));
        } else if (old != null && old.getCounted() && disagrees(old.getReview())) {
            context.forward(new Record<>(key, new Disagreement(null), timestamp));
        }
    }

    private void addPending(UnitKey unitKey, Tally delta, long timestamp) {
        buffer.computeIfAbsent(unitKey, key -> new PendingChange()).add(delta, timestamp);
    }

    /** At every commit: send the summed changes, with any kept, or keep them until the next publish time. */
    private void atCommit(Map<UnitKey, PendingChange> changes) {
        pacer.committing();
        long now = context.currentSystemTimeMs();
        if (now - lastSentAt < publishInterval.toMillis() / 2) {
            changes.forEach((unitKey, change) -> {
                String key = unitKey.toString();
                UnitTally stored = pending.get(key);
                if (stored != null) {
                    change.add(Tallies.counts(stored), stored.getAsOf());
                }
                pending.put(key, Tallies.stored(change.change(), change.asOf(), 0));
            });
            return;
        }
        lastSentAt = now;
        List<KeyValue<String, UnitTally>> kept = new ArrayList<>();
        try (KeyValueIterator<String, UnitTally> all = pending.all()) {
            all.forEachRemaining(kept::add);
        }
        for (KeyValue<String, UnitTally> entry : kept) {
            changes.computeIfAbsent(UnitKey.parse(entry.key), unitKey -> new PendingChange())
                    .add(Tallies.counts(entry.value), entry.value.getAsOf());
            pending.delete(entry.key);
        }
        send(changes);
    }

    /**
     * Sends every unit's summed change downstream; changes that cancelled out are dropped. While
     * this task works through a backlog they are marked so ({@link CommitPacer#BACKLOG_HEADER}).
     */
    private void send(Map<UnitKey, PendingChange> changes) {
        boolean fromBacklog = pacer.inBacklog(context.currentSystemTimeMs());
        UnitBuckets.Batches batches = new UnitBuckets.Batches();
        changes.forEach((unitKey, change) -> {
            Tally summed = change.change();
            if (!summed.isZero()) {
                batches.add(unitKey.toString(), change.asOf(), Tallies.packed(summed));
            }
        });
        batches.forEach((bucketKey, batch) -> context.forward(new Record<>(bucketKey, new UnitChanges(batch),
                UnitBuckets.asOf(batch), CommitPacer.headers(fromBacklog))));
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
                        Tallies.figures(review));
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
