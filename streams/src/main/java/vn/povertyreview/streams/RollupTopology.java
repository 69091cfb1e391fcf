package vn.povertyreview.streams;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.review.ReviewRules;
import vn.povertyreview.domain.standard.PovertyStandards;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.TargetKey;
import vn.povertyreview.schemas.TargetStatus;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.schemas.internal.HouseholdYears;
import vn.povertyreview.schemas.internal.UnitChangeBatch;
import vn.povertyreview.schemas.internal.UnitTally;
import vn.povertyreview.streams.internal.CommitBuffer;
import vn.povertyreview.streams.internal.HouseholdHistoryProcessor;
import vn.povertyreview.streams.internal.HouseholdOutcome;
import vn.povertyreview.streams.internal.HouseholdOutcome.Checked;
import vn.povertyreview.streams.internal.HouseholdOutcome.Disagreement;
import vn.povertyreview.streams.internal.HouseholdOutcome.Rejection;
import vn.povertyreview.streams.internal.HouseholdOutcome.UnitChanges;
import vn.povertyreview.streams.internal.GlobalTableUpdater;
import vn.povertyreview.streams.internal.ReviewCheckProcessor;
import vn.povertyreview.streams.internal.TargetOutcome;
import vn.povertyreview.streams.internal.TargetOutcome.Alert;
import vn.povertyreview.streams.internal.TargetOutcome.StatusChange;
import vn.povertyreview.streams.internal.TargetStatusProcessor;
import vn.povertyreview.streams.internal.ThreadActivity;
import vn.povertyreview.streams.internal.UnitBuckets;
import vn.povertyreview.streams.internal.UnitRollupProcessor;
import vn.povertyreview.streams.internal.VillageNames;

/**
 * The rollup topology: household reviews, reduction targets and review-year closures in; per-unit
 * poverty rollups, classification disagreements, target statuses and target-gap alerts out.
 *
 * <pre>
 * household-reviews ─► household-review-check ─┬─► household-reviews-rejected (breaks a rule)
 *   (key year/household,                       │
 *    partitioned by household)                 └─► household-history [household-history-store,
 *                                                    unit-change-buffer, unit-pending-change-store]
 *            ├─► household-reviews-rejected (a withdrawal for another commune)
 *            ├─► classification-disagreements (key year/household)
 *            └─► unit-changes (batches per unit bucket) ─► unit-rollup [unit-rollup-store] ─┬─► unit-rollups
 * admin-units ─► village-name-per-review-year ─────┘ (a registered village name, once per review year)
 *                                                                                             │
 *      target-status [unit-rollup-store (read), target-status-store, target-alert-store] ◄────┘
 *        reads the global stores reduction-target-store ◄─ reduction-targets (compacted)
 *                            and review-year-closure-store ◄─ review-year-closures (compacted)
 *            ├─► target-statuses (key year/unit/measure; a tombstone when the target is gone)
 *            └─► target-gap-alerts (key alert id)
 * </pre>
 *
 * The target step sits in the rollup sub-topology, taking a unit's sum from the rollup it is handed
 * (from the rollup store on its punctuation), so it costs no repartition; targets and closures are
 * small and every task needs any unit's ancestors' closures, so they are global stores. When statuses are computed and alerts raised is
 * told by {@link TargetStatusProcessor}.
 *
 * Reviews arrive partitioned by household id ({@link vn.povertyreview.schemas.HouseholdPartition},
 * chosen by ingest), which puts all review years of a household in one task, as the movement
 * figures need (escaped, newly poor, re-poor compare a household's years), without a repartition.
 * Each household change costs one state read and write, a recount of that household's few years
 * and a few unit changes summed in memory until the commit. Every stateful step is named so that
 * internal topics and stores keep their names as the topology grows.
 */
public final class RollupTopology {

