package vn.povertyreview.domain.target;

import java.util.Objects;

/**
 * The sentence of an alert in Vietnamese and in English, to be sent together.
 *
 * <p>Immutable and thread-safe.
 */
public record AlertText(String vietnamese, String english) {

    public AlertText {
        Objects.requireNonNull(vietnamese, "vietnamese");
        Objects.requireNonNull(english, "english");
    }
}
