package vn.povertyreview.ingest.internal.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.Lineage;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.movement.MovementFigure;
import vn.povertyreview.domain.movement.MovementIdentity;
import vn.povertyreview.domain.movement.MovementTally;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.domain.rollup.Rates;
import vn.povertyreview.sink.report.ProgressRow;
import vn.povertyreview.sink.report.ReportData;
import vn.povertyreview.sink.report.ReportQueries;
import vn.povertyreview.sink.report.ReportTable;
import vn.povertyreview.sink.report.ReportTables;
import vn.povertyreview.sink.report.ReportValue;
import vn.povertyreview.sink.report.TargetRow;
import vn.povertyreview.sink.report.UnitFigures;
import vn.povertyreview.ingest.internal.dashboard.UnitPage.Child;
import vn.povertyreview.ingest.internal.dashboard.UnitPage.Figures;
import vn.povertyreview.ingest.internal.dashboard.UnitPage.Unit;

/**
 * Builds a {@link UnitPage} from the report query layer ({@link ReportQueries}, the same reads as
 * the reports) and names its units from the review year's map. Access is checked by the caller.
 * Thread-safe.
 */
public final class UnitPages {

    /** Most disagreeing households a page lists; the report and the database hold them all. */
    static final int MAX_DISAGREEMENTS = 200;

    private final UnitDirectory directory;

    public UnitPages(UnitDirectory directory) {
        this.directory = directory;
    }

    /** The page, or empty when the unit has no figures in that year. */
    public Optional<UnitPage> load(Jdbi jdbi, int reviewYear, Lineage lineage) {
        ReportQueries queries = new ReportQueries(jdbi);
        AdminUnit unit = lineage.unit();
        Optional<ReportData> loaded = queries.load(reviewYear, unit.code());
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        ReportData data = loaded.get();
        String mapId = directory.mapId(reviewYear);
        // The nation first, down to the unit's parent.
        List<Unit> parents = new ArrayList<>(lineage.above().stream().map(UnitPages::unitOf).toList());
        Collections.reverse(parents);
        List<Child> children = children(reviewYear, data);
        String childLevel = children.isEmpty() ? null : children.get(0).unit().level();
        List<UnitPage.TrendPoint> trend = queries.trend(unit.code(), mapId).stream()
                .map(year -> new UnitPage.TrendPoint(year.reviewYear(), figures(year.figures())))
                .toList();
        List<ReportTable> tables = ReportTables.of(data);
        String report = "/api/v1/reports/" + reviewYear + "/" + unit.code();
        return Optional.of(new UnitPage(reviewYear, mapId, new Unit(unit.code(), unit.level().name(), nameOf(reviewYear, data.unit())),
                parents, childLevel, figures(data.unit()), children, trend, balances(data.unit()), table(tables, "movement"),
                table(tables, "deprivations"), alkireFoster(data.unit()), targets(data.targets()),
                queries.disagreements(reviewYear, unit.code(), unit.level().name(), MAX_DISAGREEMENTS).stream()
                        .map(row -> new UnitPage.Disagreement(row.householdId(), row.villageUnitCode(), row.reviewer().name(),
                                row.standard().name()))
                        .toList(),
                report + ".xlsx", report + ".csv"));
    }

    private static Unit unitOf(AdminUnit unit) {
        return new Unit(unit.code(), unit.level().name(), unit.name());
    }

    static Figures figures(UnitFigures unit) {
        Long households = unit.figure(Figure.HOUSEHOLDS);
        Long poor = unit.figure(Figure.POOR);
        Long nearPoor = unit.figure(Figure.NEAR_POOR);
        return new Figures(households, poor, rate(poor, households), nearPoor, rate(nearPoor, households));
    }

    private static BigDecimal rate(Long part, Long whole) {
        return part == null || whole == null ? null : Rates.shown(part, whole);
    }