    public static final String HISTORY_STORE = "household-history-store";
    /** In memory, per task: each unit's summed change since the last commit. */
    public static final String CHANGE_BUFFER = "unit-change-buffer";
    /** Logged: changes kept at a commit that came between two publish times, sent with the next. */
    public static final String PENDING_STORE = "unit-pending-change-store";
    /** In memory, per task: the units whose rollup changed since the last commit. */
    public static final String DUE_ROLLUP_STORE = "unit-due-rollup-store";
    public static final String ROLLUP_STORE = "unit-rollup-store";
    public static final String UNIT_CHANGES = "unit-changes";
    /** Global: the reduction targets, key {@code <reviewYear>/<unitCode>/<measure>}. */
    public static final String TARGET_STORE = "reduction-target-store";
    /** Global: the review-year closures, key {@code <reviewYear>/<unitCode>}. */
    public static final String CLOSURE_STORE = "review-year-closure-store";
    /** The last published status of each target of this task's units. */
    public static final String TARGET_STATUS_STORE = "target-status-store";
    /** The ids of the alerts raised, so that none is raised twice. */
    public static final String TARGET_ALERT_STORE = "target-alert-store";
    /** The group of the topology's own Kafka Streams metrics. */
    public static final String METRIC_GROUP = UnitRollupProcessor.METRIC_GROUP;
    /** The metric (per task) counting unit sums whose movement figures do not balance; it must stay at zero. */
    public static final String BALANCE_VIOLATIONS_METRIC = UnitRollupProcessor.BALANCE_VIOLATIONS_METRIC;

    private RollupTopology() {
    }

