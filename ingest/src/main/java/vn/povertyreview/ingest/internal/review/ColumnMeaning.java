package vn.povertyreview.ingest.internal.review;

/**
 * What a column header (CSV, XLSX) or a JSON property name stands for: a review field, personal
 * data to be dropped, or nothing the review record knows, which is ignored too.
 */
public sealed interface ColumnMeaning {

    /** A review field, by its field name ({@link ReviewFields}). */
    record Field(String name) implements ColumnMeaning {
    }

    /** Personal data of the household's members: its values are dropped on arrival. */
    record Personal(PersonalData kind) implements ColumnMeaning {
    }

    /** No field of a review record and no personal data the product recognises: ignored. */
    record Unknown() implements ColumnMeaning {
    }
}
