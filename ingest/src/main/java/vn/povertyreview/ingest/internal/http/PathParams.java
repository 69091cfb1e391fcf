package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import java.util.List;
import vn.povertyreview.domain.review.ReviewYears;
import vn.povertyreview.domain.review.RuleViolation;

/** Reads the values of the admin endpoints' paths and query parameters, answering 400 for a bad one. */
final class PathParams {

    private PathParams() {
    }

    /** A supported review year, or 400 {@code reviewYear.range}. */
    static int reviewYear(String text, Context ctx) {
        try {
            int year = Integer.parseInt(text.strip());
            if (ReviewYears.isSupported(year)) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below, like a year out of range
        }
        throw FieldErrors.invalidRequest(List.of(new RuleViolation("reviewYear", "reviewYear.range",
                "Năm rà soát phải là số từ " + ReviewYears.FIRST + " đến " + ReviewYears.LAST + ".",
                "The review year must be a number from " + ReviewYears.FIRST + " to " + ReviewYears.LAST + ".")),
                Requests.language(ctx));
    }
}
