package vn.povertyreview.streams;

import java.util.Map;
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
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.review.ReviewRules;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.schemas.internal.HouseholdState;
import vn.povertyreview.schemas.internal.UnitTally;
import vn.povertyreview.streams.internal.HouseholdOutcome;
import vn.povertyreview.streams.internal.HouseholdOutcome.Rejection;
import vn.povertyreview.streams.internal.HouseholdOutcome.UnitChange;
import vn.povertyreview.streams.internal.HouseholdReviewProcessor;
import vn.povertyreview.streams.internal.UnitRollupProcessor;
import vn.povertyreview.streams.internal.VillageNames;

/**
 * The rollup topology: household reviews in, per-unit poverty rollups out.
 *
 * <pre>
 * household-reviews ─► household-latest-review ─┬─► household-reviews-rejected
 *   (key year/household)  [household-review-store,  │
 *                          unit-pending-change-store]└─► unit-changes (repartition by year/unit)
 *                                                        ─► unit-rollup [unit-rollup-store] ─► unit-rollups
 * admin-units ─► village-name-per-review-year ───────────────┘ (a registered village name, once per review year)
 * </pre>
 *
 * Each household change costs a constant amount of work (one state update and a few summed unit
 * changes), and only one repartition stands between the input and the output. Every stateful step
 * is named so that internal topics and stores keep their names as the topology grows.
 */
public final class RollupTopology {

    public static final String HOUSEHOLD_STORE = "household-review-store";
    public static final String PENDING_STORE = "unit-pending-change-store";
    public static final String ROLLUP_STORE = "unit-rollup-store";
    public static final String UNIT_CHANGES = "unit-changes";

    private RollupTopology() {
    }

    public static Topology build(Topics topics, AdminMaps maps, RollupOptions options) {
        ReviewRules rules = new ReviewRules(maps);
        UnitDirectory directory = new UnitDirectory(maps);
        Serde<String> keys = Serdes.String();
        Serde<UnitTally> tallies = AvroSerde.of(UnitTally.class);

        // No record caches: the pending store already folds each unit's changes, and measured on two
        // cores the caches' bookkeeping cost more than the writes they saved (about 18,000 against
        // 22,000 households per second with exactly-once).
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(HOUSEHOLD_STORE), keys, AvroSerde.of(HouseholdState.class)).withCachingDisabled());
        // In memory: it only ever holds the changes of one flush interval, and its changelog restores it.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(PENDING_STORE), keys, tallies).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ROLLUP_STORE), keys, tallies).withCachingDisabled());

        KStream<String, HouseholdOutcome> outcomes = builder
                .stream(topics.householdReviews().name(),
                        Consumed.with(topics.householdReviews().keySerde(), topics.householdReviews().valueSerde())
                                .withName("household-reviews-source"))
                .process(() -> new HouseholdReviewProcessor(rules, HOUSEHOLD_STORE, PENDING_STORE,
                                options.flushInterval(), options.maxPendingUnits()),
                        Named.as("household-latest-review"), HOUSEHOLD_STORE, PENDING_STORE);

        Map<String, KStream<String, HouseholdOutcome>> branches = outcomes.split(Named.as("household-outcome-"))
                .branch((key, outcome) -> outcome instanceof Rejection, Branched.as("rejected"))
                .defaultBranch(Branched.as("counted"));

        branches.get("household-outcome-rejected")
                .mapValues(outcome -> ((Rejection) outcome).rejected(), Named.as("rejected-review"))
                .to(topics.rejectedReviews().name(), Produced.with(keys, topics.rejectedReviews().valueSerde())
                        .withName("household-reviews-rejected-sink"));

        KStream<String, UnitTally> unitChanges = branches.get("household-outcome-counted")
                .mapValues(outcome -> ((UnitChange) outcome).delta(), Named.as("unit-change"));
        VillageNames villageNames = new VillageNames(maps);
        KStream<String, UnitTally> nameChanges = builder
                .stream(topics.adminUnits().name(),
                        Consumed.with(topics.adminUnits().keySerde(), topics.adminUnits().valueSerde())
                                .withName("admin-units-source"))
                .flatMap(villageNames::perReviewYear, Named.as("village-name-per-review-year"));

        unitChanges.merge(nameChanges, Named.as("unit-changes-and-names"))
                .repartition(Repartitioned.with(keys, tallies).withName(UNIT_CHANGES))
                .process(() -> new UnitRollupProcessor(directory, ROLLUP_STORE), Named.as("unit-rollup"), ROLLUP_STORE)
                .to(topics.unitRollups().name(), Produced.with(keys, topics.unitRollups().valueSerde())
                        .withName("unit-rollups-sink"));

        return builder.build();
    }
}
