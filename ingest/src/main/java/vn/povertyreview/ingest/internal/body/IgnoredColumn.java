package vn.povertyreview.ingest.internal.body;

import java.util.Objects;
import vn.povertyreview.ingest.internal.http.Message;
import vn.povertyreview.ingest.internal.review.ColumnMeaning;
import vn.povertyreview.ingest.internal.review.PersonalData;

/**
 * A column (CSV, XLSX) or a JSON property whose values were dropped on arrival: personal data, or
 * nothing a review record has. Only its name is kept, to tell the client. Immutable.
 */
public record IgnoredColumn(String name, ColumnMeaning meaning) {

    /** Longer names are cut in answers: a name is a header, not a place for a document. */
    private static final int SHOWN_NAME_LENGTH = 64;

    public IgnoredColumn {
        Objects.requireNonNull(name, "name");
        if (meaning.holdsReviewValues()) {
            throw new IllegalArgumentException("a column of the review is never ignored: " + name);
        }
    }

    public String rule() {
        return meaning instanceof ColumnMeaning.Personal ? "column.personalData" : "column.unknown";
    }

    /** The name as answers show it. */
    public String shownName() {
        return name.length() <= SHOWN_NAME_LENGTH ? name : name.substring(0, SHOWN_NAME_LENGTH) + "…";
    }

    public Message text() {
        String shown = shownName();
        if (meaning instanceof ColumnMeaning.Personal personal) {
            PersonalData kind = personal.kind();
            return new Message(
                    "Cột '" + shown + "' chứa dữ liệu cá nhân (" + kind.vietnamese() + ") nên đã bị bỏ qua: giá trị của cột không được lưu, ghi nhật ký hay gửi lại.",
                    "Column '" + shown + "' holds personal data (" + kind.english() + ") and was ignored: its values are not stored, logged or echoed.");
        }
        return new Message(
                "Cột '" + shown + "' không phải trường của bản ghi rà soát nên đã bị bỏ qua; giá trị của cột không được lưu.",
                "Column '" + shown + "' is not a field of a review record and was ignored; its values are not stored.");
    }
}
