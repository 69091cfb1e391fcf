package vn.povertyreview.pipeline.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reading of {@code /metrics}: its samples, parsed from the Prometheus text format, with sums
 * over their labels. Several readings (of several processes) add up. Immutable.
 */
record Scrape(List<Sample> samples) {

    /** One line of the text format: a name, its labels and its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    Scrape {
        samples = List.copyOf(samples);
    }

    /**
     * Parses the Prometheus text format; comment lines ({@code # HELP}, {@code # TYPE}) are skipped.
     *
     * @throws IllegalArgumentException for a line that is not a sample
     */
    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line.strip()));
            }
        }
        return new Scrape(samples);
    }

    private static Sample sample(String line) {
        int at = 0;
        while (at < line.length() && line.charAt(at) != '{' && line.charAt(at) != ' ') {
            at++;
        }
        String name = line.substring(0, at);
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at++;
            while (line.charAt(at) != '}') {
                int eq = line.indexOf('=', at);
                String label = line.substring(at, eq).strip();
                StringBuilder value = new StringBuilder();
                int i = eq + 2; // past ="
                for (; line.charAt(i) != '"'; i++) {
                    char c = line.charAt(i);
                    if (c == '\\') {
                        char escaped = line.charAt(++i);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(label, value.toString());
                at = i + 1;
                if (line.charAt(at) == ',') {
                    at++;
                }
            }
            at++;
        }
        String[] rest = line.substring(at).strip().split(" ");
        if (name.isEmpty() || rest.length == 0 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("not a metric sample: " + line);
        }
        return new Sample(name, labels, value(rest[0]));
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** The readings of several processes as one. */
    Scrape plus(Scrape other) {
        List<Sample> all = new ArrayList<>(samples);
        all.addAll(other.samples);
        return new Scrape(all);
    }

    /** Whether any sample has this name. */
    boolean has(String name) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name));
    }

    /** The sum of the samples of this name. */
    double sum(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).mapToDouble(Sample::value).sum();
    }

    /** The sum of the samples of this name whose label has not this value. */
    double sumExcept(String name, String label, String excluded) {
        return samples.stream().filter(sample -> sample.name().equals(name) && !excluded.equals(sample.labels().get(label)))
                .mapToDouble(Sample::value).sum();
    }

    /** The sums of the samples of this name by the value of one of their labels, in the order of the values. */
    Map<String, Double> sumBy(String name, String label) {
        Map<String, Double> sums = new TreeMap<>();
        for (Sample sample : samples) {
            if (sample.name().equals(name) && sample.labels().containsKey(label)) {
                sums.merge(sample.labels().get(label), sample.value(), Double::sum);
            }
        }
        return sums;
    }
}
