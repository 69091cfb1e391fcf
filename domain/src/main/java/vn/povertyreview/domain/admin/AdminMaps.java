package vn.povertyreview.domain.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;
import vn.povertyreview.domain.review.ReviewYears;

/**
 * The official maps the product knows, and which one governs each review year. Review years up to
 * 2024 use the three-level map (province, district, commune); from 2025 on, the two-level map,
 * because the 2025 review ran in the fourth quarter of 2025, after districts were abolished on
 * 1 July 2025.
 *
 * <p>Immutable and thread-safe; load it once and share it.
 */
public final class AdminMaps {

    /** The three-level map in force until 30 June 2025. */
    public static final String THREE_LEVEL_MAP_ID = "2025-03-01";
    /** The two-level map in force from 1 July 2025. */
    public static final String TWO_LEVEL_MAP_ID = "2025-07-01";
    /** The first review year that resolves to the two-level map. */
    public static final int FIRST_TWO_LEVEL_YEAR = 2025;

    private final AdminMap threeLevel;
    private final AdminMap twoLevel;

    public AdminMaps(AdminMap threeLevel, AdminMap twoLevel) {
        this.threeLevel = threeLevel;
        this.twoLevel = twoLevel;
    }

    /** Loads the official lists shipped with the product. */
    public static AdminMaps official() {
        return new AdminMaps(load(THREE_LEVEL_MAP_ID), load(TWO_LEVEL_MAP_ID));
    }

    private static AdminMap load(String id) {
        String resource = "admin-units-" + id + ".csv";
        try (InputStream in = AdminMaps.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("administrative map resource missing: " + resource);
            }
            return AdminMap.fromCsv(id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The supported review years that the map with this id governs; empty for an unknown map. */
    public IntStream reviewYearsOf(String mapId) {
        if (THREE_LEVEL_MAP_ID.equals(mapId)) {
            return IntStream.range(ReviewYears.FIRST, FIRST_TWO_LEVEL_YEAR);
        }
        if (TWO_LEVEL_MAP_ID.equals(mapId)) {
            return IntStream.rangeClosed(FIRST_TWO_LEVEL_YEAR, ReviewYears.LAST);
        }
        return IntStream.empty();
    }

    /** Every map the product knows, oldest first. */
    public List<AdminMap> all() {
        return List.of(threeLevel, twoLevel);
    }

    /** The map that governs the given review year. */
    public AdminMap forReviewYear(int reviewYear) {
        return reviewYear >= FIRST_TWO_LEVEL_YEAR ? twoLevel : threeLevel;
    }
}
