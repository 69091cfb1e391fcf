package vn.povertyreview.domain.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which units of the two-level map of 1 July 2025 each unit of the three-level map went into, read
 * from the official merge list ({@code level,new_code,new_name,old_code,old_name,coverage}, UTF-8).
 * A row says that the new unit was formed from the whole ({@code FULL}) or a part
 * ({@code PARTIAL}) of the old one, so an old commune that was split has several successors.
 *
 * <p>Figures that compare a household's 2024 and 2025 reviews need to put a 2024 household
 * somewhere in the 2025 map. Where its 2025 place is known that place decides; where it is not
 * (not yet reviewed in 2025), {@link #primarySuccessor} names one commune by a fixed rule, so that
 * every 2024 household is attributed to exactly one 2025 commune.
 *
 * <p>Immutable and thread-safe once loaded; load once and share.
 */
public final class AdminSuccession {

    /** The identifier of the official merge list, the date of the map it leads to. */
    public static final String OFFICIAL_ID = AdminMaps.TWO_LEVEL_MAP_ID;

    private static final String HEADER = "level,new_code,new_name,old_code,old_name,coverage";
    private static final int COLUMNS = 6;

    private final String id;
    private final AdminMap fromMap;
    private final AdminMap toMap;
    private final Map<String, List<Successor>> communes;
    private final Map<String, List<Successor>> provinces;

    private AdminSuccession(String id, AdminMap fromMap, AdminMap toMap,
                            Map<String, List<Successor>> communes, Map<String, List<Successor>> provinces) {
        this.id = id;
        this.fromMap = fromMap;
        this.toMap = toMap;
        this.communes = communes;
        this.provinces = provinces;
    }

    /** The official merge list shipped with the product, between the two maps of {@code maps}. */
    public static AdminSuccession official(AdminMaps maps) {
        String resource = "admin-merges-" + OFFICIAL_ID + ".csv";
        try (InputStream in = AdminSuccession.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("administrative merge list resource missing: " + resource);
            }
            return fromCsv(OFFICIAL_ID, in,
                    maps.forReviewYear(AdminMaps.FIRST_TWO_LEVEL_YEAR - 1), maps.forReviewYear(AdminMaps.FIRST_TWO_LEVEL_YEAR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a merge list from {@code fromMap} to {@code toMap}. Fails on the first malformed line,
     * naming it: a wrong level or coverage, a code that is not in its map, a repeated row, or an
     * old unit that is said to go wholly into one new unit and also (partly) into another. Fails
     * too when a commune or province of {@code fromMap} has no successor, because a household there
     * could then not be followed across the reform.
     *
     * <p>An old {@code COMMUNE} code may also be a district of {@code fromMap}: the five island
     * districts that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) became
     * special zones (đặc khu), which are communes of the new map.
     */
    public static AdminSuccession fromCsv(String id, InputStream csv, AdminMap fromMap, AdminMap toMap) {
        Map<String, List<Successor>> communes = new LinkedHashMap<>();
        Map<String, List<Successor>> provinces = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalArgumentException("merge list " + id + ": expected header '" + HEADER + "' but found '" + header + "'");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Row row = Row.parse(id, lineNumber, line);
                row.checkAgainst(fromMap, toMap);
                add(row, row.level() == UnitLevel.COMMUNE ? communes : provinces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read merge list " + id, e);
        }
        requireSuccessors(id, fromMap, UnitLevel.COMMUNE, communes);
        requireSuccessors(id, fromMap, UnitLevel.PROVINCE, provinces);
        return new AdminSuccession(id, fromMap, toMap, freeze(communes), freeze(provinces));
    }

    private static void add(Row row, Map<String, List<Successor>> byOldCode) {
        List<Successor> successors = byOldCode.computeIfAbsent(row.oldCode(), code -> new ArrayList<>());
        for (Successor earlier : successors) {
            if (earlier.code().equals(row.newCode())) {
                throw row.error("repeats " + row.level() + " " + row.oldCode() + " → " + row.newCode());
            }
            // A unit that went wholly into one new unit has nothing left to go anywhere else.
            if (earlier.full() || row.full()) {
                throw row.error(row.level() + " " + row.oldCode() + " goes wholly into one unit and also into another");
            }
        }
        successors.add(new Successor(row.newCode(), row.full()));
    }

    private static void requireSuccessors(String id, AdminMap fromMap, UnitLevel level, Map<String, List<Successor>> byOldCode) {
        for (AdminUnit unit : fromMap.units(level)) {
            if (!byOldCode.containsKey(unit.code())) {
                throw new IllegalArgumentException("merge list " + id + ": " + level + " " + unit.code() + " (" + unit.name()
                        + ") of map " + fromMap.id() + " has no successor");
            }
        }
    }

    private static Map<String, List<Successor>> freeze(Map<String, List<Successor>> byOldCode) {
        byOldCode.replaceAll((code, successors) -> List.copyOf(successors));
        return Collections.unmodifiableMap(byOldCode);
    }

    /** The identifier of this merge list. */
    public String id() {
        return id;
    }

    /** The map the old codes belong to (three levels). */
    public AdminMap fromMap() {
        return fromMap;
    }

    /** The map the new codes belong to (two levels). */
    public AdminMap toMap() {
        return toMap;
    }

    /**
     * The communes of the new map that the old commune went into, wholly or partly, in the order
     * the merge list gives them; empty for a code the list does not know.
     */
    public List<String> successors(String oldCommuneCode) {
        return codes(communes.get(oldCommuneCode));
    }

    /**
     * The one new commune that a household of the old commune is attributed to when its place in
     * the new map is not known. The rule, in order: the successor that kept the old code;
     * otherwise the successor that took the whole old commune (which is then its only successor);
     * otherwise the first successor in the merge list. The rule needs nothing but the list and
     * gives the same answer on every run, so a household is never attributed to two communes.
     * Empty for a code the list does not know.
     */
    public Optional<String> primarySuccessor(String oldCommuneCode) {
        return primary(oldCommuneCode, communes.get(oldCommuneCode));
    }

    /** The provinces of the new map that the old province went into; empty for an unknown code. */
    public List<String> provinceSuccessors(String oldProvinceCode) {
        return codes(provinces.get(oldProvinceCode));
    }

    /** The one new province for an old province, by the same rule as {@link #primarySuccessor}. */
    public Optional<String> primaryProvinceSuccessor(String oldProvinceCode) {
        return primary(oldProvinceCode, provinces.get(oldProvinceCode));
    }

    private static List<String> codes(List<Successor> successors) {
        if (successors == null) {
            return List.of();
        }
        List<String> codes = new ArrayList<>(successors.size());
        for (Successor successor : successors) {
            codes.add(successor.code());
        }
        return Collections.unmodifiableList(codes);
    }

    private static Optional<String> primary(String oldCode, List<Successor> successors) {
        if (successors == null) {
            return Optional.empty();
        }
        for (Successor successor : successors) {
            if (successor.code().equals(oldCode)) {
                return Optional.of(successor.code());
            }
        }
        for (Successor successor : successors) {
            if (successor.full()) {
                return Optional.of(successor.code());
            }
        }
        return Optional.of(successors.get(0).code());
    }

    @Override
    public String toString() {
        return "AdminSuccession[" + id + ": " + fromMap.id() + " → " + toMap.id() + "]";
    }

    private record Successor(String code, boolean full) {
    }

    private record Row(String mapId, int lineNumber, UnitLevel level, String newCode, String oldCode, boolean full) {

        static Row parse(String id, int lineNumber, String line) {
            String[] cells = line.split(",", -1);
            if (cells.length != COLUMNS) {
                throw error(id, lineNumber, "expected " + COLUMNS + " columns but found " + cells.length);
            }
            UnitLevel level = switch (cells[0]) {
                case "COMMUNE" -> UnitLevel.COMMUNE;
                case "PROVINCE" -> UnitLevel.PROVINCE;
                default -> throw error(id, lineNumber, "unknown level '" + cells[0] + "' (COMMUNE or PROVINCE)");
            };
            boolean full = switch (cells[5]) {
                case "FULL" -> true;
                case "PARTIAL" -> false;
                default -> throw error(id, lineNumber, "unknown coverage '" + cells[5] + "' (FULL or PARTIAL)");
            };
            if (cells[1].isEmpty() || cells[3].isEmpty()) {
                throw error(id, lineNumber, "new_code and old_code are required");
            }
            return new Row(id, lineNumber, level, cells[1], cells[3], full);
        }

        void checkAgainst(AdminMap fromMap, AdminMap toMap) {
            if (toMap.unit(level, newCode).isEmpty()) {
                throw error("new " + level + " " + newCode + " is not in map " + toMap.id());
            }
            boolean oldKnown = fromMap.unit(level, oldCode).isPresent()
                    || level == UnitLevel.COMMUNE && fromMap.unit(UnitLevel.DISTRICT, oldCode).isPresent();
            if (!oldKnown) {
                throw error("old " + level + " " + oldCode + " is not in map " + fromMap.id());
            }
        }

        IllegalArgumentException error(String message) {
            return error(mapId, lineNumber, message);
        }

        static IllegalArgumentException error(String id, int lineNumber, String message) {
            return new IllegalArgumentException("merge list " + id + " line " + lineNumber + ": " + message);
        }
    }
}
