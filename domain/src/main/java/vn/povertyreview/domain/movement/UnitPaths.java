package vn.povertyreview.domain.movement;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The units a household counts in during one review year: its start path (where its status of
 * the year before counts at the start of the year) and its end path (where its status of the year
 * counts), each from village up to nation in the year's map and empty when it has no such status.
 * What a unit gets from the household depends only on which of the two paths it lies on.
 *
 * <p>Immutable and thread-safe.
 */
public record UnitPaths(List<String> startPath, List<String> endPath) {

    public static final UnitPaths NONE = new UnitPaths(List.of(), List.of());

    public UnitPaths {
        startPath = List.copyOf(startPath);
        endPath = List.copyOf(endPath);
    }

    /**
     * Hands every unit of either path its value by position: {@code onBoth} for a unit on both
     * paths, {@code endOnly} for one on the end path only, {@code startOnly} for one on the start
     * path only; the end path's units in order first, then those only on the start path.
     */
    public <T> void forEachUnit(T onBoth, T startOnly, T endOnly, BiConsumer<String, T> action) {
        for (String unit : endPath) {
            action.accept(unit, startPath.contains(unit) ? onBoth : endOnly);
        }
        for (String unit : startPath) {
            if (!endPath.contains(unit)) {
                action.accept(unit, startOnly);
            }
        }
    }
}
