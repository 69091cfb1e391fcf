package vn.povertyreview.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of one run, applied in one documented order: defaults, then a properties file
 * ({@code --config=FILE} or {@code POVERTY_CONFIG}), then environment variables
 * ({@code POVERTY_*}), then {@code --key=value} arguments. An unknown key or variable stops
 * start-up, naming it, because a misspelt setting silently ignored is a production incident.
 *
 * <p>Immutable and thread-safe.
 */
public final class Settings {

    public static final String CONFIG_ARGUMENT = "config";
    public static final String CONFIG_VARIABLE = "POVERTY_CONFIG";

    private final Map<Setting, String> values;

    private Settings(Map<Setting, String> values) {
        this.values = values;
    }

    /** Settings from defaults, the config file, the environment and {@code --key=value} arguments. */
    public static Settings load(Map<String, String> environment, List<String> arguments) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            values.put(setting, setting.defaultValue());
        }
        Map<String, String> fromArguments = parseArguments(arguments);
        String configFile = fromArguments.containsKey(CONFIG_ARGUMENT) ? fromArguments.remove(CONFIG_ARGUMENT)
                : environment.get(CONFIG_VARIABLE);
        if (configFile != null && !configFile.isBlank()) {
            readFile(Path.of(configFile)).forEach((key, value) -> values.put(byKey(key, "in " + configFile), value));
        }
        Map<String, Setting> byVariable = new HashMap<>();
        for (Setting setting : Setting.values()) {
            byVariable.put(setting.environmentVariable(), setting);
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("POVERTY_") && !name.equals(CONFIG_VARIABLE)) {
                Setting setting = byVariable.get(name);
                if (setting == null) {
                    throw new IllegalArgumentException("unknown environment variable " + name
                            + " (run with 'settings' to list the known ones)");
                }
                values.put(setting, value);
            }
        });
        fromArguments.forEach((key, value) -> values.put(byKey(key, "on the command line"), value));
        return new Settings(values);
    }

    public static Settings defaults() {
        return load(Map.of(), List.of());
    }

    /** The same settings with some replaced, for tests and for the launcher's own choices. */
    public Settings with(Setting setting, String value) {
        Map<Setting, String> copy = new EnumMap<>(values);
        copy.put(setting, value);
        return new Settings(copy);
    }

    private static Map<String, String> parseArguments(List<String> arguments) {
        Map<String, String> parsed = new HashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("expected --key=value but got '" + argument + "'");
            }
            int eq = argument.indexOf('=');
            parsed.put(argument.substring(2, eq), argument.substring(eq + 1));
        }
        return parsed;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read settings file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name).trim()));
        return map;
    }

    private static Setting byKey(String key, String where) {
        for (Setting setting : Setting.values()) {
            if (setting.key().equals(key)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("unknown setting '" + key + "' " + where + " (run with 'settings' to list the known ones)");
    }

    public String get(Setting setting) {
        return values.get(setting);
    }

    public boolean isSet(Setting setting) {
        return !values.get(setting).isBlank();
    }

    public int getInt(Setting setting) {
        try {
            return Integer.parseInt(values.get(setting).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.key() + " (" + setting.environmentVariable() + ") must be a whole number, got '"
                    + values.get(setting) + "'");
        }
    }

    public long getLong(Setting setting) {
        try {
            return Long.parseLong(values.get(setting).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.key() + " (" + setting.environmentVariable() + ") must be a whole number, got '"
                    + values.get(setting) + "'");
        }
    }

    public Path dataDir() {
        return Path.of(get(Setting.DATA_DIR)).toAbsolutePath();
    }
}
