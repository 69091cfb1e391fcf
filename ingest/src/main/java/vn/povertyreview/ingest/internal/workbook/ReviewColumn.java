package vn.povertyreview.ingest.internal.workbook;

import java.util.List;

/**
 * One column of a workbook the product hands out (the template, the rejected rows of an upload):
 * what it holds, its header in both languages, and how a reviewer fills it. Immutable.
 *
 * @param key     the field it holds, or {@code deprivations.NUTRITION} for an indicator's own column
 * @param choices for a {@link Kind#CHOICE} column, the words of its drop-down list; else empty
 * @param guideVi how to fill it, in Vietnamese, for the instructions sheet
 */
public record ReviewColumn(String key, String header, Kind kind, List<String> choices, String guideVi) {

    /** How the column's cells are stored and checked. */
    public enum Kind {
        /** Free text. */
        TEXT,
        /** A national code: stored as text, so that its leading zeros stay. */
        CODE,
        /** A whole number. */
        WHOLE_NUMBER,
        /** A whole number of đồng, shown with thousands separators. */
        AMOUNT,
        /** A date and time in Vietnam. */
        TIME,
        /** One of a few words, from a drop-down list. */
        CHOICE
    }

    public ReviewColumn {
        choices = List.copyOf(choices);
    }
}
