package vn.povertyreview.domain.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One official administrative map, such as the three-level map in force until 30 June 2025 or the
 * two-level map from 1 July 2025. The same code can mean different units in different maps (15271
 * is "Thị trấn Hà Trung" in March 2025 and the merged "Xã Hà Trung" in July 2025), so a code is
 * only meaningful together with its map.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class AdminMap {

    private static final String HEADER = "level,code,name,type,parent_code";
    private static final String NATION_NAME = "Việt Nam";

    private final String id;
    private final boolean hasDistricts;
    private final Map<UnitLevel, Map<String, AdminUnit>> unitsByLevel;

    private AdminMap(String id, Map<UnitLevel, Map<String, AdminUnit>> unitsByLevel) {
        this.id = id;
        this.unitsByLevel = unitsByLevel;
        this.hasDistricts = !unitsByLevel.get(UnitLevel.DISTRICT).isEmpty();
    }

    /**
     * Reads a map from the official CSV list ({@code level,code,name,type,parent_code}, UTF-8).
     * Fails on the first malformed line, naming it, because a map with holes would silently
     * reject valid reviews.
     */
    public static AdminMap fromCsv(String id, InputStream csv) {
        Map<UnitLevel, Map<String, AdminUnit>> units = new EnumMap<>(UnitLevel.class);
        for (UnitLevel level : UnitLevel.values()) {
            units.put(level, new LinkedHashMap<>());
        }
        units.get(UnitLevel.NATION).put(AdminUnit.NATION_CODE,
                new AdminUnit(AdminUnit.NATION_CODE, UnitLevel.NATION, NATION_NAME, "Quốc gia", null));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalArgumentException("map " + id + ": expected header '" + HEADER + "' but found '" + header + "'");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                AdminUnit unit = parseLine(id, lineNumber, line);
                if (units.get(unit.level()).put(unit.code(), unit) != null) {
                    throw new IllegalArgumentException("map " + id + " line " + lineNumber + ": duplicate " + unit.level() + " code " + unit.code());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read map " + id, e);
        }
        units.replaceAll((level, byCode) -> Collections.unmodifiableMap(byCode));
        AdminMap map = new AdminMap(id, Collections.unmodifiableMap(units));
        map.checkParents();
        return map;
    }

    private static AdminUnit parseLine(String id, int lineNumber, String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 5) {
            throw new IllegalArgumentException("map " + id + " line " + lineNumber + ": expected 5 columns but found " + cells.length);
        }
        UnitLevel level;
        try {
            level = UnitLevel.valueOf(cells[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("map " + id + " line " + lineNumber + ": unknown level '" + cells[0] + "'");
        }
        String parent = level == UnitLevel.PROVINCE ? AdminUnit.NATION_CODE : cells[4];
        if (parent.isEmpty()) {
            throw new IllegalArgumentException("map " + id + " line " + lineNumber + ": " + level + " " + cells[1] + " has no parent");
        }
        return new AdminUnit(cells[1], level, cells[2], cells[3], parent);
    }

    private void checkParents() {
        for (AdminUnit district : unitsByLevel.get(UnitLevel.DISTRICT).values()) {
            requireParent(district, UnitLevel.PROVINCE);
        }
        for (AdminUnit commune : unitsByLevel.get(UnitLevel.COMMUNE).values()) {
            requireParent(commune, hasDistricts ? UnitLevel.DISTRICT : UnitLevel.PROVINCE);
        }
    }

    private void requireParent(AdminUnit unit, UnitLevel parentLevel) {
        if (!unitsByLevel.get(parentLevel).containsKey(unit.parentCode())) {
            throw new IllegalArgumentException("map " + id + ": " + unit.level() + " " + unit.code()
                    + " names parent " + unit.parentCode() + ", which is not a " + parentLevel + " of the map");
        }
    }

    /** The map's identifier, the date it came into force ({@code 2025-07-01}). */
    public String id() {
        return id;
    }

    /** Whether communes sit under districts (true until the 2025 reform abolished districts). */
    public boolean hasDistricts() {
        return hasDistricts;
    }

    public Optional<AdminUnit> unit(UnitLevel level, String code) {
        return Optional.ofNullable(unitsByLevel.get(level).get(code));
    }

    public Collection<AdminUnit> units(UnitLevel level) {
        return unitsByLevel.get(level).values();
    }

    /**
     * The code of the province a commune of this map belongs to: its parent in a two-level map, its
     * district's parent in a three-level map.
     */
    public String provinceOf(AdminUnit commune) {
        if (!hasDistricts) {
            return commune.parentCode();
        }
        return unit(UnitLevel.DISTRICT, commune.parentCode()).orElseThrow(() -> new IllegalArgumentException(
                "commune " + commune.code() + " of map " + id + " names no district of the map")).parentCode();
    }

    /** The communes of a province, in map order; empty for a code that is not a province of the map. */
    public List<AdminUnit> communesOf(String provinceCode) {
        List<AdminUnit> communes = new ArrayList<>();
        for (AdminUnit commune : units(UnitLevel.COMMUNE)) {
            if (provinceOf(commune).equals(provinceCode)) {
                communes.add(commune);
            }
        }
        return communes;
    }

    public AdminUnit nation() {
        return unitsByLevel.get(UnitLevel.NATION).get(AdminUnit.NATION_CODE);
    }

    @Override
    public String toString() {
        return "AdminMap[" + id + (hasDistricts ? ", three levels" : ", two levels") + "]";
    }
}
