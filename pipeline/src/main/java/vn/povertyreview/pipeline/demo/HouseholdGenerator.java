package vn.povertyreview.pipeline.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.Review;

/**
 * Realistic, reproducible household reviews of a real province, for the demo and for load and
 * end-to-end tests. Each commune gets its own poverty level (from well-off wards to poor upland
 * communes) and 4–10 villages; each household's income and deprivations agree with the
 * classification the reviewer gives it under the 2022–2026 standard. No names, no ID numbers.
 *
 * <p>Not thread-safe: one generator per thread.
 */
public final class HouseholdGenerator {

    private static final Indicator[] INDICATORS = Indicator.values();

    private final AdminMaps maps;
    private final Random random;
    private final Map<String, double[]> communeRates = new HashMap<>();

    public HouseholdGenerator(AdminMaps maps, long seed) {
        this.maps = maps;
        this.random = new Random(seed);
    }

    /** The codes of the province's communes in the review year's map. */
    public List<String> communesOf(int reviewYear, String provinceCode) {
        AdminMap map = maps.forReviewYear(reviewYear);
        List<String> communes = map.communesOf(provinceCode).stream().map(AdminUnit::code).toList();
        if (communes.isEmpty()) {
            throw new IllegalArgumentException("province " + provinceCode + " has no communes in the map of review year " + reviewYear);
        }
        return communes;
    }

    /** First reviews of {@code count} households spread over the province's communes. */
    public List<Review> firstReviews(int reviewYear, String provinceCode, int count, String householdPrefix) {
        List<String> communes = communesOf(reviewYear, provinceCode);
        List<Review> reviews = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String householdId = householdPrefix + provinceCode + "-" + String.format("%07d", i);
            reviews.add(review(householdId, reviewYear, provinceCode, communes.get(random.nextInt(communes.size())),
                    reviewTime(reviewYear)));
        }
        return reviews;
    }

    /** A later review of the same household in the same place, whose outcome may differ. */
    public Review reReview(Review previous) {
        return review(previous.householdId(), previous.reviewYear(), previous.provinceCode(), previous.communeCode(),
                previous.villageCode(), later(previous));
    }

    /** A later review of the household after it moved to another commune of its province. */
    public Review move(Review previous) {
        List<String> communes = communesOf(previous.reviewYear(), previous.provinceCode());
        return review(previous.householdId(), previous.reviewYear(), previous.provinceCode(),
                communes.get(random.nextInt(communes.size())), later(previous));
    }

    private Review review(String householdId, int year, String provinceCode, String communeCode, Instant at) {
        return review(householdId, year, provinceCode, communeCode, villageOf(communeCode, year), at);
    }

    private Review review(String householdId, int year, String provinceCode, String communeCode, String villageCode, Instant at) {
        return review(householdId, year, provinceCode, communeCode, villageCode, at, classificationIn(year, communeCode));
    }

    /**
     * A review of the household in the given commune and village of the year's map, at a time in
     * the year's review months, with the classification given, or drawn from the commune's poverty
     * level when null.
     */
    public Review review(String householdId, int year, String communeCode, String villageCode, Classification classification) {
        AdminUnit commune = maps.forReviewYear(year).unit(UnitLevel.COMMUNE, communeCode)
                .orElseThrow(() -> new IllegalArgumentException("no commune " + communeCode + " in the map of review year " + year));
        String province = maps.forReviewYear(year).provinceOf(commune);
        Classification outcome = classification != null ? classification : classificationIn(year, communeCode);
        return review(householdId, year, province, communeCode, villageCode, reviewTime(year), outcome);
    }

    /** A later review of the household in the same year at the given commune and village, with a drawn outcome. */
    public Review reviewedAgainAt(Review previous, String communeCode, String villageCode) {
        return review(previous.householdId(), previous.reviewYear(), previous.provinceCode(), communeCode, villageCode,
                later(previous), classificationIn(previous.reviewYear(), communeCode));
    }

    private Classification classificationIn(int year, String communeCode) {
        AdminMap map = maps.forReviewYear(year);
        double[] rates = communeRates.computeIfAbsent(map.id() + "/" + communeCode,
                c -> new double[] {0.01 + random.nextDouble() * 0.2, 0.02 + random.nextDouble() * 0.1});
        double draw = random.nextDouble();
        return draw < rates[0] ? Classification.POOR
                : draw < rates[0] + rates[1] ? Classification.NEAR_POOR : Classification.NOT_POOR;
    }

    private Review review(String householdId, int year, String provinceCode, String communeCode, String villageCode, Instant at,
            Classification classification) {
        AdminMap map = maps.forReviewYear(year);
        AdminUnit commune = map.unit(UnitLevel.COMMUNE, communeCode).orElseThrow();
        Area area = "Xã".equals(commune.type()) || "Đặc khu".equals(commune.type()) ? Area.RURAL : Area.URBAN;
        long line = area == Area.RURAL ? 1_500_000 : 2_000_000;
        long income;
        Set<Indicator> deprivations;
        switch (classification) {
            case POOR -> {
                income = 400_000 + random.nextLong(line - 400_000 + 1);
                deprivations = deprivations(3 + random.nextInt(5));
            }
            case NEAR_POOR -> {
                income = 600_000 + random.nextLong(line - 600_000 + 1);
                deprivations = deprivations(random.nextInt(3));
            }
            default -> {
                income = line + 1 + random.nextLong(6_000_000);
                deprivations = deprivations(random.nextInt(4));
            }
        }
        String reviewId = UUID.nameUUIDFromBytes((householdId + "|" + year + "|" + at.toEpochMilli()).getBytes(StandardCharsets.UTF_8)).toString();
        boolean poorish = classification != Classification.NOT_POOR;
        return new Review(reviewId, null, null, householdId, year, at, provinceCode,
                map.hasDistricts() ? commune.parentCode() : null, communeCode, villageCode, area,
                1 + random.nextInt(7), income, deprivations, classification,
                random.nextDouble() < (poorish ? 0.4 : 0.12), random.nextDouble() < 0.03,
                poorish && random.nextDouble() < 0.2, poorish && random.nextDouble() < 0.1,
                area == Area.RURAL && random.nextDouble() < 0.6);
    }

    private String villageOf(String communeCode, int year) {
        int villages = 4 + Math.floorMod((communeCode + year).hashCode(), 7);
        return String.format("T%02d", 1 + random.nextInt(villages));
    }

    private Set<Indicator> deprivations(int count) {
        Set<Indicator> chosen = EnumSet.noneOf(Indicator.class);
        while (chosen.size() < Math.min(count, INDICATORS.length)) {
            chosen.add(INDICATORS[random.nextInt(INDICATORS.length)]);
        }
        return chosen;
    }

    /** Reviews run from October to mid-December of the review year. */
    private Instant reviewTime(int year) {
        return Instant.parse(year + "-10-01T01:00:00Z").plusSeconds(random.nextInt(60 * 24 * 3600));
    }

    private Instant later(Review previous) {
        return previous.reviewedAt().plusSeconds(60 + random.nextInt(7 * 24 * 3600));
    }
}
