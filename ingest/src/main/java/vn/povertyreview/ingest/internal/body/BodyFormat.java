package vn.povertyreview.ingest.internal.body;

import java.util.Locale;
import java.util.Optional;

/** The body formats {@code POST /api/v1/reviews} reads, known by their media types. */
public enum BodyFormat {
    /** One review object, or an array of them. */
    JSON("application/json"),
    /** One review object per line. */
    NDJSON("application/x-ndjson"),
    /** A header row naming the fields, then one review per row. */
    CSV("text/csv"),
    /** An Excel workbook: one sheet, its first row with data naming the fields, then one review per row. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mediaType;

    BodyFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a {@code Content-Type} header value, ignoring its parameters. */
    public static Optional<BodyFormat> of(String contentType) {
        String mediaType = mediaTypeOf(contentType);
        for (BodyFormat format : values()) {
            if (format.mediaType.equals(mediaType)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * The charset a {@code Content-Type} names, or null when it names none. Only UTF-8 is read:
     * Vietnamese text in any legacy encoding (TCVN3, VNI) would be silently garbled.
     */
    public static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                return pair[1].trim().replace("\"", "");
            }
        }
        return null;
    }

    private static String mediaTypeOf(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
