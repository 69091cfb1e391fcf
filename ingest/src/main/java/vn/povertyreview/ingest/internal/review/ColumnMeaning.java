package vn.povertyreview.ingest.internal.review;

import vn.povertyreview.domain.review.Indicator;

/**
 * What a column header (CSV, XLSX) or a JSON property name stands for: a review field, one
 * deprivation indicator in a column of its own, personal data to be dropped, a note the product
 * itself wrote, or nothing the review record knows, which is ignored too.
 */
public sealed interface ColumnMeaning {

    /** Whether the column holds a value of the review, so that it counts when a header is read. */
    default boolean holdsReviewValues() {
        return false;
    }

    /** A review field, by its field name ({@link ReviewFields}). */
    record Field(String name) implements ColumnMeaning {

        @Override
        public boolean holdsReviewValues() {
            return true;
        }
    }

    /**
     * One deprivation indicator as a column of its own holding Có or Không (the template's layout),
     * instead of one {@code deprivations} cell listing the indicators.
     */
    record Deprivation(Indicator indicator) implements ColumnMeaning {

        @Override
        public boolean holdsReviewValues() {
            return true;
        }
    }

    /** Personal data of the household's members: its values are dropped on arrival. */
    record Personal(PersonalData kind) implements ColumnMeaning {
    }

    /**
     * A column the product writes itself into a workbook it hands back (the errors of a rejected
     * row, where the row came from): dropped without a word when the workbook comes back fixed.
     */
    record Annotation() implements ColumnMeaning {
    }

    /** No field of a review record and no personal data the product recognises: ignored. */
    record Unknown() implements ColumnMeaning {
    }
}
