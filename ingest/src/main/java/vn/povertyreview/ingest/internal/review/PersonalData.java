package vn.povertyreview.ingest.internal.review;

/**
 * The kinds of personal data a review list kept in a spreadsheet often carries beside the review
 * itself. A column or field recognised as one of them is dropped on arrival: its values are never
 * produced to Kafka, logged or echoed. The words that announce each kind are in {@link Vocabulary}.
 */
public enum PersonalData {
    NAME("họ tên", "a name"),
    ID_NUMBER("số CCCD/CMND/định danh", "an ID-card number"),
    PHONE("số điện thoại", "a phone number"),
    BIRTH_DATE("ngày sinh", "a date of birth"),
    ADDRESS("địa chỉ", "an address"),
    EMAIL("thư điện tử", "an e-mail address");

    private final String vietnamese;
    private final String english;

    PersonalData(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
