package vn.povertyreview.pipeline.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.JdbiException;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.review.ReviewYears;
import vn.povertyreview.ingest.ReportFormat;
import vn.povertyreview.pipeline.CommandDatabase;
import vn.povertyreview.pipeline.Settings;
import vn.povertyreview.sink.report.ReportData;
import vn.povertyreview.sink.report.ReportQueries;
import vn.povertyreview.sink.report.ReportTable;
import vn.povertyreview.sink.report.ReportTables;

/**
 * {@code report --year=2025 --unit=38 --out=FILE}: the report of one unit and review year, the same
 * file {@code GET /api/v1/reports/{year}/{unit}.xlsx} (or {@code .csv}, by the file's extension)
 * serves, read from the sink's database ({@link CommandDatabase}). The file is written whole or not at all.
 */
public final class ReportCommand {

    private static final String USAGE = """
            use: report --year=<review year> --unit=<unit code> --out=<file.xlsx or file.csv>
            followed by the database settings if not the embedded one (--db.url=... --db.user=... --db.password=...)""";

    private final PrintStream out;
    private final PrintStream err;

    public ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command.
     *
     * @return 0 when the file is written; 1 when the database could not be read or holds no figures of the unit
     * @throws IllegalArgumentException for a wrong command line, in Vietnamese and English
     */
    public int run(List<String> arguments, Map<String, String> environment) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> settingArguments = new ArrayList<>();
        for (String argument : arguments) {
            String key = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            switch (key) {
                case "--year", "--unit", "--out" -> {
                    if (options.put(key, argument.substring(key.length() + 1).trim()) != null) {
                        throw new IllegalArgumentException(key + " được ghi hai lần / is given twice");
                    }
                }
                default -> settingArguments.add(argument);
            }
        }
        int year = year(required(options, "--year"));
        String unitCode = required(options, "--unit");
        Path file = Path.of(required(options, "--out"));
        ReportFormat format = ReportFormat.ofFileName(file.getFileName().toString()).orElseThrow(() -> new IllegalArgumentException(
                "tệp báo cáo phải có đuôi .xlsx hoặc .csv / the report file must end in .xlsx or .csv: " + file));
        if (new UnitDirectory(AdminMaps.official()).find(year, unitCode).isEmpty()) {
            throw new IllegalArgumentException("không có đơn vị " + unitCode + " trong danh mục hành chính của năm " + year
                    + " / there is no unit " + unitCode + " in the administrative map of " + year);
        }
        Settings settings = Settings.load(environment, settingArguments);
        Optional<ReportData> data;
        try {
            data = new ReportQueries(CommandDatabase.of(settings).open()).load(year, unitCode);
        } catch (IllegalStateException | JdbiException | FlywayException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (data.isEmpty()) {
            err.println("error: chưa có số liệu rà soát năm " + year + " của đơn vị " + unitCode + "; không ghi tệp nào"
                    + " / there are no review figures of unit " + unitCode + " for " + year + " yet; no file written");
            return 1;
        }
        List<ReportTable> tables = ReportTables.of(data.get());
        write(file, format, tables);
        out.println("Report of " + data.get().unit().unitName() + " (" + unitCode + "), " + year + ": " + tables.size()
                + " tables written to " + file + ".");
        return 0;
    }

    /** Into a file beside the target first, then moved over it: a reader never sees half a report. */
    private static void write(Path file, ReportFormat format, List<ReportTable> tables) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(directory, ".report-", "." + format.extension());
        try {
            try (OutputStream stream = Files.newOutputStream(partial)) {
                format.write(tables, stream);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String required(Map<String, String> options, String option) {
        String value = options.get(option);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + "=... là bắt buộc / is required\n" + USAGE);
        }
        return value;
    }

    private static int year(String text) {
        try {
            int year = Integer.parseInt(text);
            if (ReviewYears.isSupported(year)) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below, like a year out of range
        }
        throw new IllegalArgumentException("năm rà soát phải là số từ " + ReviewYears.FIRST + " đến " + ReviewYears.LAST
                + " / the review year must be a number from " + ReviewYears.FIRST + " to " + ReviewYears.LAST + ": " + text);
    }
}
