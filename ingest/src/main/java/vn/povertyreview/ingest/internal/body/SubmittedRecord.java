package vn.povertyreview.ingest.internal.body;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.povertyreview.domain.review.RuleViolation;

/**
 * One record of an upload as it arrived, before any field is interpreted.
 *
 * @param index     position in the upload, from 0
 * @param line      line where the record starts (CSV: header is line 1), or null when unknown
 * @param fields    the fields present, by name; absent fields and empty CSV cells are left out
 * @param textual   whether every value arrived as text (CSV cells) and must be parsed
 * @param original  the record as received, kept with a rejection so it can be corrected
 * @param shapeProblem why the record has no usable fields at all (a JSON array element that is
 *                  not an object, a CSV row with too many cells), or null
 */
public record SubmittedRecord(int index, Integer line, ObjectNode fields, boolean textual, String original,
        RuleViolation shapeProblem) {
}
