package vn.povertyreview.ingest.internal.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.povertyreview.ingest.internal.review.ColumnMeaning;
import vn.povertyreview.ingest.internal.review.Vocabulary;

/**
 * Keeps only the review fields of a JSON record: every other property, personal data or unknown, is
 * removed before anything else sees the record, and reported as ignored.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** Removes from {@code record} every property that is no review field; returns what was removed. */
    static List<IgnoredColumn> keepOnlyReviewFields(ObjectNode record) {
        List<IgnoredColumn> ignored = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : record.properties()) {
            String name = property.getKey();
            ColumnMeaning meaning = Vocabulary.ofJsonProperty(name);
            if (!(meaning instanceof ColumnMeaning.Field)) {
                ignored.add(new IgnoredColumn(name, meaning));
            }
        }
        for (IgnoredColumn column : ignored) {
            record.remove(column.name());
        }
        return ignored;
    }
}
