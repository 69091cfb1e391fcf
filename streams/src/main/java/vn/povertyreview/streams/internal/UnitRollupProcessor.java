package vn.povertyreview.streams.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.movement.BalanceViolation;
import vn.povertyreview.domain.movement.MovementBalance;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.HouseholdYearFigures;
import vn.povertyreview.domain.rollup.Rates;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitLevel;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.schemas.internal.BatchedUnitChange;
import vn.povertyreview.schemas.internal.UnitTally;
import vn.povertyreview.schemas.internal.UnitChangeBatch;

/**
 * Adds each change of a unit's counts to the unit's sum and publishes the unit's new rollup,
 * with a revision that grows with every change so that consumers can keep the newest.
 *
 * <p>A change may instead carry a village's registered name: it is kept with the sum and, if the
 * village already has a rollup, the rollup is published again under the new name. A village with
 * no counted household keeps the name without getting a rollup.
 *
 * <p>A unit's changes between two commits are summed in memory ({@link CommitBuffer}, {@link
 * UnitSum}); at the commit its sum is stored and its rollup published, once: many changes to one
 * unit between two commits cost one store write and one rollup. When commits come is told by {@link
 * CommitPacer}.
 */
public final class UnitRollupProcessor implements Processor<String, UnitChangeBatch, String, UnitRollup> {

    private static final Logger LOG = LoggerFactory.getLogger(UnitRollupProcessor.class);

    /** The metric counting unit sums whose movement figures do not balance; it must stay at zero. */
    public static final String BALANCE_VIOLATIONS_METRIC = "movement-balance-violations-total";
    public static final String METRIC_GROUP = "poverty-rollup-metrics";

    private final UnitDirectory directory;
    private final String storeName;
    private final String dueStoreName;
    private final Duration publishInterval;
    private final long maxDueRollups;
    private final ThreadActivity threads;

    private ProcessorContext<String, UnitRollup> context;
    private KeyValueStore<String, UnitTally> sums;
    private CommitBuffer<String, UnitSum> due;
    private CommitPacer pacer;
    private Sensor balanceViolations;

    public UnitRollupProcessor(UnitDirectory directory, String storeName, String dueStoreName,
            Duration publishInterval, long maxDueRollups, ThreadActivity threads) {
        this.directory = directory;
        this.storeName = storeName;
        this.dueStoreName = dueStoreName;
        this.publishInterval = publishInterval;
        this.maxDueRollups = maxDueRollups;
        this.threads = threads;
    }


    @Override
    public void init(ProcessorContext<String, UnitRollup> context) {
        this.context = context;
        this.sums = context.getStateStore(storeName);
        this.due = context.getStateStore(dueStoreName);
        this.pacer = new CommitPacer(context, threads, "unit-rollup", publishInterval);
        due.onCommit(context, changed -> {
            pacer.committing();
            storeAndPublish(changed);
        });
        String task = context.taskId().toString();
        balanceViolations = context.metrics().addSensor(BALANCE_VIOLATIONS_METRIC + "-" + task, Sensor.RecordingLevel.INFO);
        balanceViolations.add(new MetricName(BALANCE_VIOLATIONS_METRIC, METRIC_GROUP,
                "Unit sums whose movement figures broke a balance identity (must stay 0)", Map.of("task-id", task)),
                new CumulativeCount());
    }

    @Override
    public void close() {
        context.metrics().removeSensor(balanceViolations);
        pacer.close();
    }

    @Override
    public void process(Record<String, UnitChangeBatch> changes) {
        if (CommitPacer.fromBacklog(changes.headers())) {
            pacer.handledFromBacklog(changes.timestamp());
        } else {
            pacer.handled(changes.timestamp());
        }
        for (BatchedUnitChange change : changes.value().getChanges()) {
            count(change);
        }
    }

