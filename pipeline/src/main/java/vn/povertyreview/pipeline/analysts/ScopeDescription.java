package vn.povertyreview.pipeline.analysts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.povertyreview.domain.access.Scope;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;

/**
 * What each code of a scope is in each map, for the admin who gave it: a code is read in every
 * review year's map, so "15271" is Thị trấn Hà Trung up to 2024 and the merged Xã Hà Trung from
 * 2025, and a commune merged away is seen in its old years only. Names the communes a new commune
 * was formed from and those an old one went into, since they are covered only when named.
 */
final class ScopeDescription {

    private final AdminMaps maps;
    private final AdminSuccession succession;

    ScopeDescription(AdminMaps maps) {
        this.maps = maps;
        this.succession = AdminSuccession.official(maps);
    }

    List<String> lines(Scope scope) {
        List<String> lines = new ArrayList<>();
        scope.provinceCodes().forEach(code -> lines.add(code + ": " + inEachMap(UnitLevel.PROVINCE, code)));
        for (String code : scope.communeCodes()) {
            StringBuilder line = new StringBuilder(code + ": " + inEachMap(UnitLevel.COMMUNE, code));
            List<String> formedFrom = formedFrom(code).stream().filter(old -> !scope.communeCodes().contains(old)).toList();
            if (!formedFrom.isEmpty()) {
                line.append("; the ").append(succession.toMap().id()).append(" commune was formed from ").append(formedFrom.size())
                        .append(" communes not named (").append(String.join(", ", formedFrom))
                        .append("): name them too to see their earlier figures");
            }
            if (succession.fromMap().unit(UnitLevel.COMMUNE, code).isPresent()
                    && succession.toMap().unit(UnitLevel.COMMUNE, code).isEmpty()) {
                line.append("; went into ").append(String.join(", ", succession.successors(code)))
                        .append(" from ").append(succession.toMap().id()).append(", which is not covered unless named");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private String inEachMap(UnitLevel level, String code) {
        List<String> parts = new ArrayList<>();
        for (AdminMap map : maps.all()) {
            Optional<AdminUnit> unit = map.unit(level, code);
            String years = yearsOf(map);
            parts.add(unit.map(u -> u.name() + " in map " + map.id() + " (review years " + years + ")")
                    .orElse("none in map " + map.id() + " (review years " + years + ")"));
        }
        return String.join(", ", parts);
    }

    private String yearsOf(AdminMap map) {
        List<Integer> years = maps.reviewYearsOf(map.id()).boxed().collect(Collectors.toList());
        return years.isEmpty() ? "none" : years.get(0) + "–" + years.get(years.size() - 1);
    }

    /** The communes of the old map that went, wholly or partly, into this commune of the new map, but itself. */
    private List<String> formedFrom(String newCommuneCode) {
        if (succession.toMap().unit(UnitLevel.COMMUNE, newCommuneCode).isEmpty()) {
            return List.of();
        }
        List<String> old = new ArrayList<>();
        for (AdminUnit commune : succession.fromMap().units(UnitLevel.COMMUNE)) {
            if (!commune.code().equals(newCommuneCode) && succession.successors(commune.code()).contains(newCommuneCode)) {
                old.add(commune.code());
            }
        }
        return old;
    }
}
