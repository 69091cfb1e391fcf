package vn.povertyreview.ingest.internal.review;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Gives a record without a review id one derived from its content, so that a client that sends
 * the same record again (a retry after a timeout, an upload repeated by mistake) produces a
 * duplicate of the same review rather than a second review. The id is a name-based UUID of the
 * record's field values in a fixed canonical form; who submitted it, and in which upload, is
 * deliberately left out, since the same review sent twice is still one review.
 */
public final class ReviewIds {

    /** Versions the canonical form: changing it would change every derived id. */
    private static final String CANONICAL_FORM = "household-review/v1";
    /** A separator that cannot occur in any value a client can type into a code field unnoticed. */
    private static final char SEPARATOR = '\u001f';

    private ReviewIds() {
    }

    public static String derive(ReviewValues v) {
        StringBuilder canonical = new StringBuilder(CANONICAL_FORM);
        append(canonical, v.householdId());
        append(canonical, v.reviewYear());
        append(canonical, v.reviewedAt());
        append(canonical, v.provinceCode());
        append(canonical, v.districtCode());
        append(canonical, v.communeCode());
        append(canonical, v.villageCode());
        append(canonical, v.area());
        append(canonical, v.members());
        append(canonical, v.incomePerCapitaMonthlyVnd());
        // An EnumSet iterates in the official indicator order, whatever order the client listed them in.
        append(canonical, v.deprivations() == null ? null
                : v.deprivations().stream().map(Enum::name).collect(Collectors.joining(",")));
        append(canonical, v.classification());
        append(canonical, v.ethnicMinority());
        append(canonical, v.meritFamily());
        append(canonical, v.socialProtection());
        append(canonical, v.noLaborCapacity());
        // Added after the form was released: appended only when true, so that every record that does
        // not set it keeps the id it was derived before, and one that does gets an id of its own.
        if (v.agricultureForestryFishery()) {
            append(canonical, true);
        }
        return UUID.nameUUIDFromBytes(canonical.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void append(StringBuilder canonical, Object value) {
        canonical.append(SEPARATOR).append(Objects.toString(value, ""));
    }
}
