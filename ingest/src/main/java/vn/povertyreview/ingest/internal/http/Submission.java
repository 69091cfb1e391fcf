package vn.povertyreview.ingest.internal.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.review.RuleViolation;
import vn.povertyreview.ingest.internal.audit.AuditRecords;
import vn.povertyreview.ingest.internal.body.BodyFormat;
import vn.povertyreview.ingest.internal.body.IgnoredColumn;
import vn.povertyreview.ingest.internal.body.SheetRow;
import vn.povertyreview.ingest.internal.body.SubmittedRecord;
import vn.povertyreview.ingest.internal.kafka.OutgoingRecord;
import vn.povertyreview.ingest.internal.kafka.SubmissionRecords;
import vn.povertyreview.ingest.internal.review.Judgement;
import vn.povertyreview.schemas.AuditUnit;

/**
 * One upload being taken in: the Kafka records that will store it, what the client is told about
 * each rejected record, and which columns were ignored. Not thread-safe; belongs to one request.
 */
final class Submission {

    /** Enough for any real list; a body inventing a new property per record is not told each one. */
    static final int MAX_IGNORED_SHOWN = 100;

    private final String submissionId;
    private final BodyFormat format;
    private final List<OutgoingRecord> outgoing = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Map<String, IgnoredColumn> ignored = new LinkedHashMap<>();
    /** For the audit trail: the communes of the accepted reviews with their years, by year, then code. */
    private final TreeSet<AuditUnit> communes = new TreeSet<>(
            Comparator.comparing(AuditUnit::getReviewYear).thenComparing(AuditUnit::getUnitCode));
    private final Map<String, Integer> rejectedByRule = new TreeMap<>();
    private int accepted;

    Submission(String submissionId, BodyFormat format) {
        this.submissionId = submissionId;
        this.format = format;
    }

    void add(SubmittedRecord record, Judgement judgement, SubmissionRecords records) {
        for (IgnoredColumn column : record.ignored()) {
            if (ignored.size() < MAX_IGNORED_SHOWN) {
                ignored.putIfAbsent(column.name(), column);
            }
        }
        if (judgement.isAccepted()) {
            Review review = judgement.review();
            outgoing.add(records.accepted(review));
            communes.add(AuditRecords.unit(review.reviewYear(), review.communeCode()));
            accepted++;
        } else {
            List<RuleViolation> violations = located(record.sheetRow(), judgement.violations());
            violations.stream().map(RuleViolation::rule).distinct().forEach(rule -> rejectedByRule.merge(rule, 1, Integer::sum));
            outgoing.add(records.rejected(record, judgement.review(), violations, format == BodyFormat.CSV));
            rejections.add(new Rejection(record.index(), record.line(), record.sheetRow(), judgement.review().householdId(),
                    violations));
        }
    }

    /**
     * The violations of a spreadsheet row, each saying first which cell it is about
     * ({@code Sheet1!F12}), or the sheet and row when the header has no column for the field.
     */
    private static List<RuleViolation> located(SheetRow place, List<RuleViolation> violations) {
        if (place == null) {
            return violations;
        }
        List<RuleViolation> located = new ArrayList<>();
        for (RuleViolation v : violations) {
            Optional<String> cell = place.cellOf(v.field());
            String vi = cell.map(c -> "Ô " + c + ": ").orElse("Trang tính '" + place.sheet() + "', hàng " + place.row() + ": ");
            String en = cell.map(c -> "Cell " + c + ": ").orElse("Sheet '" + place.sheet() + "', row " + place.row() + ": ");
            located.add(new RuleViolation(v.field(), v.rule(), vi + v.messageVi(), en + v.messageEn()));
        }
        return located;
    }

    String submissionId() {
        return submissionId;
    }

    int size() {
        return accepted + rejections.size();
    }

    int accepted() {
        return accepted;
    }

    List<Rejection> rejections() {
        return rejections;
    }

    List<OutgoingRecord> outgoing() {
        return outgoing;
    }

    BodyFormat format() {
        return format;
    }

    /** Per rule, the rejected records that broke it. */
    Map<String, Integer> rejectedByRule() {
        return rejectedByRule;
    }

    /** The communes of the accepted reviews, each with its review year, by year then code. */
    List<AuditUnit> communes() {
        return List.copyOf(communes);
    }

    /** The columns or properties whose values were dropped, each once, as the answer lists them. */
    List<Map<String, Object>> ignoredColumns(Language language) {
        return ignored.values().stream().map(column -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("column", column.shownName());
            json.put("rule", column.rule());
            json.put("message", column.text().in(language));
            json.put("messageVi", column.text().vi());
            json.put("messageEn", column.text().en());
            return json;
        }).toList();
    }

    /** A rejected record as the client sees it: where it was and what is wrong with it. */
    record Rejection(int index, Integer line, SheetRow sheetRow, String householdId, List<RuleViolation> errors) {

        Map<String, Object> toJson(Language language) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("index", index);
            if (sheetRow != null) {
                json.put("sheet", sheetRow.sheet());
            }
            json.put("line", line);
            json.put("householdId", householdId);
            json.put("errors", errors.stream().map(error -> {
                Map<String, Object> shown = FieldErrors.of(error, language);
                // The cell by itself too, so that a page can list it in a column of its own.
                if (sheetRow != null) {
                    sheetRow.cellOf(error.field()).ifPresent(cell -> shown.put("cell", cell));
                }
                return shown;
            }).toList());
            return json;
        }
    }
}
