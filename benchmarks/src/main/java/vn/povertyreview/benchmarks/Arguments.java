package vn.povertyreview.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** A harness's {@code --name=value} arguments, each consumed once; an unknown one is refused with the usage. */
final class Arguments {

    private final Map<String, String> remaining;
    private final String usage;

    private Arguments(Map<String, String> given, String usage) {
        this.remaining = new LinkedHashMap<>(given);
        this.usage = usage;
    }

    /** Reads {@code --name=value} arguments; anything else is refused with {@code usage}. */
    static Arguments parse(String[] args, String usage) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'\n" + usage);
            }
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return new Arguments(given, usage);
    }

    long number(String name, long fallback) {
        String value = remaining.remove(name);
        if (value == null) {
            return fallback;
        }
        try {
            // Digit groups may be written 1_000_000 or 1,000,000.
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'");
        }
    }

    int integer(String name, int fallback) {
        long value = number(name, fallback);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + name + " is too large: " + value);
        }
        return (int) value;
    }

    String text(String name, String fallback) {
        String value = remaining.remove(name);
        return value == null ? fallback : value;
    }

    boolean bool(String name, boolean fallback) {
        String value = remaining.remove(name);
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--" + name + " needs true or false, got '" + value + "'");
        };
    }

    void requireAllUsed() {
        if (!remaining.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + remaining.keySet().iterator().next() + "\n" + usage);
        }
    }
}
