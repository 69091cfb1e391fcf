package vn.povertyreview.streams.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.Lineage;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.domain.target.AlertId;
import vn.povertyreview.domain.target.AlertRule;
import vn.povertyreview.domain.target.AlertText;
import vn.povertyreview.domain.target.PovertyCount;
import vn.povertyreview.domain.target.Target;
import vn.povertyreview.domain.target.TargetAssessment;
import vn.povertyreview.domain.target.TargetKind;
import vn.povertyreview.domain.target.TargetMeasure;
import vn.povertyreview.domain.target.TargetRuleException;
import vn.povertyreview.schemas.ReductionTarget;
import vn.povertyreview.schemas.ReviewYearClosure;
import vn.povertyreview.schemas.TargetGapAlert;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.TargetStatusKind;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitRef;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.schemas.internal.UnitTally;
import vn.povertyreview.streams.internal.TargetOutcome.Alert;
import vn.povertyreview.streams.internal.TargetOutcome.StatusChange;

/**
 * Judges units' reduction targets against their current sums, publishes each target's status when
 * it changes and raises an alert when it worsens or a closed year ends with the target missed.
 *
 * <p>The rules are the domain's: {@link TargetAssessment} (baseline, reviewed share, status),
 * {@link AlertRule} and {@link AlertId} in {@code vn.povertyreview.domain.target}, the units above
 * a unit in {@link UnitDirectory#lineage}. This processor moves records and keeps state.
 *
 * <h2>Inputs</h2>
 * <ul>
 *   <li>the unit's sum: on a rollup change, the rollup itself, whose counts are the sum the
 *       {@link UnitRollupProcessor} just before this step has stored; on the punctuation, which is
 *       handed no rollup, that step's {@code unit-rollup-store} (read only). A unit belongs to this
 *       task when that store holds its key; a unit whose stored sum has never counted a household
 *       (revision 0: only a village's registered name) has no rollup and so no status;
 *   <li>the targets: a global store over the compacted reduction-targets topic, key
 *       {@code <reviewYear>/<unitCode>/<measure>};
 *   <li>the closures: a global store over the compacted review-year-closures topic, key
 *       {@code <reviewYear>/<unitCode>}.
 * </ul>
 *
 * <h2>When a status is computed</h2>
 * <ul>
 *   <li>on every rollup change of a unit (each record from the rollup step): that unit's targets,
 *       one per measure, are assessed;
 *   <li>on a wall-clock punctuation every flush interval: every target of this task's units is
 *       assessed, and every status this task published whose target no longer exists is removed.
 *       This is how a new, changed or deleted target, a closure or a reopening takes effect without
 *       a rollup change. Because nothing else can change a status between rollup changes, the pass
 *       is skipped when neither global store changed since this processor's last pass (a counter
 *       shared with their updaters); the first punctuation of a processor always makes the pass.
 * </ul>
 *
 * <h2>How a target is assessed</h2>
 * With {@code S} the unit's sum, {@link TargetAssessment#of(Target, Tally, boolean)} judges it:
 * current = {@code measure.countIn(S)}; the previous year's final figure =
 * {@link vn.povertyreview.domain.target.TargetMeasure#previousYearFinalIn} (START_POOR, or
 * START_ETHNIC_MINORITY_POOR for the ethnic-minority rate, over START_HOUSEHOLDS; none when
 * START_HOUSEHOLDS is 0), unused when the target states its own baseline; reviewedShare =
 * HOUSEHOLDS ÷ START_HOUSEHOLDS (rounded down at 20 decimals, so "exactly on pace" stays on
 * track), 1 when START_HOUSEHOLDS is 0. yearClosed = a closure of the year exists for the unit or
 * any unit above it in its {@link UnitDirectory#lineage} (a village's parent is its commune, then up
 * the year's map to the nation). A target that breaks a rule of {@link Target}, or that has no
 * baseline, is logged and has no status.
 *
 * <h2>When a status is published</h2>
 * The last published status of each target is kept in {@code target-status-store} (logged). A newly
 * computed status is published only when it differs from that one in anything but its revision and
 * time, with the revision one higher (1 for a target's first status). When a target is deleted or
 * can no longer be assessed, a tombstone is published for its key and its stored status removed.
 *
 * <h2>When an alert is raised</h2>
 * When a status is published and {@link AlertRule#raises} says so, that is either
 * <ul>
 *   <li>it is worse than the previous published status ({@link vn.povertyreview.domain.target.TargetStatus#isWorseThan});
 *       a target's first status (none published before, or removed since) counts as worse only when
 *       it is AT_RISK or MISSED; or
 *   <li>the year is closed and the status is MISSED.
 * </ul>
 * The alert's id is {@link AlertId}, {@code <reviewYear>/<unitCode>/<measure>/<kind>/<value>/<status>}.
 * Ids raised are kept in {@code target-alert-store} (logged), and an id is never raised twice: re-delivered or
 * replayed reviews, targets and closures, a restart, or a reopened and re-closed year raise nothing
 * new, while a late correction that turns a closed year's MET into MISSED raises the MISSED alert if
 * that target had not been MISSED before. The alert's text is
 * {@link TargetAssessment#alertText(String, String)} with the unit's name and the names of the units
 * above it up to the province ({@link Lineage#fullName}: "Xã Hà Trung, Tỉnh Thanh Hóa"); a
 * village is named by its registered name, else by its code.
 */
