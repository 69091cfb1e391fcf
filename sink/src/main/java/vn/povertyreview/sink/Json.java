package vn.povertyreview.sink;

import java.util.List;
import vn.povertyreview.schemas.UnitRef;

/** Just enough JSON writing for the parents column and the alert webhook, without a library. Stateless. */
final class Json {

    private Json() {
    }

    /** The text as a JSON string literal, or {@code null}. */
    static String string(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** The units as a JSON array of {@code {"code": ..., "name": ...}}, in their order. */
    static String units(List<UnitRef> units) {
        StringBuilder json = new StringBuilder("[");
        if (units != null) {
            for (UnitRef unit : units) {
                if (json.length() > 1) {
                    json.append(", ");
                }
                json.append("{\"code\": ").append(string(unit.getCode())).append(", \"name\": ").append(string(unit.getName())).append('}');
            }
        }
        return json.append(']').toString();
    }
}
