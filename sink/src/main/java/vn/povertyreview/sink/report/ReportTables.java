package vn.povertyreview.sink.report;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.sink.report.ReportColumn.Kind;
import vn.povertyreview.sink.report.ReportValue.Count;
import vn.povertyreview.sink.report.ReportValue.Rate;
import vn.povertyreview.sink.report.ReportValue.Text;
import vn.povertyreview.sink.report.ReportValue.Time;

/**
 * The tables of a report in the layout of the official review reports: per topic, one row per unit
 * directly under the report's unit, then a total row that is the sum of those rows, with its rates
 * computed from the summed counts. When the unit's own figures differ from that sum (households
 * not assigned to any village, say), its own row follows with a note saying so. Every rate is
 * computed here from the counts of its row and rounded once. Stateless.
 */
public final class ReportTables {

    static final String TOTAL_VI = "Tổng cộng";
    static final String TOTAL_EN = "Total";

    private static final List<ReportColumn> UNIT_COLUMNS = List.of(
            new ReportColumn("Mã đơn vị", "Unit code", Kind.TEXT),
            new ReportColumn("Tên đơn vị", "Unit", Kind.TEXT));

    private ReportTables() {
    }

    /** Every table of the report, in sheet order. */
    public static List<ReportTable> of(ReportData data) {
        return List.of(
                figureTable(data, "Hộ nghèo, cận nghèo", "poverty",
                        "Kết quả rà soát hộ nghèo, hộ cận nghèo năm " + data.reviewYear(),
                        "Poor and near-poor households, review year " + data.reviewYear(),
                        List.of(count(Figure.HOUSEHOLDS), count(Figure.POOR), rate(Measure.POOR_RATE, Figure.POOR, Figure.HOUSEHOLDS),
                                count(Figure.NEAR_POOR), rate(Measure.NEAR_POOR_RATE, Figure.NEAR_POOR, Figure.HOUSEHOLDS))),
                figureTable(data, "Biến động", "movement",
                        "Biến động hộ nghèo, hộ cận nghèo trong năm " + data.reviewYear(),
                        "Movement of poor and near-poor households over " + data.reviewYear(),
                        counts(Figure.START_POOR, Figure.ESCAPED, Figure.ESCAPED_INTO_NEAR_POOR, Figure.NEWLY_POOR, Figure.RE_POOR,
                                Figure.POOR_MOVED_IN, Figure.POOR_MOVED_OUT, Figure.POOR_NOT_YET_REVIEWED, Figure.END_POOR,
                                Figure.START_NEAR_POOR, Figure.EXITED_NEAR_POOR, Figure.EXITED_NEAR_POOR_INTO_POOR,
                                Figure.EXITED_NEAR_POOR_INTO_NOT_POOR, Figure.NEWLY_NEAR_POOR, Figure.RE_NEAR_POOR,
                                Figure.NEAR_POOR_MOVED_IN, Figure.NEAR_POOR_MOVED_OUT, Figure.NEAR_POOR_NOT_YET_REVIEWED,
                                Figure.END_NEAR_POOR)),
                figureTable(data, "Dân tộc thiểu số", "ethnic-minority",
                        "Hộ nghèo dân tộc thiểu số năm " + data.reviewYear(),
                        "Ethnic-minority poverty, review year " + data.reviewYear(),
                        List.of(count(Figure.HOUSEHOLDS), count(Figure.ETHNIC_MINORITY), count(Figure.ETHNIC_MINORITY_POOR),
                                rate(Measure.ETHNIC_MINORITY_POOR_RATE, Figure.ETHNIC_MINORITY_POOR, Figure.HOUSEHOLDS),
                                rate(Measure.ETHNIC_MINORITY_POOR_RATE_AMONG_ETHNIC_MINORITY, Figure.ETHNIC_MINORITY_POOR,
                                        Figure.ETHNIC_MINORITY))),
                figureTable(data, "Thiếu hụt", "deprivations",
                        "Hộ nghèo, hộ cận nghèo thiếu hụt các dịch vụ xã hội cơ bản năm " + data.reviewYear(),
                        "Deprivations of poor and near-poor households per indicator, review year " + data.reviewYear(),
                        deprivations()),
                targetTable(data),
                progressTable(data));
    }

    /** A column of the report's figure tables: a count of one figure, or a rate of two. */
    private sealed interface FigureColumn {
        ReportColumn column();

        ReportValue value(Map<Figure, Long> figures);
    }

