package vn.povertyreview.ingest.internal.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * Reads a review time as reviewers write it: ISO-8601 with an offset, as the API has always
 * taken, or as a spreadsheet in Vietnam shows a date, day first ({@code 12/11/2024},
 * {@code 12/11/2024 08:30}), or an ISO date or time without an offset. A time without an offset
 * is Vietnam's time (Asia/Ho_Chi_Minh, UTC+7), and a date without a time is its start. Day first
 * always: {@code 12/11/2024} is 12 November, never 11 December. Thread-safe.
 */
public final class ReviewTimeText {

    /** Where the reviews are made: the zone of a time written without an offset. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Dates and times that carry no offset, tried in this order. */
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            strict("d/M/uuuu H:mm:ss"),
            strict("d/M/uuuu H:mm"),
            strict("uuuu-MM-dd HH:mm:ss"),
            strict("uuuu-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES = List.of(
            strict("d/M/uuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private ReviewTimeText() {
    }

    /** The instant the text names, or empty when it is in none of the accepted forms. */
    public static Optional<Instant> parse(String text) {
        String trimmed = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            // not with an offset; try the local forms
        }
        for (DateTimeFormatter format : LOCAL_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(trimmed, format).atZone(VIETNAM).toInstant());
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(trimmed, format).atStartOfDay(VIETNAM).toInstant());
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
