package vn.povertyreview.streams.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.schemas.AdminUnit;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitLevel;
import vn.povertyreview.schemas.internal.UnitChangeBatch;

/**
 * Turns a registered village name (an admin-units record of its map) into one name change per
 * review year that map governs, in the bucket of the unit ({@link UnitBuckets}) so that it meets the
 * unit's changes after the same repartition. Thread-safe.
 */
public final class VillageNames {

    private static final Logger LOG = LoggerFactory.getLogger(VillageNames.class);

    private final AdminMaps maps;
    private final UnitDirectory directory;

    public VillageNames(AdminMaps maps) {
        this.maps = maps;
        this.directory = new UnitDirectory(maps);
    }

    public List<KeyValue<String, UnitChangeBatch>> perReviewYear(String key, AdminUnit unit) {
        if (unit == null) {
            LOG.warn("Ignoring removal of {}: a village keeps its last registered name", key);
            return List.of();
        }
        if (unit.getLevel() != UnitLevel.VILLAGE || unit.getName() == null || unit.getName().isBlank()) {
            LOG.warn("Ignoring {}: only villages with a name are registered here, got {}", key, unit);
            return List.of();
        }
        List<KeyValue<String, UnitChangeBatch>> changes = new ArrayList<>();
        maps.reviewYearsOf(unit.getMapId()).forEach(year -> {
            if (directory.find(year, unit.getCode()).isPresent()) {
                String unitKey = new UnitKey(year, unit.getCode()).toString();
                changes.add(KeyValue.pair(UnitBuckets.key(UnitBuckets.of(unitKey)),
                        UnitBuckets.single(unitKey, 0, unit.getName(), Tallies.packed(Tally.ZERO))));
            }
        });
        if (changes.isEmpty()) {
            LOG.warn("Ignoring {}: village {} is not in a commune of map {}", key, unit.getCode(), unit.getMapId());
        }
        return changes;
    }
}
