package vn.povertyreview.ingest.internal.body;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.povertyreview.domain.review.RuleViolation;

/**
 * One record of an upload as it arrived, before any field is interpreted, holding only the values
 * of review fields: the readers drop every column or property that is personal data or unknown,
 * and say so in {@code ignored}. Nothing else of the record is kept anywhere.
 *
 * @param index     position in the upload, from 0
 * @param line      line where the record starts (CSV: header is line 1; XLSX: the sheet's row), or
 *                  null when unknown
 * @param fields    the review fields present, by field name; absent fields and empty cells are left out
 * @param textual   whether every value arrived as text (CSV and XLSX cells) and must be parsed
 * @param shapeProblem why the record has no usable fields at all (a JSON array element that is
 *                  not an object, a CSV row with too many cells), or null
 * @param ignored   the columns or properties of the record whose values were dropped, and why
 * @param sheetRow  for an XLSX upload, the sheet and row, to name the cell of each error; else null
 */
public record SubmittedRecord(int index, Integer line, ObjectNode fields, boolean textual,
        RuleViolation shapeProblem, List<IgnoredColumn> ignored, SheetRow sheetRow) {

    public SubmittedRecord {
        ignored = List.copyOf(ignored);
    }
}