    private record CountOf(Figure figure) implements FigureColumn {
        @Override
        public ReportColumn column() {
            return new ReportColumn(figure.vietnamese(), figure.english(), Kind.COUNT);
        }

        @Override
        public ReportValue value(Map<Figure, Long> figures) {
            Long count = figures.get(figure);
            return count == null ? ReportValue.EMPTY : new Count(count);
        }
    }

    private record RateOf(Measure measure, Figure part, Figure whole) implements FigureColumn {
        @Override
        public ReportColumn column() {
            return new ReportColumn(measure.vietnamese(), measure.english(), Kind.RATE);
        }

        @Override
        public ReportValue value(Map<Figure, Long> figures) {
            Long partCount = figures.get(part);
            Long wholeCount = figures.get(whole);
            return partCount == null || wholeCount == null ? ReportValue.EMPTY : Rate.of(partCount, wholeCount);
        }
    }

    private static FigureColumn count(Figure figure) {
        return new CountOf(figure);
    }

    private static List<FigureColumn> counts(Figure... figures) {
        List<FigureColumn> columns = new ArrayList<>();
        for (Figure figure : figures) {
            columns.add(count(figure));
        }
        return columns;
    }

    private static FigureColumn rate(Measure measure, Figure part, Figure whole) {
        return new RateOf(measure, part, whole);
    }

    private static List<FigureColumn> deprivations() {
        List<FigureColumn> columns = new ArrayList<>(counts(Figure.POOR, Figure.NEAR_POOR));
        for (Indicator indicator : Indicator.values()) {
            columns.add(count(Figure.deprived(Classification.POOR, indicator)));
        }
        for (Indicator indicator : Indicator.values()) {
            columns.add(count(Figure.deprived(Classification.NEAR_POOR, indicator)));
        }
        return columns;
    }

    private static ReportTable figureTable(ReportData data, String name, String key, String titleVi, String titleEn,
            List<FigureColumn> figureColumns) {
        List<ReportColumn> columns = new ArrayList<>(UNIT_COLUMNS);
        figureColumns.forEach(column -> columns.add(column.column()));
        List<UnitFigures> rows = data.children().isEmpty() ? List.of(data.unit()) : data.children();
        List<ReportLine> lines = new ArrayList<>();
        for (UnitFigures unit : rows) {
            lines.add(figureLine(ReportLine.Kind.UNIT, new Text(unit.unitCode()), new Text(unit.unitName()), unit.figures(),
                    figureColumns));
        }
        Map<Figure, Long> total = sum(rows, figureColumns);
        lines.add(figureLine(ReportLine.Kind.TOTAL, new Text(""), new Text(TOTAL_VI + " / " + TOTAL_EN), total, figureColumns));
        // Nothing under the unit: its own row is the only one, and its total.
        List<String> differing = data.children().isEmpty() ? List.of() : differing(data.unit().figures(), total, figureColumns);
        if (!differing.isEmpty()) {
            UnitFigures unit = data.unit();
            lines.add(figureLine(ReportLine.Kind.OWN, new Text(unit.unitCode()),
                    new Text(unit.unitName() + " (số liệu của đơn vị / the unit's own figures)"), unit.figures(), figureColumns));
            lines.add(new ReportLine(ReportLine.Kind.NOTE, List.of(new Text(
                    "Lưu ý: số liệu của chính " + unit.unitName() + " khác dòng tổng cộng ở: " + String.join("; ", differing)
                            + ". Phần chênh lệch là các hộ không thuộc đơn vị nào liệt kê ở trên (ví dụ hộ chưa được gán vào thôn). / "
                            + "Note: the figures of " + unit.unitName() + " itself differ from the total row in: "
                            + String.join("; ", differing)
                            + ". The difference is households under none of the units listed (e.g. households not assigned to a village)."))));
        }
        return new ReportTable(name, key, titleVi, titleEn, columns, lines);
    }

    private static ReportLine figureLine(ReportLine.Kind kind, Text code, Text name, Map<Figure, Long> figures,
            List<FigureColumn> figureColumns) {
        List<ReportValue> values = new ArrayList<>(List.of(code, name));
        figureColumns.forEach(column -> values.add(column.value(figures)));
        return new ReportLine(kind, values);
    }