public final class TargetStatusProcessor implements Processor<String, UnitRollup, String, TargetOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(TargetStatusProcessor.class);
    private static final int SHARE_DISPLAY_SCALE = 4;

    private final UnitDirectory directory;
    private final AtomicLong inputChanges;
    private final Duration interval;
    private final String rollupStoreName;
    private final String targetStoreName;
    private final String closureStoreName;
    private final String statusStoreName;
    private final String alertStoreName;

    private ProcessorContext<String, TargetOutcome> context;
    private KeyValueStore<String, UnitTally> sums;
    private KeyValueStore<String, ReductionTarget> targets;
    private KeyValueStore<String, ReviewYearClosure> closures;
    private KeyValueStore<String, TargetStatus> statuses;
    private KeyValueStore<String, Long> alerts;
    private long inputChangesSeen = -1;

    /**
     * @param inputChanges counts the changes applied to the target and closure stores; shared with their updaters
     */
    public TargetStatusProcessor(UnitDirectory directory, AtomicLong inputChanges, Duration interval,
            String rollupStoreName, String targetStoreName, String closureStoreName, String statusStoreName,
            String alertStoreName) {
        this.directory = directory;
        this.inputChanges = inputChanges;
        this.interval = interval;
        this.rollupStoreName = rollupStoreName;
        this.targetStoreName = targetStoreName;
        this.closureStoreName = closureStoreName;
        this.statusStoreName = statusStoreName;
        this.alertStoreName = alertStoreName;
    }

    @Override
    public void init(ProcessorContext<String, TargetOutcome> context) {
        this.context = context;
        sums = context.getStateStore(rollupStoreName);
        targets = context.getStateStore(targetStoreName);
        closures = context.getStateStore(closureStoreName);
        statuses = context.getStateStore(statusStoreName);
        alerts = context.getStateStore(alertStoreName);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::reassessAll);
    }

    @Override
    public void process(Record<String, UnitRollup> rollup) {
        UnitKey unitKey = UnitKey.parse(rollup.key());
        // The rollup holds the sum the rollup step has just stored, so the store is not read again;
        // that step publishes no sum of revision 0, so there is none to skip here.
        Tally sum = Tallies.counts(rollup.value().getCounts());
        for (vn.povertyreview.schemas.TargetMeasure measure : vn.povertyreview.schemas.TargetMeasure.values()) {
            assess(new TargetKey(unitKey.reviewYear(), unitKey.unitCode(), measure), sum, rollup.value().getUnitName(),
                    rollup.timestamp());
        }
    }

    /** The punctuation: every target of this task's units, and the removal of statuses whose target is gone. */
    private void reassessAll(long now) {
        long changes = inputChanges.get();
        if (changes == inputChangesSeen) {
            return;
        }
        try (KeyValueIterator<String, ReductionTarget> all = targets.all()) {
            while (all.hasNext()) {
                KeyValue<String, ReductionTarget> entry = all.next();
                TargetKey key;
                try {
                    key = TargetKey.parse(entry.key);
                } catch (IllegalArgumentException e) {
                    LOG.warn("Ignoring target under key '{}': {}", entry.key, e.getMessage());
                    continue;
                }
                // No rollup is handed to a punctuation: the stored sum, which only this task's units have.
                UnitTally stored = sums.get(new UnitKey(key.reviewYear(), key.unitCode()).toString());
                // Revision 0 is only a village's registered name: no household counted, no rollup, no status.
                if (stored != null && stored.getRevision() > 0) {
                    assess(key, Tallies.counts(stored), stored.getUnitName(), now);
                }
            }
        }
        List<String> orphans = new ArrayList<>();
        try (KeyValueIterator<String, TargetStatus> all = statuses.all()) {
            while (all.hasNext()) {
                String key = all.next().key;
                if (targets.get(key) == null) {
                    orphans.add(key);
                }
            }
        }
        for (String key : orphans) {
            remove(key, now);
        }
        inputChangesSeen = changes;
        // A target or closure was set by an admin, who expects to see its effect in seconds; without
        // live input nothing else would commit before the freshness budget.
        context.commit();
    }

    /**
     * Assesses the target under {@code key}, if there is one, against the unit's {@code sum};
     * {@code unitName} is the name in the unit's rollup or stored sum, a village's registered
     * name there (null in a stored sum when it has none).
     */
    private void assess(TargetKey key, Tally sum, String unitName, long now) {
        String statusKey = key.toString();
        ReductionTarget record = targets.get(statusKey);
        if (record == null) {
            // Most units have no target: nothing more to read on the rollup path. The status of a
            // target deleted since is removed by the punctuation's pass, which the deletion triggers.
            return;
        }
        Lineage lineage = directory.lineage(key.reviewYear(), key.unitCode()).orElse(null);
        Optional<TargetAssessment> assessment = lineage == null ? Optional.empty()
                : assessment(key, record, sum, lineage);
        if (assessment.isEmpty()) {
            remove(statusKey, now);
            return;
        }
        TargetAssessment assessed = assessment.get();
        UnitRef unitRef = new UnitRef(lineage.unit().code(), nameOf(lineage.unit(), unitName));
        List<UnitRef> parents = new ArrayList<>(lineage.above().size());
        for (AdminUnit parent : lineage.above()) {
            parents.add(new UnitRef(parent.code(), parent.name()));
        }
        TargetStatus previous = statuses.get(statusKey);
        TargetStatus next = status(record, assessed, unitRef, parents,
                previous == null ? 1 : previous.getRevision() + 1, now);
        if (previous != null && sameStanding(previous, next)) {
            return;
        }
        statuses.put(statusKey, next);
        context.forward(new Record<>(statusKey, new StatusChange(next), now));
        maybeAlert(record, assessed, previous, unitRef, parents, lineage, now);
    }

    private void remove(String statusKey, long now) {
        if (statuses.get(statusKey) != null) {
            statuses.delete(statusKey);
            context.forward(new Record<>(statusKey, new StatusChange(null), now));
        }
    }

    private void maybeAlert(ReductionTarget record, TargetAssessment assessed, TargetStatus previous, UnitRef unit,
            List<UnitRef> parents, Lineage lineage, long now) {
        vn.povertyreview.domain.target.TargetStatus status = assessed.status();
        vn.povertyreview.domain.target.TargetStatus before = previous == null ? null
                : vn.povertyreview.domain.target.TargetStatus.valueOf(previous.getStatus().name());
        if (!AlertRule.raises(before, status, assessed.yearClosed())) {
            return;
        }
        String alertId = AlertId.of(assessed.target(), record.getValue(), status).toString();
        if (alerts.get(alertId) != null) {
            return;
        }
        alerts.put(alertId, now);
        String name = lineage.fullName(unit.getName()); // the maps have no English names: one name serves both sentences
        AlertText text = assessed.alertText(name, name);
        TargetGapAlert alert = TargetGapAlert.newBuilder()
                .setAlertId(alertId)
                .setUnit(unit)
                .setParents(parents)
                .setReviewYear(record.getReviewYear())
                .setMeasure(record.getMeasure())
                .setKind(record.getKind())
                .setValue(record.getValue())
                .setStatus(TargetStatusKind.valueOf(status.name()))
                .setPreviousStatus(previous == null ? null : previous.getStatus())
                .setYearClosed(assessed.yearClosed())
                .setGapHouseholds(assessed.gapHouseholds())
                .setGapPoints(assessed.gapPoints().toPlainString())
                .setCompletionPercent(assessed.completionPercent().toPlainString())
                .setMessageVi(text.vietnamese())
                .setMessageEn(text.english())
                .setRaisedAt(Instant.ofEpochMilli(now))
                .build();
        context.forward(new Record<>(alertId, new Alert(alert), now));
    }

    /** The assessment of a stored target against the unit's sum; empty, logged, when it cannot be made. */
    private Optional<TargetAssessment> assessment(TargetKey key, ReductionTarget record, Tally sum, Lineage lineage) {
        if (record.getReviewYear() != key.reviewYear() || !key.unitCode().equals(record.getUnitCode())
                || record.getMeasure() != key.measure()) {
            LOG.warn("Target under key {} is for {}/{}/{}; it is not assessed", key, record.getReviewYear(),
                    record.getUnitCode(), record.getMeasure());
            return Optional.empty();
        }
        try {
            TargetMeasure measure = TargetMeasure.valueOf(record.getMeasure().name());
            Target target = Target.of(record.getUnitCode(), record.getReviewYear(), measure,
                    TargetKind.valueOf(record.getKind().name()), new BigDecimal(record.getValue()));
            if (record.getBaselinePoorHouseholds() != null && record.getBaselineTotalHouseholds() != null) {
                target = target.withStatedBaseline(
                        new PovertyCount(record.getBaselinePoorHouseholds(), record.getBaselineTotalHouseholds()));
            }
            return Optional.of(TargetAssessment.of(target, sum, isClosed(key.reviewYear(), lineage)));
        } catch (TargetRuleException e) {
            LOG.warn("Target {} is not assessed: {} ({})", key, e.getMessage(), e.rule());
        } catch (NumberFormatException | ArithmeticException e) {
            LOG.warn("Target {} is not assessed: value '{}' is not a plain decimal", key, record.getValue());
        }
        return Optional.empty();
    }

    /** Whether the year is closed for the unit: a closure of it or of any unit above it. */
    private boolean isClosed(int reviewYear, Lineage lineage) {
        return lineage.anyMatch(unit -> closures.get(new UnitKey(reviewYear, unit.code()).toString()) != null);
    }

    /** A village by the name it has in its rollup (registered, else its code); any other unit by the map's name. */
    private static String nameOf(AdminUnit unit, String unitName) {
        return unit.level() == UnitLevel.VILLAGE && unitName != null ? unitName : unit.name();
    }

    private static TargetStatus status(ReductionTarget record, TargetAssessment a, UnitRef unit, List<UnitRef> parents,
            long revision, long now) {
        return TargetStatus.newBuilder()
                .setUnit(unit)
                .setParents(parents)
                .setReviewYear(record.getReviewYear())
                .setMeasure(record.getMeasure())
                .setKind(record.getKind())
                .setValue(record.getValue())
                .setBaselinePoorHouseholds(a.baselinePoorHouseholds())
                .setBaselineTotalHouseholds(a.baseline().totalHouseholds())
                .setBaselineRate(a.baselineRate().toPlainString())
                .setBaselineStated(a.target().statedBaseline().isPresent())
                .setTargetEndHouseholds(a.endPoorHouseholds())
                .setTargetEndRate(a.endRate().toPlainString())
                .setCurrentPoorHouseholds(a.currentPoorHouseholds())
                .setCurrentTotalHouseholds(a.current().totalHouseholds())
                .setCurrentRate(a.currentRate().toPlainString())
                .setGapHouseholds(a.gapHouseholds())
                .setGapPoints(a.gapPoints().toPlainString())
                .setCompletionPercent(a.completionPercent().toPlainString())
                .setReviewedShare(a.reviewedShare().setScale(SHARE_DISPLAY_SCALE, RoundingMode.HALF_UP).toPlainString())
                .setStatus(TargetStatusKind.valueOf(a.status().name()))
                .setYearClosed(a.yearClosed())
                .setRevision(revision)
                .setUpdatedAt(Instant.ofEpochMilli(now))
                .build();
    }

    /** Whether two statuses say the same, apart from their revision and time. */
    private static boolean sameStanding(TargetStatus previous, TargetStatus next) {
        return TargetStatus.newBuilder(next).setRevision(previous.getRevision()).setUpdatedAt(previous.getUpdatedAt())
                .build().equals(previous);
    }
}
