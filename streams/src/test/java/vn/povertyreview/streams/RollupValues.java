package vn.povertyreview.streams;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.povertyreview.domain.rollup.UnitReport;
import vn.povertyreview.domain.standard.PovertyStandards;
import vn.povertyreview.schemas.UnitRollup;
import vn.povertyreview.schemas.UnitRollups;

/** A published rollup's figures and measures by name, as a consumer reads them from its counts. */
final class RollupValues {

    private static final PovertyStandards STANDARDS = PovertyStandards.official();

    private RollupValues() {
    }

    /** Every figure the year's standard sets, by name. */
    static Map<String, Long> figures(UnitRollup rollup) {
        Map<String, Long> figures = new LinkedHashMap<>();
        report(rollup).figures().forEach((figure, count) -> figures.put(figure.name(), count));
        return figures;
    }

    /** Every defined measure, by name, as a plain decimal. */
    static Map<String, String> measures(UnitRollup rollup) {
        Map<String, String> measures = new LinkedHashMap<>();
        report(rollup).measures().forEach((measure, value) -> measures.put(measure.name(), value.toPlainString()));
        return measures;
    }

    private static UnitReport report(UnitRollup rollup) {
        return UnitRollups.report(rollup, STANDARDS);
    }
}
