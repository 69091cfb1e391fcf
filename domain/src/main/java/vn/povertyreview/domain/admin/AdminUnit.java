package vn.povertyreview.domain.admin;

import java.util.Objects;

/**
 * One administrative unit of one map. {@code parentCode} is null for the nation only; a commune's
 * parent is its district in a three-level map and its province in a two-level map.
 *
 * <p>Immutable and thread-safe.
 */
public record AdminUnit(String code, UnitLevel level, String name, String type, String parentCode) {

    /** The code of the whole country, the root of every map. */
    public static final String NATION_CODE = "VN";

    public AdminUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
        if (level != UnitLevel.NATION) {
            Objects.requireNonNull(parentCode, "parentCode");
        }
    }
}
