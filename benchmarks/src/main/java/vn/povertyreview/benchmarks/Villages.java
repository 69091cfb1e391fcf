package vn.povertyreview.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;

/**
 * The villages (thôn, tổ dân phố) of every commune in both maps, which no national list holds.
 *
 * <p>Each pre-reform commune gets a village count drawn once from a skewed distribution like the
 * real one: median 8, rarely fewer than 3 or more than 25. A 2025 commune has the villages of the
 * old communes attributed to it, so a merged commune has a few dozen, as the real ones do. A
 * village keeps its code across the reform (the product's rule), so codes are numbered within the
 * 2025 commune: {@code T001} to {@code T008} in the first old commune, {@code T009} onwards in the
 * next, and villages of merged communes never share a code. Immutable once built.
 */
final class Villages {

    private static final double MEDIAN = 8;
    private static final double SPREAD = 0.45;
    private static final int FEWEST = 2;
    private static final int MOST = 60;

    /** The first village number and the count of each pre-reform commune. */
    private final Map<String, int[]> oldCommunes = new HashMap<>();
    /** Villages of each 2025 commune. */
    private final Map<String, Integer> newCommunes = new HashMap<>();

    Villages(AdminSuccession succession, long seed) {
        Random dice = new Random(seed);
        List<AdminUnit> communes = succession.fromMap().units(UnitLevel.COMMUNE).stream()
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .toList();
        for (AdminUnit commune : communes) {
            int count = (int) Math.round(MEDIAN * Math.exp(SPREAD * dice.nextGaussian()));
            count = Math.max(FEWEST, Math.min(MOST, count));
            String successor = succession.primarySuccessor(commune.code()).orElseThrow(
                    () -> new IllegalStateException("commune " + commune.code() + " has no successor in the merge list"));
            int first = newCommunes.getOrDefault(successor, 0) + 1;
            oldCommunes.put(commune.code(), new int[] {first, count});
            newCommunes.merge(successor, count, Integer::sum);
        }
        for (AdminUnit commune : succession.toMap().units(UnitLevel.COMMUNE)) {
            // A commune formed only from parts of others still has villages of its own.
            newCommunes.putIfAbsent(commune.code(), (int) MEDIAN);
        }
    }

    /** A village of the commune of the review year's map, drawn evenly. */
    String any(int reviewYear, String communeCode, Random dice) {
        if (reviewYear < AdminMaps.FIRST_TWO_LEVEL_YEAR) {
            int[] villages = oldCommunes.get(communeCode);
            if (villages == null) {
                throw new IllegalArgumentException("no commune " + communeCode + " in the pre-reform map");
            }
            return code(villages[0] + dice.nextInt(villages[1]));
        }
        Integer villages = newCommunes.get(communeCode);
        if (villages == null) {
            throw new IllegalArgumentException("no commune " + communeCode + " in the 2025 map");
        }
        return code(1 + dice.nextInt(villages));
    }

    /** Villages of the pre-reform map and of the 2025 map. */
    int[] totals() {
        int old = oldCommunes.values().stream().mapToInt(v -> v[1]).sum();
        int now = newCommunes.values().stream().mapToInt(Integer::intValue).sum();
        return new int[] {old, now};
    }

    private static String code(int number) {
        return String.format("T%03d", number);
    }
}