    /**
     * The topology over the administrative maps, the poverty standards and the 2025 succession of
     * communes that the caller loads (the official ones in production, {@code AdminMaps.official()},
     * {@code PovertyStandards.official()}, {@code AdminSuccession.official(maps)}).
     */
    public static Topology build(Topics topics, AdminMaps maps, PovertyStandards standards, AdminSuccession succession,
            RollupOptions options) {
        ReviewRules rules = new ReviewRules(maps);
        UnitDirectory directory = new UnitDirectory(maps);
        Serde<String> keys = Serdes.String();
        Serde<UnitTally> tallies = AvroSerde.of(UnitTally.class);
        ThreadActivity threads = new ThreadActivity();

        // No record caches on the household and rollup stores: each of their keys changes about once
        // per commit, so measured on two cores the caches' bookkeeping cost more than the writes they
        // saved (about 18,000 against 22,000 households per second with exactly-once).
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(HISTORY_STORE), keys, AvroSerde.of(HouseholdYears.class)).withCachingDisabled());
        // Every household change rewrites the same few units (its commune, province, the nation):
        // summed in memory and sent once per commit, inside the commit's transaction.
        builder.addStateStore(CommitBuffer.builder(CHANGE_BUFFER));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(PENDING_STORE), keys, tallies).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ROLLUP_STORE), keys, tallies).withCachingDisabled());
        builder.addStateStore(CommitBuffer.builder(DUE_ROLLUP_STORE));

        Map<String, KStream<String, HouseholdOutcome>> checked = builder
                .stream(topics.householdReviews().name(),
                        Consumed.with(topics.householdReviews().keySerde(), topics.householdReviews().valueSerde())
                                .withName("household-reviews-source"))
                .process(() -> new ReviewCheckProcessor(rules, standards), Named.as("household-review-check"))
                .split(Named.as("household-review-"))
                .branch((key, outcome) -> outcome instanceof Rejection, Branched.as("rejected"))
                .defaultBranch(Branched.as("checked"));
        toRejected(checked.get("household-review-rejected"), topics, "household-reviews-rejected-by-check");

        Map<String, KStream<String, HouseholdOutcome>> outcomes = checked.get("household-review-checked")
                .mapValues(outcome -> ((Checked) outcome).change(), Named.as("household-change"))
                .process(() -> new HouseholdHistoryProcessor(succession, HISTORY_STORE, CHANGE_BUFFER, PENDING_STORE,
                                options.publishInterval(), options.maxPendingUnits(), threads),
                        Named.as("household-history"), HISTORY_STORE, CHANGE_BUFFER, PENDING_STORE)
                .split(Named.as("household-outcome-"))
                .branch((key, outcome) -> outcome instanceof Rejection, Branched.as("rejected"))
                .branch((key, outcome) -> outcome instanceof Disagreement, Branched.as("disagreement"))
                .defaultBranch(Branched.as("counted"));
        toRejected(outcomes.get("household-outcome-rejected"), topics, "household-reviews-rejected-by-history");

        outcomes.get("household-outcome-disagreement")
                .mapValues(outcome -> ((Disagreement) outcome).disagreement(), Named.as("classification-disagreement"))
                .to(topics.classificationDisagreements().name(),
                        Produced.with(keys, topics.classificationDisagreements().valueSerde())
                                .withName("classification-disagreements-sink"));

        KStream<String, UnitChangeBatch> unitChanges = outcomes.get("household-outcome-counted")
                .mapValues(outcome -> ((UnitChanges) outcome).batch(), Named.as("unit-change"));
        VillageNames villageNames = new VillageNames(maps);
        KStream<String, UnitChangeBatch> nameChanges = builder
                .stream(topics.adminUnits().name(),
                        Consumed.with(topics.adminUnits().keySerde(), topics.adminUnits().valueSerde())
                                .withName("admin-units-source"))
                .flatMap(villageNames::perReviewYear, Named.as("village-name-per-review-year"));

        KStream<String, UnitRollup> rollups = unitChanges.merge(nameChanges, Named.as("unit-changes-and-names"))
                .repartition(Repartitioned.with(keys, AvroSerde.of(UnitChangeBatch.class)).withName(UNIT_CHANGES)
                        .withStreamPartitioner(UnitBuckets.partitioner()))
                .process(() -> new UnitRollupProcessor(directory, ROLLUP_STORE, DUE_ROLLUP_STORE,
                                options.publishInterval(), options.maxPendingUnits(), threads),
                        Named.as("unit-rollup"), ROLLUP_STORE, DUE_ROLLUP_STORE);
        rollups.to(topics.unitRollups().name(), Produced.with(keys, topics.unitRollups().valueSerde())
                .withName("unit-rollups-sink"));

        addTargetStatus(builder, rollups, topics, directory, options);

        return builder.build();
    }

    /**
     * Targets and closures as global stores (small, and every task needs any unit's ancestors'
     * closures), and the target-status step after unit-rollup in the same sub-topology: it is
     * handed each rollup and reads the rollup store on its punctuation, so it needs no repartition.
     */
    private static void addTargetStatus(StreamsBuilder builder, KStream<String, UnitRollup> rollups, Topics topics,
            UnitDirectory directory, RollupOptions options) {
        Serde<String> keys = Serdes.String();
        // Counts the changes of both global stores, so that a punctuation with nothing new skips its pass.
        AtomicLong inputChanges = new AtomicLong();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TARGET_STORE), keys,
                        topics.reductionTargets().valueSerde()).withLoggingDisabled(),
                topics.reductionTargets().name(),
                Consumed.with(topics.reductionTargets().keySerde(), topics.reductionTargets().valueSerde())
                        .withName("reduction-targets-source"),
                () -> new GlobalTableUpdater<>(TARGET_STORE, RollupTopology::isTargetKey, inputChanges));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLOSURE_STORE), keys,
                        topics.reviewYearClosures().valueSerde()).withLoggingDisabled(),
                topics.reviewYearClosures().name(),
                Consumed.with(topics.reviewYearClosures().keySerde(), topics.reviewYearClosures().valueSerde())
                        .withName("review-year-closures-source"),
                () -> new GlobalTableUpdater<>(CLOSURE_STORE, RollupTopology::isUnitKey, inputChanges));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TARGET_STATUS_STORE), keys, AvroSerde.of(TargetStatus.class)).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TARGET_ALERT_STORE), keys, Serdes.Long()).withCachingDisabled());

        Map<String, KStream<String, TargetOutcome>> outcomes = rollups
                .process(() -> new TargetStatusProcessor(directory, inputChanges, options.publishInterval(), ROLLUP_STORE,
                                TARGET_STORE, CLOSURE_STORE, TARGET_STATUS_STORE, TARGET_ALERT_STORE),
                        Named.as("target-status"), ROLLUP_STORE, TARGET_STATUS_STORE, TARGET_ALERT_STORE)
                .split(Named.as("target-outcome-"))
                .branch((key, outcome) -> outcome instanceof Alert, Branched.as("alert"))
                .defaultBranch(Branched.as("status"));
        outcomes.get("target-outcome-status")
                .mapValues(outcome -> ((StatusChange) outcome).status(), Named.as("target-status-value"))
                .to(topics.targetStatuses().name(), Produced.with(keys, topics.targetStatuses().valueSerde())
                        .withName("target-statuses-sink"));
        outcomes.get("target-outcome-alert")
                .mapValues(outcome -> ((Alert) outcome).alert(), Named.as("target-gap-alert-value"))
                .to(topics.targetGapAlerts().name(), Produced.with(keys, topics.targetGapAlerts().valueSerde())
                        .withName("target-gap-alerts-sink"));
    }

    private static boolean isTargetKey(String key) {
        try {
            TargetKey.parse(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isUnitKey(String key) {
        try {
            UnitKey.parse(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void toRejected(KStream<String, HouseholdOutcome> rejections, Topics topics, String name) {
        rejections.mapValues(outcome -> ((Rejection) outcome).rejected(), Named.as(name + "-value"))
                .to(topics.rejectedReviews().name(), Produced.with(Serdes.String(), topics.rejectedReviews().valueSerde())
                        .withName(name));
    }
}
