package vn.povertyreview.ingest.internal.http;

import java.util.Objects;

/** A text for a person, in Vietnamese and in English. Immutable. */
public record Message(String vi, String en) {

    public Message {
        Objects.requireNonNull(vi, "vi");
        Objects.requireNonNull(en, "en");
    }

    public String in(Language language) {
        return language == Language.EN ? en : vi;
    }
}