    private void count(BatchedUnitChange change) {
        // The unit is looked up once per commit: after that its sum is in the buffer.
        UnitSum sum = due.computeIfAbsent(change.getUnitKey(), unitKey -> sumOf(UnitKey.parse(unitKey), change));
        if (sum == null) {
            return;
        }
        if (change.getUnitName() != null) {
            sum.rename(change.getUnitName(), change.getAsOf());
        } else {
            sum.add(Tally.of(PackedCounts.unpack(change.getPackedCounts())), change.getAsOf());
        }
        if (due.size() >= maxDueRollups) {
            due.drain(this::storeAndPublish);
        }
    }

    /** The unit's stored sum, to add changes to; null when the unit is not in its year's map. */
    private UnitSum sumOf(UnitKey key, BatchedUnitChange change) {
        Optional<AdminUnit> unit = directory.find(key.reviewYear(), key.unitCode());
        if (unit.isEmpty()) {
            // Only checked places reach this step; a unit missing here means the maps changed under stored data.
            LOG.error("Unit {} is not in the map of review year {}; its change {} is not counted",
                    key.unitCode(), key.reviewYear(), change);
            return null;
        }
        return UnitSum.of(key, unit.get(), sums.get(key.toString()));
    }

    /**
     * Stores each changed unit's sum and publishes its rollup (a village only named so far is
     * stored, not published). Once per commit per unit: the store read, write and changelog record
     * of a unit cost one each per commit however many changes it had.
     */
    private void storeAndPublish(Map<String, UnitSum> changed) {
        changed.forEach((unitKey, sum) -> {
            sums.put(unitKey, sum.stored());
            if (!sum.counted()) {
                return;
            }
            Tally counts = sum.counts();
            if (counts.hasNegative()) {
                LOG.error("Unit {} of review year {} would count below zero: {}", sum.key().unitCode(), sum.key().reviewYear(), counts);
            }
            checkBalance(sum.key(), counts);
            context.forward(new Record<>(unitKey, rollup(sum.key(), sum.unit(), sum.name(), counts, sum.revision(), sum.asOf()),
                    sum.asOf()));
        });
    }

    /**
     * Every household's contribution balances, so every sum of them does: a sum that does not
     * means a contribution was lost or repeated. It is logged and counted, and still published, so
     * that the figures on record are what the pipeline holds.
     */
    private void checkBalance(UnitKey key, Tally sum) {
        List<BalanceViolation> violations = MovementBalance.check(key.unitCode(), key.reviewYear(), HouseholdYearFigures.movementOf(sum));
        for (BalanceViolation violation : violations) {
            LOG.error("Movement figures do not balance: {}", violation.describe());
        }
        if (!violations.isEmpty()) {
            balanceViolations.record();
        }
    }

    /**
     * The published rollup: the unit, the explicit counts and rates, and the whole sum as counts in
     * {@link Figure} order, from which consumers derive every figure and measure with the year's
     * standard ({@code UnitRollups.report}).
     */
    private UnitRollup rollup(UnitKey key, AdminUnit unit, String name, Tally sum, long revision, long asOf) {
        long total = sum.get(Figure.HOUSEHOLDS);
        return UnitRollup.newBuilder()
                .setUnitCode(key.unitCode())
                .setReviewYear(key.reviewYear())
                .setMapId(directory.mapId(key.reviewYear()))
                .setLevel(UnitLevel.valueOf(unit.level().name()))
                .setUnitName(name)
                .setParentCode(unit.parentCode())
                .setTotalHouseholds(total)
                .setPoorHouseholds(sum.get(Figure.POOR))
                .setNearPoorHouseholds(sum.get(Figure.NEAR_POOR))
                .setPoorRate(Rates.percent(sum.get(Figure.POOR), total))
                .setNearPoorRate(Rates.percent(sum.get(Figure.NEAR_POOR), total))
                .setRevision(revision)
                .setUpdatedAt(Instant.ofEpochMilli(asOf))
                .setCounts(Tallies.list(sum))
                .build();
    }
}