    /** The sum of each figure the columns read over the rows; a figure no row sets is not set in the sum either. */
    private static Map<Figure, Long> sum(List<UnitFigures> rows, List<FigureColumn> figureColumns) {
        // Each figure once, however many columns read it (households are the whole of several rates).
        Set<Figure> figures = EnumSet.noneOf(Figure.class);
        figureColumns.forEach(column -> figures.addAll(figuresOf(column)));
        Map<Figure, Long> total = new EnumMap<>(Figure.class);
        for (Figure figure : figures) {
            for (UnitFigures row : rows) {
                Long count = row.figure(figure);
                if (count != null) {
                    total.merge(figure, count, Long::sum);
                }
            }
        }
        return total;
    }

    private static List<Figure> figuresOf(FigureColumn column) {
        if (column instanceof RateOf rate) {
            return List.of(rate.part(), rate.whole());
        }
        return List.of(((CountOf) column).figure());
    }

    /** "Tổng số hộ / Total households: 7.900 ≠ 7.850" for each count column where the unit's own figure is not the total. */
    private static List<String> differing(Map<Figure, Long> own, Map<Figure, Long> total, List<FigureColumn> figureColumns) {
        List<String> differing = new ArrayList<>();
        for (FigureColumn column : figureColumns) {
            if (column instanceof CountOf count) {
                Long ownCount = own.get(count.figure());
                Long totalCount = total.get(count.figure());
                if (ownCount != null && !ownCount.equals(totalCount)) {
                    differing.add(count.figure().vietnamese() + " / " + count.figure().english() + " " + ownCount + " ≠ "
                            + (totalCount == null ? 0 : totalCount));
                }
            }
        }
        return differing;
    }

    /** The targets of the unit and of the units under it; no total: each unit has a target of its own, and they do not add. */
    private static ReportTable targetTable(ReportData data) {
        List<ReportColumn> columns = new ArrayList<>(UNIT_COLUMNS);
        columns.addAll(List.of(
                new ReportColumn("Chỉ tiêu", "Measure", Kind.TEXT),
                new ReportColumn("Loại chỉ tiêu", "Kind", Kind.TEXT),
                new ReportColumn("Giá trị chỉ tiêu", "Target value", Kind.TEXT),
                new ReportColumn("Hộ nghèo kỳ gốc", "Baseline poor households", Kind.COUNT),
                new ReportColumn("Tổng số hộ kỳ gốc", "Baseline households", Kind.COUNT),
                new ReportColumn("Tỷ lệ kỳ gốc (%)", "Baseline rate (%)", Kind.RATE),
                new ReportColumn("Hộ nghèo hiện tại", "Poor households now", Kind.COUNT),
                new ReportColumn("Tổng số hộ hiện tại", "Households now", Kind.COUNT),
                new ReportColumn("Tỷ lệ hiện tại (%)", "Rate now (%)", Kind.RATE),
                new ReportColumn("Hộ nghèo tối đa cuối năm", "Poor households allowed at year end", Kind.COUNT),
                new ReportColumn("Số hộ còn phải giảm", "Households still to reduce", Kind.COUNT),
                new ReportColumn("Mức độ hoàn thành (%)", "Completion (%)", Kind.RATE),
                new ReportColumn("Tình trạng", "Status", Kind.TEXT)));
        List<ReportLine> lines = new ArrayList<>();
        for (TargetRow target : data.targets()) {
            lines.add(new ReportLine(ReportLine.Kind.UNIT, List.of(
                    new Text(target.unitCode()), new Text(target.unitName()),
                    new Text(target.measure().vietnamese() + " / " + target.measure().english()),
                    new Text(target.kind().name()),
                    new Text(target.targetValue().stripTrailingZeros().toPlainString()),
                    new Count(target.baselinePoor()), new Count(target.baselineTotal()),
                    Rate.of(target.baselinePoor(), target.baselineTotal()),
                    new Count(target.currentPoor()), new Count(target.currentTotal()),
                    Rate.of(target.currentPoor(), target.currentTotal()),
                    new Count(target.targetEndHouseholds()), new Count(target.gapHouseholds()),
                    // Completion is a quotient of reductions that Streams keeps at two decimals; it is shown as it is.
                    new Rate(target.completionPercent().setScale(2)),
                    new Text(target.status().vietnamese() + " / " + target.status().english()))));
        }
        if (lines.isEmpty()) {
            lines.add(new ReportLine(ReportLine.Kind.NOTE, List.of(new Text(
                    "Chưa có chỉ tiêu nào cho đơn vị này và các đơn vị trực thuộc. / No target is set for this unit or the units under it."))));
        }
        return new ReportTable("Chỉ tiêu", "targets", "Chỉ tiêu giảm nghèo năm " + data.reviewYear() + ": mức độ hoàn thành",
                "Poverty reduction targets of " + data.reviewYear() + ": completion and status", columns, lines);
    }

