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
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.review.ReviewRules;
import vn.povertyreview.domain.standard.PovertyStandards;
import vn.povertyreview.schemas.AvroSerde;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.schemas.internal.HouseholdChange;
import vn.povertyreview.schemas.internal.HouseholdYears;
import vn.povertyreview.schemas.internal.UnitTally;
import vn.povertyreview.streams.internal.HouseholdHistoryProcessor;
import vn.povertyreview.streams.internal.HouseholdOutcome;
import vn.povertyreview.streams.internal.HouseholdOutcome.Checked;
import vn.povertyreview.streams.internal.HouseholdOutcome.Disagreement;
import vn.povertyreview.streams.internal.HouseholdOutcome.Rejection;
import vn.povertyreview.streams.internal.HouseholdOutcome.UnitChange;
import vn.povertyreview.streams.internal.ReviewCheckProcessor;
import vn.povertyreview.streams.internal.UnitRollupProcessor;
import vn.povertyreview.streams.internal.VillageNames;

/**
 * The rollup topology: household reviews in, per-unit poverty rollups and classification
 * disagreements out.
 *
 * <pre>
 * household-reviews ─► household-review-check ─┬─► household-reviews-rejected (breaks a rule)
 *   (key year/household)                       └─► household-changes (repartition by household id)
 *      ─► household-history [household-history-store, unit-pending-change-store]
 *            ├─► household-reviews-rejected (a withdrawal for another commune)
 *            ├─► classification-disagreements (key year/household)
 *            └─► unit-changes (repartition by year/unit) ─► unit-rollup [unit-rollup-store] ─► unit-rollups
 * admin-units ─► village-name-per-review-year ─────┘ (a registered village name, once per review year)
 * </pre>
 *
 * The repartition by household id puts all review years of a household in one task, which the
 * movement figures need (escaped, newly poor, re-poor compare a household's years). Each
 * household change costs one state read and write, a recount of that household's few years and a
 * few summed unit changes. Every stateful step is named so that internal topics and stores keep
 * their names as the topology grows.
 */
public final class RollupTopology {

    public static final String HISTORY_STORE = "household-history-store";
    public static final String PENDING_STORE = "unit-pending-change-store";
    public static final String ROLLUP_STORE = "unit-rollup-store";
    public static final String HOUSEHOLD_CHANGES = "household-changes";
    public static final String UNIT_CHANGES = "unit-changes";

    private RollupTopology() {
    }

    public static Topology build(Topics topics, AdminMaps maps, RollupOptions options) {
        ReviewRules rules = new ReviewRules(maps);
        UnitDirectory directory = new UnitDirectory(maps);
        PovertyStandards standards = PovertyStandards.official();
        AdminSuccession succession = AdminSuccession.official(maps);
        Serde<String> keys = Serdes.String();
        Serde<UnitTally> tallies = AvroSerde.of(UnitTally.class);

        // No record caches on the household and rollup stores: each of their keys changes about once
        // per commit, so measured on two cores the caches' bookkeeping cost more than the writes they
        // saved (about 18,000 against 22,000 households per second with exactly-once).
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(HISTORY_STORE), keys, AvroSerde.of(HouseholdYears.class)).withCachingDisabled());
        // In memory: it only ever holds the changes of one flush interval, and its changelog restores it.
        // Cached: every household change rewrites the same few units (its commune, province, the
        // nation), and the cache sends each unit's changelog record once per commit, not once per change.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(PENDING_STORE), keys, tallies).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ROLLUP_STORE), keys, tallies).withCachingDisabled());

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
                .repartition(Repartitioned.with(keys, AvroSerde.of(HouseholdChange.class)).withName(HOUSEHOLD_CHANGES))
                .process(() -> new HouseholdHistoryProcessor(succession, HISTORY_STORE, PENDING_STORE,
                                options.flushInterval(), options.maxPendingUnits()),
                        Named.as("household-history"), HISTORY_STORE, PENDING_STORE)
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

        KStream<String, UnitTally> unitChanges = outcomes.get("household-outcome-counted")
                .mapValues(outcome -> ((UnitChange) outcome).delta(), Named.as("unit-change"));
        VillageNames villageNames = new VillageNames(maps);
        KStream<String, UnitTally> nameChanges = builder
                .stream(topics.adminUnits().name(),
                        Consumed.with(topics.adminUnits().keySerde(), topics.adminUnits().valueSerde())
                                .withName("admin-units-source"))
                .flatMap(villageNames::perReviewYear, Named.as("village-name-per-review-year"));

        unitChanges.merge(nameChanges, Named.as("unit-changes-and-names"))
                .repartition(Repartitioned.with(keys, tallies).withName(UNIT_CHANGES))
                .process(() -> new UnitRollupProcessor(directory, standards, ROLLUP_STORE), Named.as("unit-rollup"), ROLLUP_STORE)
                .to(topics.unitRollups().name(), Produced.with(keys, topics.unitRollups().valueSerde())
                        .withName("unit-rollups-sink"));

        return builder.build();
    }

    private static void toRejected(KStream<String, HouseholdOutcome> rejections, Topics topics, String name) {
        rejections.mapValues(outcome -> ((Rejection) outcome).rejected(), Named.as(name + "-value"))
                .to(topics.rejectedReviews().name(), Produced.with(Serdes.String(), topics.rejectedReviews().valueSerde())
                        .withName(name));
    }
}
