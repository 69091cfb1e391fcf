package vn.povertyreview.ingest.internal.http;

import java.util.List;
import java.util.Locale;

/**
 * The language a client reads, from its {@code Accept-Language} header. Vietnamese unless the
 * client prefers English: the users are Vietnamese officials, English is for partners and tools.
 */
public enum Language {
    VI,
    EN;

    private static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH);

    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return VI;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return chosen != null && chosen.getLanguage().equals("en") ? EN : VI;
        } catch (IllegalArgumentException malformed) {
            // A malformed header is the client's mistake; it still deserves an answer it can read.
            return VI;
        }
    }
}