    /** The review progress of the units under the unit, their total, and the unit's own when it differs. */
    private static ReportTable progressTable(ReportData data) {
        List<ReportColumn> columns = new ArrayList<>(UNIT_COLUMNS);
        columns.addAll(List.of(
                new ReportColumn("Số hộ đã rà soát", "Households reviewed", Kind.COUNT),
                new ReportColumn("Số hộ dự kiến", "Households expected", Kind.COUNT),
                new ReportColumn("Tỷ lệ đã rà soát (%)", "Share reviewed (%)", Kind.RATE),
                new ReportColumn("Nguồn số dự kiến", "Expected count from", Kind.TEXT),
                new ReportColumn("Thay đổi gần nhất", "Latest change", Kind.TIME)));
        List<ProgressRow> own = data.progress().stream().filter(row -> row.unitCode().equals(data.unit().unitCode())).toList();
        List<ProgressRow> under = data.progress().stream().filter(row -> !row.unitCode().equals(data.unit().unitCode())).toList();
        List<ProgressRow> rows = data.children().isEmpty() ? own : under;
        List<ReportLine> lines = new ArrayList<>();
        long reviewed = 0;
        long expected = 0;
        boolean anyExpected = false;
        OffsetDateTime latest = null;
        for (ProgressRow row : rows) {
            lines.add(progressLine(ReportLine.Kind.UNIT, new Text(row.unitCode()), new Text(row.unitName()), row.reviewed(),
                    row.expected(), source(row), row.lastChangeAt()));
            reviewed += row.reviewed();
            if (row.expected() != null) {
                expected += row.expected();
                anyExpected = true;
            }
            if (row.lastChangeAt() != null && (latest == null || row.lastChangeAt().isAfter(latest))) {
                latest = row.lastChangeAt();
            }
        }
        Long totalExpected = anyExpected ? expected : null;
        lines.add(progressLine(ReportLine.Kind.TOTAL, new Text(""), new Text(TOTAL_VI + " / " + TOTAL_EN), reviewed, totalExpected,
                ReportValue.EMPTY, latest));
        if (!data.children().isEmpty() && !own.isEmpty()) {
            ProgressRow unit = own.get(0);
            boolean differs = unit.reviewed() != reviewed || !Objects.equals(unit.expected(), totalExpected);
            if (differs) {
                lines.add(progressLine(ReportLine.Kind.OWN, new Text(unit.unitCode()),
                        new Text(unit.unitName() + " (số liệu của đơn vị / the unit's own figures)"), unit.reviewed(), unit.expected(),
                        source(unit), unit.lastChangeAt()));
                lines.add(new ReportLine(ReportLine.Kind.NOTE, List.of(new Text(
                        "Lưu ý: số hộ đã rà soát hoặc dự kiến của chính " + unit.unitName()
                                + " khác dòng tổng cộng (số dự kiến được đặt riêng, hoặc hộ không thuộc đơn vị nào liệt kê ở trên). / "
                                + "Note: the households reviewed or expected of " + unit.unitName()
                                + " itself differ from the total row (an expected count set for it, or households under none of the units listed)."))));
            }
        }
        return new ReportTable("Tiến độ rà soát", "review-progress", "Tiến độ rà soát năm " + data.reviewYear(),
                "Review progress, review year " + data.reviewYear(), columns, lines);
    }

    private static ReportValue source(ProgressRow row) {
        if (row.expected() == null) {
            return ReportValue.EMPTY;
        }
        return new Text(row.expectedSet() ? "Quản trị viên đặt / Set by an admin" : "Cuối năm trước / Previous year's final");
    }

    private static ReportLine progressLine(ReportLine.Kind kind, Text code, Text name, long reviewed, Long expected,
            ReportValue source, OffsetDateTime lastChangeAt) {
        return new ReportLine(kind, List.of(code, name, new Count(reviewed),
                expected == null ? ReportValue.EMPTY : new Count(expected),
                expected == null || expected == 0 ? ReportValue.EMPTY : Rate.of(reviewed, expected),
                source,
                lastChangeAt == null ? ReportValue.EMPTY : new Time(lastChangeAt)));
    }
}
