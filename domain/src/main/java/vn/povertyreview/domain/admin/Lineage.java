package vn.povertyreview.domain.admin;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A unit of a review year's map with the units above it ({@code above}), nearest first, up to the
 * nation: a village's commune, then (until 2025) its district, its province and Việt Nam. Made by
 * {@link UnitDirectory#lineage}.
 *
 * <p>Immutable and thread-safe.
 */
public record Lineage(AdminUnit unit, List<AdminUnit> above) {

    public Lineage {
        Objects.requireNonNull(unit, "unit");
        above = List.copyOf(above);
    }

    /**
     * Whether the unit or any unit above it passes {@code test}: what is decided for a province
     * (a review year closed, say) holds for every unit in it.
     */
    public boolean anyMatch(Predicate<AdminUnit> test) {
        return test.test(unit) || above.stream().anyMatch(test);
    }

    /**
     * The unit as a report names it: {@code unitName}, then the names of the units above it but the
     * nation ("Xã Hà Trung, Tỉnh Thanh Hóa"), since every unit is in Việt Nam.
     */
    public String fullName(String unitName) {
        StringBuilder name = new StringBuilder(unitName);
        for (AdminUnit parent : above) {
            if (!AdminUnit.NATION_CODE.equals(parent.code())) {
                name.append(", ").append(parent.name());
            }
        }
        return name.toString();
    }
}