    /**
     * The units under the page's unit, worst first: the worst status of their targets (missed, at
     * risk, on track, met, none), then the highest poverty rate, then by code.
     */
    private List<Child> children(int reviewYear, ReportData data) {
        Map<String, ProgressRow> progress = new HashMap<>();
        data.progress().forEach(row -> progress.put(row.unitCode(), row));
        Map<String, vn.povertyreview.domain.target.TargetStatus> worst = new HashMap<>();
        for (TargetRow target : data.targets()) {
            worst.merge(target.unitCode(), target.status(), (a, b) -> a.severity() >= b.severity() ? a : b);
        }
        List<Child> children = new ArrayList<>();
        for (UnitFigures child : data.children()) {
            ProgressRow row = progress.get(child.unitCode());
            long reviewed = row == null ? 0 : row.reviewed();
            Long expected = row == null ? null : row.expected();
            vn.povertyreview.domain.target.TargetStatus status = worst.get(child.unitCode());
            children.add(new Child(new Unit(child.unitCode(), child.unitLevel(), nameOf(reviewYear, child)), figures(child),
                    reviewed, expected, reviewedShare(reviewed, expected),
                    status == null ? null : status.name()));
        }
        Comparator<Child> worstFirst = Comparator
                .comparingInt((Child child) -> child.targetStatus() == null ? -1
                        : vn.povertyreview.domain.target.TargetStatus.valueOf(child.targetStatus()).severity())
                .reversed()
                .thenComparing((Child child) -> child.figures().poorRate(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(child -> child.unit().code());
        children.sort(worstFirst);
        return children;
    }

    /**
     * A unit's name in the year's map, whatever name the rollup stored; a village by the name its
     * commune registered (which only the rollup has), or its code.
     */
    private String nameOf(int reviewYear, UnitFigures unit) {
        if (UnitLevel.VILLAGE.name().equals(unit.unitLevel())) {
            return unit.unitName();
        }
        return directory.find(reviewYear, unit.unitCode()).map(AdminUnit::name).orElse(unit.unitName());
    }

    private static List<UnitPage.Balance> balances(UnitFigures unit) {
        long[] counts = new long[MovementFigure.values().length];
        for (MovementFigure movement : MovementFigure.values()) {
            Long count = unit.figure(Figure.of(movement));
            counts[movement.ordinal()] = count == null ? 0 : count;
        }
        MovementTally tally = MovementTally.of(counts);
        List<UnitPage.Balance> balances = new ArrayList<>();
        for (MovementIdentity identity : MovementIdentity.values()) {
            long left = identity.left(tally);
            long right = identity.right(tally);
            balances.add(new UnitPage.Balance(identity.name(), identity.vietnamese(), identity.english(), identity.formula(), left,
                    right, left == right));
        }
        return balances;
    }

    private static UnitPage.Table table(List<ReportTable> tables, String key) {
        ReportTable table = tables.stream().filter(candidate -> candidate.key().equals(key)).findFirst().orElseThrow();
        return new UnitPage.Table(
                table.columns().stream().map(column -> new UnitPage.Column(column.vietnamese(), column.english(),
                        column.kind().name())).toList(),
                table.lines().stream().map(line -> new UnitPage.Row(line.kind().name(),
                        line.values().stream().map(UnitPages::cell).toList())).toList());
    }

    private static Object cell(ReportValue value) {
        if (value instanceof ReportValue.Text text) {
            return text.text();
        }
        if (value instanceof ReportValue.Count count) {
            return count.count();
        }
        if (value instanceof ReportValue.Rate rate) {
            return rate.percent();
        }
        if (value instanceof ReportValue.Time time) {
            return time.time().toString();
        }
        return null;
    }

    private static UnitPage.AlkireFoster alkireFoster(UnitFigures unit) {
        return new UnitPage.AlkireFoster(unit.measure(Measure.MULTIDIMENSIONAL_HEADCOUNT_RATIO),
                unit.measure(Measure.MULTIDIMENSIONAL_INTENSITY), unit.measure(Measure.MULTIDIMENSIONAL_ADJUSTED_HEADCOUNT));
    }

    private static List<UnitPage.Target> targets(List<TargetRow> targets) {
        return targets.stream().map(target -> new UnitPage.Target(target.unitCode(), target.unitName(), target.measure().name(),
                target.kind().name(), target.targetValue(), target.gapHouseholds(), target.completionPercent(),
                target.status().name(), target.status().vietnamese(), target.status().english())).toList();
    }

    /**
     * The share of the expected households reviewed, rounded once; none when nothing is expected, a
     * previous year of no households included (the review_progress view leaves it empty then too).
     */
    static BigDecimal reviewedShare(long reviewed, Long expected) {
        return expected == null || expected == 0 ? null : Rates.shown(reviewed, expected);
    }
}
