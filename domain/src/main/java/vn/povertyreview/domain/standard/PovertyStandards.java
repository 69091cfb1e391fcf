package vn.povertyreview.domain.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.ReviewYears;

/**
 * The poverty standards the product knows, read from {@code poverty-standards.properties}, and
 * which one governs each review year. Every supported review year is governed by exactly one
 * standard; a file that leaves a gap or an overlap is refused at load.
 *
 * <p>Immutable and thread-safe; load once and share.
 */
public final class PovertyStandards {

    private static final String RESOURCE = "poverty-standards.properties";

    private final List<PovertyStandard> standards;

    PovertyStandards(List<PovertyStandard> standards) {
        List<PovertyStandard> sorted = new ArrayList<>(standards);
        sorted.sort(Comparator.comparingInt(PovertyStandard::firstReviewYear));
        for (int year = ReviewYears.FIRST; year <= ReviewYears.LAST; year++) {
            int governing = 0;
            for (PovertyStandard standard : sorted) {
                governing += standard.governs(year) ? 1 : 0;
            }
            if (governing != 1) {
                throw new IllegalArgumentException("review year " + year + " is governed by " + governing
                        + " poverty standards; it must be exactly one");
            }
        }
        this.standards = List.copyOf(sorted);
    }

    /** The official standards shipped with the product. */
    public static PovertyStandards official() {
        try (InputStream in = PovertyStandards.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("poverty standards resource missing: " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return fromProperties(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PovertyStandards fromProperties(Properties properties) {
        List<PovertyStandard> standards = new ArrayList<>();
        for (String id : list(required(properties, "standards"))) {
            Map<Area, Long> lines = new EnumMap<>(Area.class);
            Map<Area, Long> upperLines = new EnumMap<>(Area.class);
            for (Area area : Area.values()) {
                lines.put(area, number(properties, id + ".povertyLine." + area));
                String upper = properties.getProperty(id + ".averageLivingUpperLine." + area);
                if (upper != null) {
                    upperLines.put(area, number(id + ".averageLivingUpperLine." + area, upper));
                }
            }
            Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
            for (String code : list(required(properties, id + ".indicators"))) {
                try {
                    indicators.add(Indicator.valueOf(code));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("standard " + id + " names unknown indicator " + code);
                }
            }
            standards.add(new PovertyStandard(id, required(properties, id + ".legalBasis"),
                    (int) number(properties, id + ".firstReviewYear"), (int) number(properties, id + ".lastReviewYear"),
                    lines, (int) number(properties, id + ".deprivationCutoff"), upperLines, indicators));
        }
        return new PovertyStandards(standards);
    }

    /** The standard that governs the review year. */
    public PovertyStandard forReviewYear(int reviewYear) {
        for (PovertyStandard standard : standards) {
            if (standard.governs(reviewYear)) {
                return standard;
            }
        }
        throw new IllegalArgumentException("no poverty standard governs review year " + reviewYear + " (supported: "
                + ReviewYears.FIRST + "–" + ReviewYears.LAST + ")");
    }

    public List<PovertyStandard> all() {
        return standards;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("poverty standards: missing " + key);
        }
        return value.trim();
    }

    private static long number(Properties properties, String key) {
        return number(key, required(properties, key));
    }

    private static long number(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("poverty standards: " + key + " must be a whole number, got '" + value + "'");
        }
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }
}
